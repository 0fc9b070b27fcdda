import Testing

@testable import ExplainerKit

/// The attribution forms authors type (`QuoteDetector`): each dash, on the quotation's last
/// line or in a paragraph of its own, with smart punctuation on and off.
@Suite("Quote forms")
struct QuoteFormsTests {
    static let dashes = ["\u{2014}", "\u{2013}", "\u{2015}", "--", "---"]

    func render(_ markdown: String, smart: Bool) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, smart: smart)
    }

    /// `"…we will act."` then `— Name, Role` on the next line of the same paragraph.
    @Test(arguments: dashes)
    func attributionOnTheLastLine(_ dash: String) throws {
        for smart in [false, true] {
            let rendered = render("> \"We will act.\"\n> \(dash) Ana D\u{ED}az, minister\n", smart: smart)
            let quote = try #require(rendered.lede.quotes.first, "\(dash) smart: \(smart)")
            #expect(quote.speaker == "Ana D\u{ED}az" && quote.context == "minister", "\(dash) smart: \(smart)")
            // The attribution line is gone from the quotation, and the figure is whole.
            #expect(!quote.html.contains("Ana") && quote.html.hasPrefix("<p>") && quote.html.hasSuffix("</p>\n"))
            #expect(!quote.text.contains("minister"))
            #expect(rendered.lede.html.contains("<figcaption><bdi class=\"speaker\">Ana D\u{ED}az</bdi>"))
            #expect(rendered.notes.isEmpty, "\(rendered.notes)")
        }
    }

    /// The same after a hard line break (two spaces or a backslash), and in a later paragraph.
    @Test func lastLineAfterAHardBreakAndAfterOtherParagraphs() throws {
        for markdown in [
            "> \"We will act.\"  \n> \u{2014} Ana\n", "> \"We will act.\"\\\n> \u{2014} Ana\n",
            "> \"First.\"\n>\n> \"We will act.\"\n> \u{2014} Ana\n",
        ] {
            let rendered = render(markdown, smart: true)
            let quote = try #require(rendered.lede.quotes.first, "\(markdown.debugDescription)")
            #expect(quote.speaker == "Ana")
            #expect(!quote.html.contains("<br />\n</p>") && !quote.html.contains("Ana"), "\(quote.html.debugDescription)")
        }
    }

    /// An attribution wrapped over two lines is found from its dash to the end.
    @Test func wrappedAttribution() throws {
        let markdown = "> \"We will act.\"\n> \u{2014} Kabir Taneja, deputy director at the\n> Observer Research Foundation\n"
        let rendered = render(markdown, smart: true)
        let quote = try #require(rendered.lede.quotes.first)
        #expect(quote.speaker == "Kabir Taneja" && quote.context == "deputy director at the Observer Research Foundation")
    }

    /// `"…we will act." — Name` on the same line, in a quotation that opens with a quotation
    /// mark: every dash and a spaced hyphen, smart punctuation on and off.
    @Test(arguments: dashes + ["-"])
    func attributionOnTheSameLine(_ dash: String) throws {
        for smart in [false, true] {
            for markdown in [
                "> \"We will act.\" \(dash) Ana O'Brien, minister\n",
                "> \"First.\"\n>\n> *\"We will act.\"* \(dash) Ana O'Brien, minister\n",
                "> \"It's,\" she said, \"done.\"\n> \"We will act.\" \(dash) Ana O'Brien, minister\n",
            ] {
                let rendered = render(markdown, smart: smart)
                let quote = try #require(rendered.lede.quotes.first, "\(markdown.debugDescription) smart: \(smart)")
                #expect(quote.speaker.hasPrefix("Ana O") && quote.context == "minister", "\(markdown.debugDescription)")
                #expect(!quote.html.contains("Ana") && !quote.html.contains("minister"))
                #expect(
                    quote.html.hasSuffix("act.\u{201D}</p>\n") || quote.html.hasSuffix("act.&quot;</p>\n")
                        || quote.html.hasSuffix("</em></p>\n"), "\(quote.html.debugDescription)")
                #expect(rendered.notes.isEmpty)
            }
        }
    }

    /// A paragraph of its own still works, for every dash, smart punctuation on and off.
    @Test(arguments: dashes)
    func attributionParagraph(_ dash: String) {
        for smart in [false, true] {
            let rendered = render("> \"We will act.\"\n>\n> \(dash) Ana, minister\n", smart: smart)
            #expect(rendered.lede.quotes.map(\.speaker) == ["Ana"], "\(dash) smart: \(smart)")
        }
    }

    /// `- Name` is a list item in CommonMark: an attribution only when the quotation opens
    /// with a quotation mark and the list has one item.
    @Test func hyphenListItem() throws {
        for smart in [false, true] {
            for markdown in ["> \"We will act.\"\n> - Ana, minister\n", "> \u{201C}We will act.\u{201D}\n>\n> - Ana, minister\n"] {
                let rendered = render(markdown, smart: smart)
                let quote = try #require(rendered.lede.quotes.first, "\(markdown.debugDescription)")
                #expect(quote.speaker == "Ana" && quote.context == "minister")
                #expect(!rendered.lede.html.contains("<ul>"))
            }
        }
        // A list that is a list stays one.
        for markdown in ["> Notes:\n> - one item\n", "> \"Quoted.\"\n> - one\n> - two\n", "> \"Quoted.\"\n> 1. one\n"] {
            let rendered = render(markdown, smart: true)
            #expect(rendered.lede.quotes.isEmpty, "\(markdown.debugDescription)")
            #expect(rendered.lede.html.contains("<li>"))
        }
    }

    /// Dashes that are prose, not attributions, are left alone: a dash line after a line that
    /// does not end a sentence, a dash within a line, a lone dash paragraph.
    @Test func noFalsePositives() {
        for markdown in [
            "> He said it was a mistake\n> \u{2014} a big one \u{2014} and left.\n",
            "> We will act \u{2014} and they did.\n",
            "> \"No,\" he said \u{2014} quietly.\n",
            "> \u{2014} Ana\n",
            "> \"We will act.\"\n> \u{2014}\n",
            "Not a quote.\n\u{2014} Ana\n",
        ] {
            #expect(render(markdown, smart: true).lede.quotes.isEmpty, "\(markdown.debugDescription)")
        }
    }

    /// Quote ids count the new forms: headings never take `quote-N`.
    @Test func idsCountEveryForm() {
        let rendered = render(
            "> \"One.\"\n> \u{2014} A\n\n> \"Two.\"\n> - B\n\n## Quote 1\n\n> \"Three.\"\n>\n> -- C\n", smart: false)
        let quotes = rendered.lede.quotes + rendered.sections.flatMap(\.quotes)
        #expect(quotes.map(\.id) == ["quote-1", "quote-2", "quote-3"])
        #expect(quotes.map(\.speaker) == ["A", "B", "C"])
        #expect(rendered.sections.first?.heading?.id == "quote-1-2")
    }
}
