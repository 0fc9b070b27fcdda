import Foundation
import Testing

@testable import ExplainerKit

/// Checks on the repository's own site: the sample explainer and the committed Public/.
@Suite("Sample site")
struct SampleSiteTests {
    static func build() throws -> SiteBuild {
        try BuildRunner(
            paths: BuildRunner.Paths(
                content: Fixtures.path("Content"), templates: Fixtures.path("Templates"), output: Fixtures.path("Public")
            )
        ).buildInMemory()
    }

    /// Every sentence of the seed article appears exactly once in the body text (`.prose`) of
    /// the explainer's five pages. Quotations set as block quotes lose their "said X" (moved to
    /// the attribution), so sentences are compared as their quoted words. The pages set the
    /// seed's straight punctuation curly (smart punctuation), so both sides are compared as
    /// `SmartText.fold` gives them (curly quotes, apostrophes, dashes and ellipses back to
    /// `'` `"` `--` `---` `...`), then as lowercase words.
    @Test func everySentenceOfTheSeedAppearsExactlyOnce() throws {
        let build = try Self.build()
        let article = try #require(build.articles.first)
        let pages = ["", "history/", "strategy/", "risks/", "quotes/"].map { "\(article.slug)/\($0)index.html" }
        let bodies = try pages.map { page -> String in
            let html = try #require(build.text(page), "\(page)")
            return Self.normalize(SmartText.fold(Self.proseText(html)))
        }
        let seed = try Fixtures.fixtureText("seed-article.txt")
        let headings: Set<String> = ["Afghanistan's historical context", "Pragmatic strategy", "A risky move?"]
        var checked = 0
        for line in seed.split(separator: "\n").map(String.init) where !headings.contains(line) && line != "Comments" {
            for sentence in Self.sentences(line) {
                let words = Self.normalize(SmartText.fold(Self.quotedWords(sentence)))
                let count = bodies.reduce(0) { $0 + $1.components(separatedBy: words).count - 1 }
                #expect(count == 1, "\"\(sentence)\" appears \(count) times")
                checked += 1
            }
        }
        #expect(checked == 36)  // the seed's sentences, headings and the trailing "Comments" aside
    }

    @Test func quotesAreMarkedUpWithAttributions() throws {
        let article = try #require(try Self.build().articles.first)
        #expect(article.quotes.map(\.quote.speaker) == ["Russian Ministry of Foreign Affairs", "Kabir Taneja", "Kabir Taneja"])
        #expect(article.quotes.map(\.sectionKey) == [nil, "risks", "risks"])
        #expect(article.frontMatter.timeline.count >= 8)
        #expect(article.frontMatter.keyPoints.count >= 4)
        #expect(article.sections.map(\.key) == ["history", "strategy", "risks"])
    }

    @Test func twoBuildsGiveTheSameBytes() throws {
        #expect(try Self.build().files == Self.build().files)
    }

    /// The committed Public/ is exactly what a fresh build makes (rebuild with `make site`).
    @Test func committedPublicMatchesAFreshBuild() throws {
        let build = try Self.build()
        let committed = Fixtures.snapshot(Fixtures.path("Public"))
        let fresh = Dictionary(uniqueKeysWithValues: build.files.map { ($0.path, $0.bytes) })
        let stale = Set(committed.keys).subtracting(fresh.keys).sorted()
        let missing = Set(fresh.keys).subtracting(committed.keys).sorted()
        let differing = fresh.keys.filter { committed[$0] != nil && committed[$0] != fresh[$0] }.sorted()
        #expect(
            stale.isEmpty && missing.isEmpty && differing.isEmpty,
            "Public/ is out of date (run `make site`): stale \(stale), missing \(missing), differing \(differing)")
    }

    // MARK: - Text helpers

    /// The text inside every `<div class="prose">…</div>` of a page, tags stripped, entities decoded.
    static func proseText(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<div class=\"prose\">") {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: "\n</div>") else { break }
            out += " " + after[..<end.lowerBound]
            rest = after[end.upperBound...]
        }
        var text = ""
        var inTag = false
        for ch in out {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false; text += " " } else if !inTag { text.append(ch) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Lowercase words separated by single spaces (punctuation dropped).
    static func normalize(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// Splits a line into sentences at `. `, `? `, `! ` followed by a capital or quote.
    static func sentences(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(line)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            if ".?!".contains(ch), i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase || chars[i + 2] == "\"" {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { out.append(current.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    /// `"Words," said X.` → `Words`; other sentences unchanged.
    static func quotedWords(_ sentence: String) -> String {
        guard sentence.hasPrefix("\""), let close = sentence.dropFirst().firstIndex(of: "\"") else { return sentence }
        let tail = sentence[sentence.index(after: close)...]
        if tail.contains(" said") || tail.contains("he said") {
            return String(sentence[sentence.index(after: sentence.startIndex)..<close])
        }
        return sentence
    }
}
