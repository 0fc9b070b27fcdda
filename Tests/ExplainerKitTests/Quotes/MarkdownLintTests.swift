import Testing

@testable import ExplainerKit

/// `MarkdownLint`: GitHub extensions CommonMark core prints as text, a `#` heading in the
/// body and a skipped heading level, each a warning at its body line; never inside code.
@Suite("Markdown lint")
struct MarkdownLintTests {
    @Test func gfmTableWarnsAtItsHeaderRow() throws {
        for smart in [false, true] {
            for table in ["| a | b |\n|---|:--:|\n| 1 | 2 |\n", "a | b\n--- | ---\n1 | 2\n", "| a |\n|---|\n"] {
                let found = bodyNotes("Intro.\n\n" + table, smart: smart)
                let note = try #require(found.first, "\(table.debugDescription) smart: \(smart)")
                #expect(found.count == 1 && note.line == 3 && note.severity == .warning)
                #expect(note.message.hasPrefix("Explainer renders CommonMark core") && note.message.contains("table"))
            }
        }
        // Pipes and dashes that are no table.
        for text in ["a | b\nmore text\n", "Prices rose -- a lot.\n", "| a |\n| b |\n"] {
            #expect(bodyNotes(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func footnotesWarn() throws {
        let reference = try #require(bodyNotes("One.\n\nA claim.[^1]\n").first)
        #expect(reference.line == 3 && reference.message.contains("footnote"))
        let definition = try #require(bodyNotes("Intro.\n\n[^note]: The source, a report.\n").first)
        #expect(definition.line == 3 && definition.message.contains("footnote"))
        // A definition with a URL is a CommonMark link definition: the reference becomes a link.
        let linked = bodyNotes("A claim.[^1]\n\n[^1]: https://example.com\n")
        #expect(linked.map(\.line) == [1])
        #expect(bodyNotes("An array a[^1] is not a footnote when it is `x[^1]`.\n").count == 1)
        #expect(bodyNotes("Code: `x[^1]` and [a link](https://example.com).\n").isEmpty)
    }

    @Test func strikethroughWarns() throws {
        let note = try #require(bodyNotes("Intro.\n\nIt was ~~wrong~~ right.\n").first)
        #expect(note.line == 3 && note.message.contains("strikethrough"))
        for text in ["About ~~ 5 ~~ people.\n", "A tilde ~ here.\n", "`~~code~~`\n"] {
            #expect(bodyNotes(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func headingsWarnForH1AndSkippedLevels() {
        let found = bodyNotes("# Title again\n\nText.\n\n## Section\n\n#### Too deep\n\n## Next\n\n### Fine\n\nBig\n===\n")
        #expect(found.map(\.line) == [1, 7, 13])
        #expect(found[0].message.contains("`#` heading") && found[0].hint.contains("`##`"))
        #expect(found[1].message.contains("H4") && found[1].message.contains("H2") && found[1].hint.contains("`###`"))
        // The lede may start with an H3: that skips the H2.
        #expect(bodyNotes("### Early\n\nText.\n").map(\.line) == [1])
        #expect(bodyNotes("## A\n\n### B\n\n#### C\n\n## D\n").isEmpty)
    }

    /// Code blocks, fenced or indented, never warn.
    @Test func codeNeverWarns() {
        let code = "```\n# not a heading\n| a | b |\n|---|---|\n[^1] ~~x~~\n```\n\n    | a | b |\n    |---|---|\n"
        #expect(bodyNotes(code).isEmpty)
    }

    /// Notes come in body order, quote warnings and lints together.
    @Test func notesAreInBodyOrder() {
        let found = bodyNotes("> \"Unattributed.\"\n\nIt was ~~x~~.\n\n#### Deep\n")
        #expect(found.map(\.line) == [1, 3, 5])
    }
}
