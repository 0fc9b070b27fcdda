import Foundation
import Testing

@testable import ExplainerKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Corrections, updates and "What we know", end to end: a site built in memory from the
/// repository's templates, and every place they show: the overview's notice, the log on the
/// overview and the one-page view, the box after the key points, the corrections page, JSON-LD
/// (parsed as JSON), the sitemap and the feed (parsed as XML).
@Suite("Updates: the built site")
struct UpdatesSiteTests {
    /// Four explainers: `a` with two corrections (the newest with a time and a zone), a
    /// clarification and an update; `b` with a correction later still (in UTC) and the "What
    /// we know" box; `c` with an update older than its `updated`, and `known` only; `d` with
    /// none of them.
    static let articles = [
        (
            "a.md",
            Fixtures.article(
                title: "Alpha explainer", date: "2025-01-02",
                extraFrontMatter: """
                    updates:
                      - { date: 2025-01-03, kind: update, text: "Added a section on later events." }
                      - { date: 2025-01-04, kind: correction, text: "An earlier version misspelt a name." }
                      - { date: "2025-01-05T09:30:00+02:00", kind: correction, text: "An earlier version gave the wrong year." }
                      - { date: "2025-01-05T06:00:00Z", kind: clarification, text: "Made clear who spoke." }
                    """)
        ),
        (
            "b.md",
            Fixtures.article(
                title: "Beta explainer", date: "2025-01-01",
                extraFrontMatter: """
                    updates:
                      - { date: "2025-01-05T08:00:00Z", kind: correction, text: "An earlier version named the wrong city." }
                    known: ["The talks began in January.", "Two envoys attended."]
                    unknown: ["Whether a deal will follow."]
                    """)
        ),
        (
            "c.md",
            Fixtures.article(
                title: "Gamma explainer", date: "2024-12-01",
                extraFrontMatter: """
                    updated: 2024-12-10
                    updates: [{ date: 2024-12-05, kind: update, text: "Added new figures." }]
                    known: ["Only one fact."]
                    """)
        ),
        ("d.md", Fixtures.article(title: "Delta explainer", date: "2024-11-01")),
    ]

    static func build(_ articles: [(String, String)] = articles, memo: some BuildMemo = PassThroughMemo()) throws -> SiteBuild {
        try SiteBuilder.build(Fixtures.sources(articles: articles), memo: memo)
    }

    func html(_ build: SiteBuild, _ path: String) throws -> String {
        try #require(build.text(path), "no \(path)")
    }

    /// The text of `html` from the element with class `name` to the end of that element
    /// (`aside`, `section`, `ol`…), nil without one.
    func part(_ html: String, class name: String, element: String) -> String? {
        guard let start = html.range(of: "<\(element) class=\"\(name)\"") else { return nil }
        guard let end = html.range(of: "</\(element)>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Where each of `needles` stands in `text`; all must be there.
    func offsets(of needles: [String], in text: String) throws -> [Int] {
        try needles.map { needle in
            let range = try #require(text.range(of: needle), "\(needle) not found")
            return text.distance(from: text.startIndex, to: range.lowerBound)
        }
    }

    // MARK: - The overview and the one-page view

    @Test func theOverviewOpensWithTheNewestCorrectionLinkingToTheLog() throws {
        let build = try Self.build()
        let overview = try html(build, "a/index.html")
        let notice = try #require(part(overview, class: "correction-notice", element: "aside"))
        #expect(notice.contains("An earlier version gave the wrong year."))
        #expect(notice.contains(#"<time datetime="2025-01-05T09:30:00+02:00">5 January 2025, 09:30 UTC+02:00</time>"#))
        #expect(notice.contains(##"href="#corrections-and-updates""##))
        #expect(!notice.contains("misspelt") && !notice.contains("who spoke"))
        // At the top: after the title, before the key points and the lede.
        let at = try offsets(of: ["<h1>", "correction-notice", "class=\"key-points\"", "The lede paragraph"], in: overview)
        #expect(at == at.sorted())
        // The link's target is on the page, once.
        #expect(overview.components(separatedBy: #"id="corrections-and-updates""#).count == 2)
        // Without a correction, no notice: an update alone is only logged.
        #expect(!(try html(build, "c/index.html")).contains("correction-notice"))
        #expect(!(try html(build, "d/index.html")).contains("correction-notice"))
    }

    @Test func theLogListsEveryEntryNewestFirstOnTheOverviewAndTheOnePageView() throws {
        let build = try Self.build()
        let newestFirst = [
            "An earlier version gave the wrong year.", "Made clear who spoke.", "An earlier version misspelt a name.",
            "Added a section on later events.",
        ]
        for path in ["a/index.html", "a/all/index.html"] {
            let page = try html(build, path)
            let log = try #require(part(page, class: "updates", element: "section"), "\(path)")
            #expect(log.contains(#"<h2 id="corrections-and-updates">Corrections and updates</h2>"#))
            let at = try offsets(of: newestFirst, in: log)
            #expect(at == at.sorted(), "\(path): \(log)")
            #expect(
                log.contains(
                    #"<strong class="update-kind">Clarification</strong> <time datetime="2025-01-05T06:00:00Z">5 January 2025, 06:00 UTC</time>"#
                ))
            #expect(log.contains(#"<strong class="update-kind">Update</strong> <time datetime="2025-01-03">3 January 2025</time>"#))
            // At the end: after the body.
            let order = try offsets(of: ["The lede paragraph", "class=\"updates\""], in: page)
            #expect(order == order.sorted())
        }
        // Not on the section pages, nor where there is nothing to log.
        #expect(!(try html(build, "a/history/index.html")).contains("Corrections and updates"))
        #expect(!(try html(build, "d/index.html")).contains("Corrections and updates"))
        #expect((try html(build, "c/index.html")).contains("Added new figures."))
    }

    @Test func whatWeKnowFollowsTheKeyPointsWithItsAsOfDate() throws {
        let build = try Self.build()
        let overview = try html(build, "b/index.html")
        let box = try #require(part(overview, class: "what-we-know", element: "aside"))
        #expect(box.contains(#"<h2 id="what-we-know">What we know</h2>"#))
        #expect(box.contains(#"<h2 id="what-we-dont-know">What we don"#))
        let at = try offsets(
            of: ["The talks began in January.", "Two envoys attended.", "what-we-dont-know", "Whether a deal will follow."], in: box)
        #expect(at == at.sorted())
        // As of the last modification: here the correction, with its time.
        #expect(box.contains(#"As of <time datetime="2025-01-05T08:00:00Z">5 January 2025, 08:00 UTC</time>"#))
        // After the key points, before the lede.
        let order = try offsets(of: ["class=\"key-points\"", "class=\"what-we-know\"", "The lede paragraph"], in: overview)
        #expect(order == order.sorted())
        // `known` alone: one heading; as of `updated`, later than the update.
        let gamma = try #require(part(try html(build, "c/index.html"), class: "what-we-know", element: "aside"))
        #expect(gamma.contains("Only one fact.") && !gamma.contains("what-we-dont-know"))
        #expect(gamma.contains(#"As of <time datetime="2024-12-10">10 December 2024</time>"#))
        // Only on the overview.
        #expect(!(try html(build, "b/all/index.html")).contains("what-we-know"))
        #expect(!(try html(build, "d/index.html")).contains("what-we-know"))
    }

    // MARK: - The corrections page

    @Test func theCorrectionsPageListsEveryCorrectionNewestFirstWithLinksToTheLogs() throws {
        let build = try Self.build()
        let page = try html(build, "corrections/index.html")
        let list = try #require(part(page, class: "correction-list", element: "ol"))
        let expected = [
            ("/b/", "An earlier version named the wrong city."),  // 08:00 UTC
            ("/a/", "An earlier version gave the wrong year."),  // 07:30 UTC
            ("/a/", "An earlier version misspelt a name."),  // the day before
        ]
        let items = list.components(separatedBy: "<li class=\"correction\">").dropFirst()
        #expect(items.count == expected.count)
        for (item, (url, text)) in zip(items, expected) {
            #expect(item.contains(#"<a href="\#(url)#corrections-and-updates">"#), "\(item)")
            #expect(item.contains(text), "\(item)")
        }
        // Clarifications and updates are not corrections.
        #expect(!page.contains("who spoke") && !page.contains("new figures"))
        // Each link leads to a page with that anchor.
        for url in ["/a/", "/b/"] {
            #expect((try html(build, String(url.dropFirst()) + "index.html")).contains(#"id="corrections-and-updates""#))
        }
        // Every page's footer links to it.
        #expect((try html(build, "index.html")).contains(#"<a href="/corrections/">Corrections</a>"#))
    }

    @Test func theCorrectionsPageSaysSoWhenThereAreNone() throws {
        let build = try Self.build([Self.articles[3]])
        let page = try html(build, "corrections/index.html")
        #expect(page.contains("No corrections have been published."))
        #expect(!page.contains("correction-list"))
        let sitemap = try Sitemap(try #require(build.text("sitemap.xml")))
        #expect(sitemap.lastmod.keys.contains("https://test.example/corrections/"))
        #expect(sitemap.lastmod["https://test.example/corrections/"] == .some(nil))
    }

    @Test func anExplainerMayNotTakeTheCorrectionsPagesAddress() throws {
        let clash = Fixtures.article(title: "Clash", extraFrontMatter: "slug: corrections")
        let failure = try #require(thrownFailure { try Self.build([("clash.md", clash)]) })
        let error = try #require(failure.diagnostics.first { $0.message.contains("/corrections/") })
        #expect(error.message.contains("the corrections page"), "\(error)")
        #expect(error.file == "Content/clash.md" && error.line != nil)
    }

    // MARK: - JSON-LD, sitemap, feed

    /// The JSON-LD of a page, parsed.
    func jsonLD(_ html: String) throws -> [String: Any] {
        let open = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let object = try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8))
        return try #require(object as? [String: Any])
    }

    @Test func jsonLDGivesDateModifiedAndEveryCorrectionAsACorrectionComment() throws {
        let build = try Self.build()
        for path in ["a/index.html", "a/history/index.html", "a/all/index.html"] {
            let json = try jsonLD(try html(build, path))
            #expect(json["dateModified"] as? String == "2025-01-05T09:30:00+02:00", "\(path)")
            #expect(json["datePublished"] as? String == "2025-01-02")
            let corrections = try #require(json["correction"] as? [[String: Any]], "\(path)")
            #expect(corrections.map { $0["@type"] as? String } == ["CorrectionComment", "CorrectionComment"])
            #expect(
                corrections.map { $0["text"] as? String } == [
                    "An earlier version gave the wrong year.", "An earlier version misspelt a name.",
                ])
            #expect(corrections.map { $0["datePublished"] as? String } == ["2025-01-05T09:30:00+02:00", "2025-01-04"])
        }
        let gamma = try jsonLD(try html(build, "c/index.html"))
        #expect(gamma["dateModified"] as? String == "2024-12-10")
        #expect(gamma["correction"] == nil)
        #expect(try jsonLD(try html(build, "d/index.html"))["dateModified"] as? String == "2024-11-01")
        let corrections = try jsonLD(try html(build, "corrections/index.html"))
        #expect(corrections["@type"] as? String == "WebPage")
        #expect(corrections["url"] as? String == "https://test.example/corrections/")
    }

    /// A sitemap, parsed: each `<loc>` with its `<lastmod>` (nil without one).
    struct Sitemap {
        var lastmod: [String: String?] = [:]
        var order: [String] = []

        init(_ text: String) throws {
            let root = try #require(try XMLDocument(xmlString: text, options: []).rootElement())
            #expect(root.localName == "urlset")
            for url in root.elements(forLocalName: "url", uri: "http://www.sitemaps.org/schemas/sitemap/0.9") {
                let loc = try #require(
                    url.elements(forLocalName: "loc", uri: "http://www.sitemaps.org/schemas/sitemap/0.9").first?.stringValue)
                lastmod[loc] = .some(
                    url.elements(forLocalName: "lastmod", uri: "http://www.sitemaps.org/schemas/sitemap/0.9").first?.stringValue)
                order.append(loc)
            }
        }
    }

    @Test func theSitemapDatesEachPageWithItsLastModification() throws {
        let build = try Self.build()
        let sitemap = try Sitemap(try #require(build.text("sitemap.xml")))
        let base = "https://test.example"
        for page in ["/a/", "/a/history/", "/a/all/", "/a/quotes/"] {
            #expect(sitemap.lastmod[base + page] == .some("2025-01-05T09:30:00+02:00"), "\(page)")
        }
        #expect(sitemap.lastmod[base + "/b/"] == .some("2025-01-05T08:00:00Z"))
        #expect(sitemap.lastmod[base + "/c/"] == .some("2024-12-10"))
        #expect(sitemap.lastmod[base + "/d/"] == .some("2024-11-01"))
        // The home page: the newest of them (08:00 UTC is after 09:30 at +02:00).
        #expect(sitemap.lastmod[base + "/"] == .some("2025-01-05T08:00:00Z"))
        // The corrections page: its newest correction.
        #expect(sitemap.lastmod[base + "/corrections/"] == .some("2025-01-05T08:00:00Z"))
    }

    @Test func theFeedDatesEachEntryWithItsLastModification() throws {
        let build = try Self.build()
        let feed = try #require(build.text("feed.xml"))
        let root = try #require(try XMLDocument(xmlString: feed, options: []).rootElement())
        let atom = "http://www.w3.org/2005/Atom"
        #expect(root.elements(forLocalName: "updated", uri: atom).first?.stringValue == "2025-01-05T08:00:00Z")
        var updated: [String: String] = [:]
        for entry in root.elements(forLocalName: "entry", uri: atom) {
            let id = try #require(entry.elements(forLocalName: "id", uri: atom).first?.stringValue)
            updated[id] = entry.elements(forLocalName: "updated", uri: atom).first?.stringValue
            #expect(entry.elements(forLocalName: "published", uri: atom).count == 1)
        }
        #expect(
            updated == [
                "https://test.example/a/": "2025-01-05T09:30:00+02:00", "https://test.example/b/": "2025-01-05T08:00:00Z",
                "https://test.example/c/": "2024-12-10T00:00:00Z", "https://test.example/d/": "2024-11-01T00:00:00Z",
            ])
    }

    // MARK: - The preview's memo

    @Test func theCorrectionsPageAndTheSitemapAreMadeAgainWhenACorrectionChanges() throws {
        let cache = BuildCache()
        _ = try Self.build(memo: cache)
        // A new text for a correction; then a correction moved later, though still before
        // `updated` (the explainer's own dates do not change, the sitemap's corrections entry does).
        var edited = Self.articles
        edited[0].1 = edited[0].1.replacingOccurrences(of: "gave the wrong year", with: "gave the wrong month")
        edited[2].1 = edited[2].1.replacingOccurrences(
            of: #"[{ date: 2024-12-05, kind: update, text: "Added new figures." }]"#,
            with:
                #"[{ date: 2024-12-05, kind: update, text: "Added new figures." }, { date: 2024-12-06, kind: correction, text: "Fixed a figure." }]"#
        )
        for articles in [edited, Self.articles] {
            let cached = try Self.build(articles, memo: cache)
            let fresh = try Self.build(articles)
            #expect(cached.files == fresh.files)
            #expect(cache.statistics.articlesReused > 0)
        }
        let cached = try Self.build(edited, memo: cache)
        let page = try html(cached, "corrections/index.html")
        #expect(page.contains("gave the wrong month") && !page.contains("gave the wrong year"))
        #expect(page.contains("Fixed a figure."))
    }

    @Test func theCorrectionsPagesLastmodFollowsACorrectionOlderThanUpdated() throws {
        let cache = BuildCache()
        let article = { (date: String) in
            Fixtures.article(
                title: "Only", date: "2025-01-02",
                extraFrontMatter: "updated: 2025-03-01\nupdates: [{ date: \(date), kind: correction, text: Fixed. }]")
        }
        _ = try Self.build([("only.md", article("2025-01-10"))], memo: cache)
        let build = try Self.build([("only.md", article("2025-01-20"))], memo: cache)
        let sitemap = try Sitemap(try #require(build.text("sitemap.xml")))
        #expect(sitemap.lastmod["https://test.example/corrections/"] == .some("2025-01-20"))
        #expect(sitemap.lastmod["https://test.example/only/"] == .some("2025-03-01"))
    }
}
