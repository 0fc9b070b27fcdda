import Foundation
import Testing

@testable import ExplainerKit

/// Drafts and scheduled explainers: left out unless asked for (`--drafts`, `--future`), never
/// in production; when built, a banner and `noindex` on each of their pages, and never in the
/// sitemap, the feed or an author page. "Today" is an input of the build.
@Suite("Scheduling")
struct SchedulingTests {
    /// A published explainer, one scheduled for 4 July 2026 and a draft, all by Ana.
    static let articles = [
        ("published-one.md", BylineFixtures.article(title: "Published one", date: "2026-06-30", authors: "ana-diaz")),
        ("scheduled-one.md", BylineFixtures.article(title: "Scheduled one", date: "2026-07-04", authors: "ana-diaz")),
        ("draft-one.md", BylineFixtures.article(title: "Draft one", date: "2026-06-01", authors: "ana-diaz", extra: "draft: true\n")),
    ]

    static func build(_ settings: BuildSettings) throws -> SiteBuild {
        try SiteBuilder.build(BylineFixtures.sources(articles), settings: settings)
    }

    static func explainers(_ build: SiteBuild) -> [String] { build.articles.map(\.slug).sorted() }

    @Test func anExplainerDatedAfterTodayIsLeftOutUnlessFuture() throws {
        #expect(Self.explainers(try Self.build(BylineFixtures.settings())) == ["published-one"])
        #expect(Self.explainers(try Self.build(BylineFixtures.settings(future: true))) == ["published-one", "scheduled-one"])
        #expect(Self.explainers(try Self.build(BylineFixtures.settings(drafts: true))) == ["draft-one", "published-one"])
        // On its day it is published, whatever the time written with the date.
        #expect(Self.explainers(try Self.build(BylineFixtures.settings(today: (2026, 7, 4)))) == ["published-one", "scheduled-one"])
        let timed = BylineFixtures.article(title: "Timed", date: "2026-07-01T23:30:00+02:00")
        let build = try SiteBuilder.build(BylineFixtures.sources([("t.md", timed)]), settings: BylineFixtures.settings())
        #expect(build.articles.map(\.status) == [.published])
        // Without a day, nothing is scheduled (tests and tools that do not schedule).
        #expect(Self.explainers(try Self.build(BuildSettings())) == ["published-one", "scheduled-one"])
    }

    @Test func productionNeverBuildsDraftsOrScheduledExplainers() throws {
        let build = try Self.build(BylineFixtures.settings(drafts: true, future: true, production: true))
        #expect(Self.explainers(build) == ["published-one"])
        #expect(!build.files.contains { $0.path.hasPrefix("scheduled-one/") || $0.path.hasPrefix("draft-one/") })
        for file in build.files where file.path.hasSuffix(".html") {
            #expect(!String(decoding: file.bytes, as: UTF8.self).contains("noindex"), "\(file.path)")
        }
    }

    @Test func publishLeavesOutWhatIsScheduledOnItsDay() throws {
        let folder = Fixtures.siteOnDisk(articles: Dictionary(uniqueKeysWithValues: Self.articles))
        Fixtures.write(["Content/authors.yml": BylineFixtures.authorsYML], into: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/site"
        let report = try PublishRunner(
            content: folder + "/Content", templates: folder + "/Templates", target: .directory(target), today: (2026, 7, 1)
        ).run()
        #expect(report.build.articles.map(\.slug) == ["published-one"])
        #expect(!FileManager.default.fileExists(atPath: target + "/scheduled-one"))
        #expect(!FileManager.default.fileExists(atPath: target + "/draft-one"))
    }

    @Test func draftsAndScheduledExplainersCarryABannerAndNoindexOnEveryPage() throws {
        let build = try Self.build(BylineFixtures.settings(drafts: true, future: true))
        let pages = ["index.html", "history/index.html", "quotes/index.html", "all/index.html"]
        for (slug, banner) in [("scheduled-one", "Scheduled for 4 July 2026"), ("draft-one", "Draft \u{2014} not published")] {
            for page in pages {
                let html = try build.page("\(slug)/\(page)")
                #expect(html.contains("<p class=\"status-banner\">\(banner)</p>"), "\(slug)/\(page)")
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"), "\(slug)/\(page)")
            }
        }
        for page in pages {
            let html = try build.page("published-one/\(page)")
            #expect(!html.contains("status-banner") && !html.contains("noindex"), "\(page)")
        }
        // The home page lists them with a badge, so authors can find them in the preview.
        let home = try build.page("index.html")
        #expect(home.contains("href=\"/draft-one/\"><bdi>Draft one</bdi></a> <span class=\"badge\">Draft</span>"))
        #expect(home.contains("href=\"/scheduled-one/\"><bdi>Scheduled one</bdi></a> <span class=\"badge\">Scheduled</span>"))
        #expect(!home.contains("noindex"))
    }

    @Test func neitherReachesTheSitemapTheFeedOrTheAuthorPages() throws {
        let build = try Self.build(BylineFixtures.settings(drafts: true, future: true))
        let sitemap = try build.page("sitemap.xml")
        let locs = try #require(XMLTextCollector.collect("loc", in: sitemap))
        #expect(locs.contains("https://test.example/published-one/"))
        #expect(!locs.contains { $0.contains("scheduled-one") || $0.contains("draft-one") })
        // The home page's and Ana's dates are the published explainer's.
        #expect(sitemap.contains("<url><loc>https://test.example/</loc><lastmod>2026-06-30</lastmod></url>"))
        #expect(sitemap.contains("<loc>https://test.example/authors/ana-diaz/</loc><lastmod>2026-06-30</lastmod>"))
        let feed = try build.page("feed.xml")
        let titles = try #require(XMLTextCollector.collect("title", in: feed))
        #expect(titles == ["Test site", "Published one"])
        #expect(feed.contains("<updated>2026-06-30T00:00:00Z</updated>"))
        let ana = try build.page("authors/ana-diaz/index.html")
        #expect(ana.contains("href=\"/published-one/\"") && !ana.contains("scheduled-one") && !ana.contains("draft-one"))
        // And the one predicate says so.
        #expect(build.articles.filter(\.isListed).map(\.slug) == ["published-one"])
    }

    @Test func aNewDayRebuildsThroughTheCache() throws {
        let cache = BuildCache()
        let sources = BylineFixtures.sources(Self.articles)
        let before = try SiteBuilder.build(sources, settings: BylineFixtures.settings(), memo: cache)
        #expect(before.text("scheduled-one/index.html") == nil)
        let onTheDay = BylineFixtures.settings(today: (2026, 7, 4))
        let after = try SiteBuilder.build(sources, settings: onTheDay, memo: cache)
        #expect(after.text("scheduled-one/index.html")?.contains("status-banner") == false)
        #expect(after.text("feed.xml")?.contains("Scheduled one") == true)
        #expect(after.files == (try SiteBuilder.build(sources, settings: onTheDay)).files)
        // In the preview (with --future) the day turns a scheduled explainer published: no banner.
        let future = try SiteBuilder.build(sources, settings: BylineFixtures.settings(future: true), memo: cache)
        #expect(future.text("scheduled-one/index.html")?.contains("Scheduled for 4 July 2026") == true)
    }
}
