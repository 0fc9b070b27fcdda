import Testing

@testable import ExplainerKit

@Suite("Markdown stage")
struct MarkdownTests {
    @Test func splitsAtH2AndKeepsTheLede() {
        let rendered = MarkdownRenderer.render("Lede.\n\n## One\n\nFirst.\n\n### Sub\n\nMore.\n\n## Two\n\nSecond.\n")
        #expect(rendered.lede.html == "<p>Lede.</p>\n")
        #expect(rendered.sections.map { $0.heading?.text } == ["One", "Two"])
        #expect(rendered.sections[0].html == "<p>First.</p>\n<h3 id=\"sub\">Sub</h3>\n<p>More.</p>\n")
        #expect(rendered.sections[0].toc == [TOCEntry(level: 3, text: "Sub", id: "sub")])
        #expect(rendered.sections[0].excerptHTML == "<p>First.</p>\n")
        #expect(rendered.sections[1].headingHTML == "<h2 id=\"two\">Two</h2>\n")
    }

    @Test func headingIDsAreUniqueAndStable() {
        let markdown = "## Same\n\n## Same\n\n### Same\n\n## main\n\n## 2024 *in* review\n"
        let first = MarkdownRenderer.render(markdown, reservedIDs: ["main"])
        let ids = first.sections.map { $0.heading!.id } + first.sections.flatMap { $0.toc.map(\.id) }
        #expect(ids == ["same", "same-2", "main-2", "h-2024-in-review", "same-3"])
        #expect(Set(ids).count == ids.count)
        #expect(MarkdownRenderer.render(markdown, reservedIDs: ["main"]) == first)
        #expect(first.sections[3].heading?.innerHTML == "2024 <em>in</em> review")
    }

    @Test func findsQuotesWithAttribution() throws {
        let rendered = MarkdownRenderer.render(
            """
            > "First."
            >
            > "Second."
            >
            > — Kabir Taneja, deputy director, Observer Research Foundation

            > Not a quote: no attribution.

            > "Dashes."
            >
            > -- Someone
            """)
        let quotes = rendered.lede.quotes
        #expect(quotes.count == 2)
        let first = try #require(quotes.first)
        #expect(first.id == "quote-1")
        #expect(first.speaker == "Kabir Taneja")
        #expect(first.context == "deputy director, Observer Research Foundation")
        #expect(first.html == "<p>&quot;First.&quot;</p>\n<p>&quot;Second.&quot;</p>\n")
        #expect(quotes[1].speaker == "Someone" && quotes[1].context.isEmpty)
        #expect(rendered.lede.html.contains("<figure class=\"quote\" id=\"quote-1\">"))
        #expect(rendered.lede.html.contains("<blockquote>\n<p>Not a quote: no attribution.</p>\n</blockquote>"))
    }

    @Test func safeModeDropsRawHTMLAndDangerousLinks() {
        let html = MarkdownRenderer.render(
            """
            <script>alert(1)</script>

            [x](javascript:alert(1)) [y](data:text/html;base64,AAAA) ![z](data:image/png;base64,AAAA) [ok](https://example.com)
            """
        ).lede.html
        #expect(!html.contains("<script>"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:"))
        #expect(html.contains("href=\"https://example.com\""))
    }

    @Test func unsafeModeKeepsRawHTML() {
        let html = MarkdownRenderer.render("<div>raw</div>\n\n[x](javascript:void(0))\n", unsafe: true).lede.html
        #expect(html == "<div>raw</div>\n<p><a href=\"javascript:void(0)\">x</a></p>\n")
    }

    @Test func collectsExternalLinksOncePerChunk() {
        let rendered = MarkdownRenderer.render("[a](https://a.example) [again](https://a.example) [local](/x/) [b](http://b.example)\n")
        #expect(
            rendered.lede.links == [ExternalLink(text: "a", url: "https://a.example"), ExternalLink(text: "b", url: "http://b.example")])
    }

    @Test func countsWordsAndReadingTime() {
        #expect(WordCounter.count("It's a well-known fact: 150 people.") == 6)
        #expect(WordCounter.minutes(forWords: 0) == 1)
        #expect(WordCounter.minutes(forWords: 660) == 3)
    }

    @Test func deepNestingDoesNotOverflow() {
        let markdown = String(repeating: "> ", count: 5000) + "deep\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.lede.html.contains("deep"))
    }
}

@Suite("Markdown stage: fuzzer findings")
struct MarkdownFuzzFindingsTests {
    /// Found by Scripts/fuzz: a heading whose text starts with a combining mark (U+07ED) made
    /// `>` and the mark one `Character`, and slicing the heading's HTML by characters crashed.
    @Test func headingStartingWithACombiningMark() {
        let rendered = MarkdownRenderer.render("# \u{7ED}baz\n\n## \u{301}x\n")
        #expect(rendered.lede.html == "<h1 id=\"baz\">\u{7ED}baz</h1>\n")
        #expect(rendered.sections.first?.heading?.innerHTML == "\u{301}x")
    }
}
