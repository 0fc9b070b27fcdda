import Foundation
import Testing

@testable import ExplainerKit

/// Each topic's Atom feed (parsed as XML), the site feed made by the same function, and the
/// topic pages in the sitemap: listed explainers only.
@Suite struct TopicFeedsTests {
    typealias F = TopicPageFixtures

    static let site = [
        ("first.md", F.explainer("First", date: "2025-01-03", tags: ["Russia", "Energy"])),
        ("second.md", F.explainer("Second", date: "2025-01-02", tags: ["Russia"], extra: "updated: 2025-02-01")),
        ("third.md", F.explainer("Third", date: "2025-01-01", tags: ["Energy"])),
        ("secret.md", F.explainer("Secret", date: "2025-01-04", tags: ["Russia", "Hidden"], extra: "draft: true")),
    ]

    @Test func aTopicFeedHasItsListedExplainersNewestFirst() throws {
        let build = try F.build(Self.site, settings: BuildSettings(includeDrafts: true))
        let feed = try #require(build.text("topics/russia/feed.xml").flatMap(ParsedXML.parse))
        #expect(feed.all("title", in: "feed").map(\.text) == ["Russia – Test site"])
        #expect(feed.all("subtitle", in: "feed").map(\.text) == ["Explainers on Russia."])
        #expect(feed.all("id", in: "feed").map(\.text) == ["https://test.example/topics/russia/"])
        let links = feed.all("link", in: "feed").map { [$0.attributes["rel"] ?? "", $0.attributes["href"] ?? ""] }
        #expect(links == [["self", "https://test.example/topics/russia/feed.xml"], ["alternate", "https://test.example/topics/russia/"]])
        // The draft is on the page (a --drafts build) but never in a feed.
        #expect(feed.all("title", in: "entry").map(\.text) == ["First", "Second"])
        #expect(feed.all("updated", in: "feed").map(\.text) == ["2025-02-01T00:00:00Z"])
        #expect(try #require(build.text("topics/russia/index.html")).contains("/secret/"))
        let hidden = try #require(build.text("topics/hidden/feed.xml").flatMap(ParsedXML.parse))
        #expect(hidden.all("entry", in: "feed").isEmpty)
    }

    @Test func theSiteFeedAndTheTopicFeedsShareTheirEntries() throws {
        let build = try F.build(Self.site)
        let site = try #require(build.text("feed.xml"))
        let topic = try #require(build.text("topics/energy/feed.xml"))
        let parsed = try #require(ParsedXML.parse(site))
        #expect(parsed.all("title", in: "feed").map(\.text) == ["Test site"])
        #expect(parsed.all("title", in: "entry").map(\.text) == ["First", "Second", "Third"])
        #expect(parsed.all("id", in: "feed").map(\.text) == ["https://test.example/"])
        // Each explainer's <entry> is the same bytes in every feed it is in.
        let articles = build.articles.filter { $0.slug == "first" || $0.slug == "third" }
        for article in articles {
            let entry = FeedWriter.entry(for: article, urls: SiteURLs(baseURL: "https://test.example"))
            #expect(site.contains(entry) && topic.contains(entry))
        }
        #expect(!topic.contains("<title>Second</title>"))
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func theSitemapHasTheTopicPagesWithTheirNewestListedExplainer() throws {
        let build = try F.build(Self.site, homePageSize: 1, settings: BuildSettings(includeDrafts: true))
        let text = try #require(build.text("sitemap.xml"))
        let sitemap = try #require(ParsedXML.parse(text))
        let urls = sitemap.all("loc", in: "url").map(\.text)
        // Each `<url>` is one line: by its `<loc>`.
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("<url>") }.map(String.init)
        #expect(lines.count == urls.count)
        let entries = Dictionary(uniqueKeysWithValues: zip(urls, lines))
        #expect(
            entries["https://test.example/topics/"] == "<url><loc>https://test.example/topics/</loc><lastmod>2025-02-01</lastmod></url>")
        #expect(
            entries["https://test.example/topics/russia/"]
                == "<url><loc>https://test.example/topics/russia/</loc><lastmod>2025-02-01</lastmod></url>")
        // Every page of the topic, dated alike.
        #expect(
            entries["https://test.example/topics/russia/page/2/"]
                == "<url><loc>https://test.example/topics/russia/page/2/</loc><lastmod>2025-02-01</lastmod></url>")
        #expect(
            entries["https://test.example/topics/energy/"]
                == "<url><loc>https://test.example/topics/energy/</loc><lastmod>2025-01-03</lastmod></url>")
        // A topic of drafts only has a page in a --drafts build, but is not in the sitemap.
        #expect(build.files.contains { $0.path == "topics/hidden/index.html" })
        #expect(!urls.contains { $0.contains("/topics/hidden/") })
    }
}
