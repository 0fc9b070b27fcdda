import Foundation
import Testing

@testable import ExplainerKit

/// Smart punctuation through a whole build: on by default, off with `smartPunctuation: false`,
/// and the same in the body, the front matter, the quotes, the ids, the JSON-LD and the feed.
@Suite("Smart punctuation, end to end")
struct SmartPunctuationSiteTests {
    /// An explainer with straight quotes, `--`, `---` and `...` wherever text is shown.
    static let article = """
        ---
        title: "Russia's \\"deal\\" -- explained"
        summary: "What it means... and what it doesn't."
        date: 2025-07-04
        tags: [Russia's]
        sections:
          history: "Afghanistan's past"
          risks: "A \\"risky\\" move?"
        keyPoints: ["It's the first -- and only -- one."]
        timeline:
          - { date: "'90s", event: "The \\"Great Game\\" ends." }
        ---
        Russia's decision -- it's "big" --- and new...

        > "We believe it's right."
        >
        > -- Russian Ministry of Foreign Affairs, in a statement on 3 July

        ## Afghanistan's past

        The past's text.

        ### The 'Great Game'

        More.

        ## A "risky" move?

        > 'Risky,' he said.
        >
        > --- Kabir Taneja, Observer Research Foundation
        """

    static func build(siteYML: String = Fixtures.siteYML) throws -> SiteBuild {
        try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)], siteYML: siteYML))
    }

    @Test func onByDefaultInTheBodyAndTheFrontMatter() throws {
        let build = try Self.build()
        let overview = try #require(build.text("a/index.html"))
        #expect(overview.contains("<title>Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained \u{2013} Test site</title>"))
        #expect(overview.contains("Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained</h1>"))
        #expect(overview.contains("content=\"What it means\u{2026} and what it doesn\u{2019}t.\""))
        #expect(overview.contains("<li>It\u{2019}s the first \u{2013} and only \u{2013} one.</li>"))
        #expect(overview.contains("<p>Russia\u{2019}s decision \u{2013} it\u{2019}s \u{201C}big\u{201D} \u{2014} and new\u{2026}</p>"))
        // No straight quote is left but the tag's (tags are names, left as written), in its
        // `<meta>` and its topic link.
        #expect(!overview.contains("&quot;") && overview.components(separatedBy: "&#39;").count == 3)
        #expect(overview.contains("<meta property=\"article:tag\" content=\"Russia&#39;s\">"))
        #expect(overview.contains("<a href=\"/topics/russias/\" rel=\"tag\">Russia&#39;s</a>"))
        let history = try #require(build.text("a/history/index.html"))
        #expect(history.contains("<strong>\u{2019}90s</strong>: The \u{201C}Great Game\u{201D} ends."))
        // The home card and the feed show the typeset title and summary too.
        let home = try #require(build.text("index.html"))
        #expect(home.contains("Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained"))
        #expect(home.contains("What it means\u{2026} and what it doesn\u{2019}t."))
    }

    /// `sections:` entries written with straight quotes name the headings cmark set curly;
    /// ids and slugs are those of the text as written.
    @Test func bindingsIdsAndSlugsMatchTheHeadings() throws {
        let build = try Self.build()
        let article = try #require(build.articles.first)
        #expect(article.sections.map(\.key) == ["history", "risks"])
        #expect(article.sections.map(\.heading.text) == ["Afghanistan\u{2019}s past", "A \u{201C}risky\u{201D} move?"])
        #expect(article.frontMatter.sections.map(\.heading) == ["Afghanistan\u{2019}s past", "A \u{201C}risky\u{201D} move?"])
        let history = try #require(build.text("a/history/index.html"))
        #expect(history.contains("<h1 id=\"afghanistans-past\">Afghanistan\u{2019}s past</h1>"))
        #expect(history.contains("<h3 id=\"the-great-game\">The \u{2018}Great Game\u{2019}</h3>"))
        // Tags are names, left as written.
        #expect(article.frontMatter.tags == ["Russia's"])
    }

    /// Attributions after `--` (an en dash once set) and `---` (an em dash) are still found,
    /// and the quotes page lists both with their speaker, role and date.
    @Test func quotesAreStillFound() throws {
        let build = try Self.build()
        let article = try #require(build.articles.first)
        #expect(article.quotes.map(\.quote.speaker) == ["Russian Ministry of Foreign Affairs", "Kabir Taneja"])
        #expect(article.quotes.map(\.quote.text) == ["\u{201C}We believe it\u{2019}s right.\u{201D}", "\u{2018}Risky,\u{2019} he said."])
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<bdi class=\"speaker\">Russian Ministry of Foreign Affairs</bdi>"))
        #expect(quotes.contains("<span class=\"context\">in a statement</span>"))
        #expect(quotes.contains("datetime=\"2025-07-03\""))
        #expect(quotes.contains("<bdi class=\"speaker\">Kabir Taneja</bdi>"))
    }

    /// An attribution typed with an en dash is found too, smart punctuation on or off; one
    /// after `--` or `---` gives the same speaker either way.
    @Test(arguments: ["\u{2013}", "--", "---", "\u{2014}"])
    func attributionDashesAreFoundEitherWay(_ dash: String) {
        for smart in [false, true] {
            let markdown = MarkdownRenderer.render("> \"Words.\"\n>\n> \(dash) Ana D\u{ED}az, editor\n", smart: smart)
            #expect(markdown.lede.quotes.map(\.speaker) == ["Ana D\u{ED}az"], "\(dash) smart: \(smart)")
            #expect(markdown.lede.quotes.map(\.context) == ["editor"])
        }
    }

    /// The JSON-LD parses as JSON and the feed and sitemap as XML, with the typeset text.
    @Test func jsonLDAndFeedStayValid() throws {
        let build = try Self.build()
        let overview = try #require(build.text("a/index.html"))
        let start = try #require(overview.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(overview[start.upperBound...].range(of: "</script>"))
        let json = try JSONSerialization.jsonObject(with: Data(overview[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        #expect(json?["headline"] as? String == "Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained")
        #expect(json?["description"] as? String == "What it means\u{2026} and what it doesn\u{2019}t.")
        let feed = try #require(build.text("feed.xml"))
        let titles = try #require(XMLTextCollector.collect("title", in: feed))
        #expect(titles.contains("Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained"))
        let summaries = try #require(XMLTextCollector.collect("summary", in: feed))
        #expect(summaries == ["What it means\u{2026} and what it doesn\u{2019}t."])
        #expect(XMLTextCollector.collect("loc", in: try #require(build.text("sitemap.xml"))) != nil)
    }

    @Test func offWithSmartPunctuationFalse() throws {
        let build = try Self.build(siteYML: Fixtures.siteYML + "\nsmartPunctuation: false")
        let overview = try #require(build.text("a/index.html"))
        #expect(overview.contains("<title>Russia&#39;s &quot;deal&quot; -- explained \u{2013} Test site</title>"))
        #expect(overview.contains("<p>Russia's decision -- it's &quot;big&quot; --- and new...</p>"))
        #expect(overview.contains("<li>It&#39;s the first -- and only -- one.</li>"))
        // (The footer's own “…” around the title is the template's.)
        let main = try #require(overview.components(separatedBy: "<main").last?.components(separatedBy: "</main>").first)
        for typographic in ["\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2026}"] {
            #expect(!main.contains(typographic), "\(typographic)")
        }
        let article = try #require(build.articles.first)
        #expect(article.sections.map(\.key) == ["history", "risks"])
        #expect(article.frontMatter.title == "Russia's \"deal\" -- explained")
        #expect(article.quotes.map(\.quote.speaker) == ["Russian Ministry of Foreign Affairs", "Kabir Taneja"])
        // The same ids with it on or off.
        #expect(try #require(build.text("a/history/index.html")).contains("<h3 id=\"the-great-game\">"))
    }

    @Test func aWrongValueIsAnErrorAtItsLine() throws {
        let failure = try #require(thrownFailure { try Self.build(siteYML: Fixtures.siteYML + "\nsmartPunctuation: sometimes") })
        let diagnostic = try #require(failure.diagnostics.first { $0.message.contains("smartPunctuation") })
        #expect(diagnostic.file == "Content/site.yml" && diagnostic.line == 6)
    }

    /// An entry that names no heading is reported as the author wrote it, and so are the
    /// headings the hint offers (not as typeset).
    @Test func errorsQuoteWhatTheAuthorWrote() throws {
        let bad = Self.article.replacingOccurrences(of: "history: \"Afghanistan's past\"", with: "history: \"Afghanistan's history\"")
        let failure = try #require(thrownFailure { try SiteBuilder.build(Fixtures.sources(articles: [("a.md", bad)])) })
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.message.contains("\"Afghanistan's history\""))
        #expect(diagnostic.hint.contains("\"Afghanistan's past\", \"A \"risky\" move?\""))
        #expect(diagnostic.line == 7)
    }

    /// A `sections:` entry written with curly quotes names a heading written with straight ones.
    @Test func aCurlyEntryNamesAStraightHeading() throws {
        let curly = Self.article.replacingOccurrences(of: "history: \"Afghanistan's past\"", with: "history: \"Afghanistan\u{2019}s past\"")
        for yml in [Fixtures.siteYML, Fixtures.siteYML + "\nsmartPunctuation: false"] {
            let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", curly)], siteYML: yml))
            #expect(try #require(build.articles.first).sections.map(\.key) == ["history", "risks"])
        }
    }

    /// `explainer build` on a folder, with the setting on (by default) and off: the pages on
    /// disk show curly or straight punctuation.
    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"), arguments: [true, false])
    func theCommandLineBuildFollowsTheSetting(smart: Bool) throws {
        let binary = try #require(InterruptedBuildTests.binary, "the explainer binary is not built")
        let yml = Fixtures.siteYML + (smart ? "" : "\nsmartPunctuation: false")
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Self.article], siteYML: yml)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try CLIProcess.run(
            binary,
            ["build", "--content", folder + "/Content", "--templates", folder + "/Templates", "--output", folder + "/Public"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: folder + "/Public/a/index.html", encoding: .utf8)
        let expected =
            smart
            ? "<h1>Russia\u{2019}s \u{201C}deal\u{201D} \u{2013} explained</h1>" : "<h1>Russia&#39;s &quot;deal&quot; -- explained</h1>"
        #expect(page.contains(expected))
        #expect(FileManager.default.fileExists(atPath: folder + "/Public/a/history/index.html"))
    }

    /// A quote's context set curly still gives its role and date to the quote cards.
    @Test func attributionDatesAreReadInTypesetText() throws {
        let published = try #require(ArticleDate(year: 2025, month: 7, day: 4))
        let (role, date) = QuoteAttribution.split(
            SmartText.typeset("speaking to 'Al Jazeera' -- on 3 July"), published: published)
        #expect(role == "speaking to \u{2018}Al Jazeera\u{2019}")
        #expect(date == ArticleDate(year: 2025, month: 7, day: 3))
    }

    /// Every typeset field of the front matter, including those the decoder fills elsewhere
    /// (`updates`, `known`, `unknown`) and the lead image's text.
    @Test func typesetsEveryFieldShownAsText() throws {
        let date = try #require(ArticleDate(year: 2025, month: 1, day: 2))
        var frontMatter = FrontMatter(
            title: "It's", summary: "\"S\"", date: date, tags: ["It's"],
            sections: [SectionBinding(key: "k", heading: "Kabul's fall")], keyPoints: ["a -- b"],
            timeline: [TimelineEntry(date: "1990s...", event: "'x'")])
        frontMatter.updates = [
            ArticleUpdate(date: date, kind: .correction, text: "We said \"one\".")
        ]
        frontMatter.known = ["It's known."]
        frontMatter.unknown = ["Who's next?"]
        frontMatter.image = LeadImageReference(path: "images/it's.png", alt: "Kabul's map", credit: "Map: 'NE'")
        let typeset = FrontMatterTypesetting.typeset(frontMatter, headings: ["Kabul\u{2019}s fall"])
        #expect(typeset.title == "It\u{2019}s")
        #expect(typeset.summary == "\u{201C}S\u{201D}")
        #expect(typeset.tags == ["It's"])
        #expect(typeset.sections.map(\.heading) == ["Kabul\u{2019}s fall"])
        #expect(typeset.keyPoints == ["a \u{2013} b"])
        #expect(typeset.timeline.map(\.date) == ["1990s\u{2026}"])
        #expect(typeset.timeline.map(\.event) == ["\u{2018}x\u{2019}"])
        #expect(typeset.timeline.map { $0.span?.point } == [1995])
        #expect(typeset.updates.map(\.text) == ["We said \u{201C}one\u{201D}."])
        #expect(typeset.known == ["It\u{2019}s known."])
        #expect(typeset.unknown == ["Who\u{2019}s next?"])
        #expect(typeset.image?.path == "images/it's.png")
        #expect(typeset.image?.alt == "Kabul\u{2019}s map")
        #expect(typeset.image?.credit == "Map: \u{2018}NE\u{2019}")
    }
}
