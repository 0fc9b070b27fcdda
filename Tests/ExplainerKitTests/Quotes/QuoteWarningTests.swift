import Testing

@testable import ExplainerKit

/// A block quote that looks like a quotation but has no attribution warns at its line
/// (`QuoteDetector.warning(for:)`); one that is not a quotation does not.
@Suite("Quote warnings")
struct QuoteWarningTests {
    @Test func quotationWithoutAttributionWarnsAtItsLine() throws {
        for smart in [false, true] {
            let notes = bodyNotes("Intro.\n\n> \"We will act.\"\n>\n> More words.\n", smart: smart)
            let note = try #require(notes.first)
            #expect(notes.count == 1)
            #expect(note.severity == .warning && note.line == 3 && note.column == 1)
            #expect(note.message.contains("no attribution") && note.hint.contains("\u{2014} Name, role"))
        }
        // Curly quotes and guillemets open a quotation too.
        for open in ["\u{201C}", "\u{2018}", "\u{00AB}", "\u{201E}"] {
            #expect(bodyNotes("> \(open)Words.\n").count == 1, "\(open)")
        }
        // A straight single quote too, once smart punctuation pairs it (an unpaired one it
        // makes an apostrophe, as in `'90s`).
        for smart in [false, true] {
            #expect(bodyNotes("> 'Words,' she said.\n", smart: smart).count == 1)
        }
    }

    /// A dash line that is not read as an attribution (the line before it does not end the
    /// quotation) warns with what to change.
    @Test func dashLineThatDoesNotParse() throws {
        let note = try #require(bodyNotes("> We will act\n> \u{2014} Ana\n").first)
        #expect(note.line == 1 && note.message.contains("dash line"))
        #expect(note.hint.contains("closing punctuation"))
        // A lone attribution quote (a blank line split the block quote in two).
        let split = bodyNotes("> \"We will act.\"\n\n> \u{2014} Ana\n")
        #expect(split.map(\.line) == [1, 3])
    }

    @Test func quotesAndPlainBlockQuotesDoNotWarn() {
        for markdown in [
            "> \"We will act.\"\n> \u{2014} Ana\n",
            "> \"We will act.\"\n>\n> -- Ana\n",
            "> Not a quote: no attribution.\n",
            "> A note\n> - with a list\n",
            "    > \"In a code block.\"\n",
            "```\n> \"In a fence.\"\n```\n",
        ] {
            #expect(bodyNotes(markdown).isEmpty, "\(markdown.debugDescription)")
        }
    }

    /// Through a build: the warning names the file and its line there, and does not stop it.
    @Test func buildReportsTheWarningAtTheFileLine() throws {
        let article = Fixtures.article().replacingOccurrences(of: "Risk paragraph.", with: "Risk paragraph.\n\n> \"Unattributed.\"")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        let warning = try #require(build.warnings.first { $0.message.contains("no attribution") })
        let lines = article.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "> \"Unattributed.\"")) + 1
        #expect(warning.file.hasSuffix("a.md") && warning.line == line)
        #expect(build.text("a/quotes/index.html") != nil)
    }
}

/// The notes (warnings) the Markdown stage gives `markdown`, smart punctuation on by default.
func bodyNotes(_ markdown: String, smart: Bool = true) -> [MarkdownNote] {
    MarkdownRenderer.render(markdown, smart: smart).notes
}
