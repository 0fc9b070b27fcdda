import Testing

@testable import ExplainerKit

@Suite("Section labels")
struct SectionLabelTests {
    @Test func theLabelIsTheHeadingNotTheKey() throws {
        let article = SectionFixtures.article(
            headings: ["What's next", "What happened"],
            frontMatter: "sections:\n  whats-next: \"What's next\"\n  happened: \"What happened\"")
        let build = try SectionFixtures.build(article)
        let overview = try #require(build.text("a/index.html"))
        #expect(overview.contains(">What\u{2019}s next</a>"))
        #expect(!overview.contains("Whats next"))
        // The pager names the next page by its label.
        let next = try #require(build.text("a/whats-next/index.html"))
        #expect(next.contains("<span class=\"pager-title\">What happened</span>"))
        #expect(!next.contains(">Happened<"))
        // The section page's <title> is its label.
        #expect(next.contains("<title>What\u{2019}s next \u{2013} Sections test \u{2013} Test site</title>"))
    }

    @Test func aMappingEntryGivesTheLabel() throws {
        let article = SectionFixtures.article(
            headings: ["Why Russia's recognition of the Taliban matters so much to Moscow", "Risks"],
            frontMatter:
                "sections:\n  why: { heading: \"Why Russia's recognition of the Taliban matters so much to Moscow\", label: \"Why it's done\" }\n  risks:\n    heading: Risks"
        )
        let build = try SectionFixtures.build(article)
        let page = try #require(build.text("a/why/index.html"))
        #expect(page.contains("aria-current=\"page\">Why it\u{2019}s done</a>"))
        #expect(page.contains("<title>Why it\u{2019}s done \u{2013} Sections test \u{2013} Test site</title>"))
        // The heading is still the page's <h1>.
        #expect(page.contains("matters so much to Moscow</h1>"))
        let quotes = try #require(build.text("a/risks/index.html"))
        #expect(quotes.contains("<span class=\"pager-title\">Why it\u{2019}s done</span>"))
    }

    @Test func aLongHeadingIsShortenedAtAWord() throws {
        let heading = "Why Russia's recognition of the Taliban matters so much to Moscow"
        let label = SectionLabel.shortened(heading)
        #expect(label == "Why Russia's recognition of the Taliban\u{2026}")
        #expect(SectionLabel.shortened("Why Russia's recognition of the Talibans matter") == "Why Russia's recognition of the\u{2026}")
        #expect(label.count <= SectionLabel.limit)
        #expect(SectionLabel.shortened("Short heading") == "Short heading")
        let exactly = String(repeating: "a", count: SectionLabel.limit)
        #expect(SectionLabel.shortened(exactly) == exactly)
        // One long word: cut inside it.
        let word = SectionLabel.shortened(String(repeating: "b", count: 60))
        #expect(word == String(repeating: "b", count: SectionLabel.limit - 1) + "\u{2026}")
        // Punctuation before the cut is dropped.
        #expect(
            SectionLabel.shortened("The war, the peace, and what came after it all, in the end")
                == "The war, the peace, and what came after\u{2026}")
        #expect(
            SectionLabel.shortened("Alpha beta gamma delta epsilon zeta: eta theta iota kappa")
                == "Alpha beta gamma delta epsilon zeta\u{2026}")
    }

    @Test func otherShapesAndUnknownKeysAreErrorsAtTheirPlace() throws {
        let cases: [(String, Int, Int, String)] = [
            ("sections:\n  next: { heading: \"A\", lable: \"B\" }", 6, 25, "Unknown key `lable`"),
            ("sections:\n  next: { label: \"B\" }", 6, 9, "needs a `heading:`"),
            ("sections:\n  next: [\"A\"]", 6, 9, "must be text"),
            ("sections:\n  next: { heading: [\"A\"] }", 6, 20, "must be text"),
        ]
        for (frontMatter, line, column, message) in cases {
            let article = SectionFixtures.article(headings: ["A"], frontMatter: frontMatter)
            let result = outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: "Content/a.md", text: article)) }
            let problem = try #require(result.diagnostics.first, "\(frontMatter)")
            #expect(problem.message.contains(message), "\(problem.message)")
            #expect(problem.line == line && problem.column == column, "\(frontMatter): \(problem.location)")
        }
        let unknown = outcome { () throws(BuildFailure) in
            try ArticleParser.parse(
                SourceFile(
                    path: "Content/a.md",
                    text: SectionFixtures.article(headings: ["A"], frontMatter: "sections:\n  next: { heading: \"A\", lable: \"B\" }")))
        }
        #expect(unknown.diagnostics.first?.hint.contains("Did you mean `label`?") == true)
    }
}
