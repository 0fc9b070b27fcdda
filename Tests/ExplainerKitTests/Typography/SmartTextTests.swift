import Testing

@testable import ExplainerKit

/// `SmartText`: front matter strings through cmark, only their punctuation changed.
@Suite("Smart text")
struct SmartTextTests {
    /// Pieces of text generated strings are made of: Markdown syntax of every kind (inline,
    /// block starts at a line's start, entities, escapes, HTML), white space in every place
    /// cmark trims or reads (indentation, trailing spaces, blank lines, tabs, CR LF), and text.
    static let pieces = [
        "*", "**", "_", "__", "`", "``", "```", "~~~", "[", "]", "(", ")", "![", "<", ">", "<b>", "</p>", "<!-- x -->",
        "<https://example.org>", "&amp;", "&copy;", "&#39;", "&#x22;", "&", ";", "#", "## ", "1.", "1) ", "- ", "+ ", "* ",
        "> ", "    ", "\t", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\\", "\\\n", "\\*", "===", "---", "***", "|", "~", "^",
        "$", "%", "@", "!", "?", "{", "}", "=", "+", ",", ":", "é", "日本", "\u{00A0}", "\u{2013}", "\u{201C}", "Kabul",
        "Russia", "word", "2021", "x", "a b",
    ]

    /// What smart punctuation acts on.
    static let smartPieces = ["'", "\"", "-", "--", "---", ".", "..", "...", "...."]

    static func generated(_ seed: Int, pieces: [String]) -> String {
        var random = SeededRandom(seed: UInt64(seed))
        let count = Int.random(in: 0...24, using: &random)
        return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// With smart punctuation off, the text comes back exactly as it went in: the escaping
    /// leaves cmark nothing to interpret.
    @Test(arguments: 0..<1500)
    func smartOffReturnsTheTextUnchanged(seed: Int) {
        let text = Self.generated(seed, pieces: Self.pieces + Self.smartPieces)
        #expect(SmartText.throughCmark(text, smart: false) == text, "seed \(seed): \(text.debugDescription)")
    }

    /// With smart punctuation on, text without quotes, hyphens or dots comes back unchanged.
    @Test(arguments: 0..<1500)
    func smartOnLeavesTextWithoutSmartPunctuationUnchanged(seed: Int) {
        let pieces = Self.pieces.filter { !$0.contains(where: { "'\"-.".contains($0) }) }
        let text = Self.generated(seed, pieces: pieces)
        #expect(SmartText.throughCmark(text, smart: true) == text, "seed \(seed): \(text.debugDescription)")
    }

    /// With smart punctuation on, only punctuation changes: the result folds to the input
    /// (`throughCmark` is nil when it would not: the `#require` is that check) and has its slug.
    @Test(arguments: 0..<800)
    func smartOnChangesOnlyPunctuation(seed: Int) throws {
        let text = Self.generated(seed, pieces: Self.pieces + Self.smartPieces + Self.smartPieces)
        let typeset = try #require(SmartText.throughCmark(text, smart: true), "seed \(seed): \(text.debugDescription)")
        #expect(Slug.make(typeset) == Slug.make(text), "seed \(seed): \(text.debugDescription)")
    }

    /// The same punctuation as cmark sets in the body: a front matter string and the same text
    /// as a paragraph of the body come out alike.
    @Test(arguments: [
        "Russia's recognition of the Taliban, explained",
        "\"We believe\" -- said the ministry --- and then... nothing",
        "The 'Great Game' of the 1990s and '90s",
        "She said \"it's 'fine'\" (really).",
        "A \"quote\" across\na line break, 'and' another",
    ])
    func matchesTheBody(_ text: String) {
        let paragraph = cmarkReferenceHTML(text, smart: true)
        let expected = "<p>" + HTMLEscaping.escape(SmartText.typeset(text)) + "</p>\n"
        #expect(paragraph == expected)
    }

    @Test func setsQuotesDashesAndEllipses() {
        #expect(
            SmartText.typeset("Russia's \"deal\" -- and --- so...")
                == "Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} and \u{2014} so\u{2026}")
        #expect(SmartText.typeset("'Quoted' words") == "\u{2018}Quoted\u{2019} words")
    }

    @Test func markdownSyntaxStaysLiteral() {
        let text = "# Not a heading: *not em*, `not code`, [not](a link), <b>not HTML</b> & &amp; \\ it's"
        #expect(SmartText.typeset(text) == text.replacingOccurrences(of: "it's", with: "it\u{2019}s"))
        #expect(
            SmartText.typeset("- one's\n1. two's\n    code's\n\n> 'x'")
                == "- one\u{2019}s\n1. two\u{2019}s\n    code\u{2019}s\n\n> \u{2018}x\u{2019}")
    }

    @Test func keepsLineBreaksAndSpacesAsWritten() {
        #expect(SmartText.typeset("  it's  \r\n\r\n\tthat's ") == "  it\u{2019}s  \r\n\r\n\tthat\u{2019}s ")
        #expect(SmartText.typeset("") == "")
        #expect(SmartText.typeset("'") == "\u{2019}")
    }

    /// Text cmark would change otherwise (a NUL becomes U+FFFD) is returned as it is.
    @Test func textCmarkWouldAlterIsLeftAlone() {
        #expect(SmartText.throughCmark("it's\u{0000}", smart: true) == nil)
        #expect(SmartText.typeset("it's\u{0000}") == "it's\u{0000}")
    }

    @Test func foldUndoesSmartPunctuation() {
        #expect(SmartText.fold("\u{2018}a\u{2019} \u{201C}b\u{201D} \u{2013} \u{2014} \u{2026}") == "'a' \"b\" -- --- ...")
        #expect(SmartText.fold("plain") == "plain")
    }

    /// Curly quotes never change a heading's slug: `’` and `‘` join words as `'` does.
    @Test func slugsIgnoreTypographicQuotes() {
        #expect(Slug.make("Afghanistan\u{2019}s historical context") == "afghanistans-historical-context")
        #expect(Slug.make("Rock \u{2018}n\u{2019} roll") == Slug.make("Rock 'n' roll"))
        #expect(Slug.make("A risky move\u{2026}") == "a-risky-move")
    }
}
