import Foundation
import Testing

@testable import ExplainerKit

/// The topic pages through the preview's `BuildCache`: a tag added to one explainer reaches
/// its topic's page, the topics index, its cards and the other explainers' pages that name
/// the topic, and the cached build is the same bytes as a fresh one.
@Suite struct TopicMemoTests {
    typealias F = TopicPageFixtures

    static func text(_ files: [OutputFile], _ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func addingATagUpdatesTheTopicPagesTheIndexAndTheCards() throws {
        var articles = [
            ("a.md", F.explainer("A", date: "2025-01-03", tags: ["energy"])),
            ("b.md", F.explainer("B", date: "2025-01-02", tags: ["Russia"])),
            ("c.md", F.explainer("C", date: "2025-01-01", tags: ["Energy"])),
        ]
        let cache = BuildCache()
        let before = try SiteBuilder.build(F.sources(articles), memo: cache).files
        #expect(before == (try SiteBuilder.build(F.sources(articles)).files))
        // Two spellings, one each: the first in Unicode order names the topic.
        #expect(Self.text(before, "a/index.html")?.contains("rel=\"tag\">Energy</a>") == true)

        // B gains `energy`: the topic is now spelled `energy` twice, and B is on its page.
        articles[1].1 = F.explainer("B", date: "2025-01-02", tags: ["Russia", "energy"])
        let after = try SiteBuilder.build(F.sources(articles), memo: cache).files
        #expect(after == (try SiteBuilder.build(F.sources(articles)).files))
        let topic = try #require(Self.text(after, "topics/energy/index.html"))
        #expect(F.inOrder(["<h1>energy</h1>", "/a/", "/b/", "/c/"], in: topic))
        let index = try #require(Self.text(after, "topics/index.html"))
        #expect(index.contains("<a href=\"/topics/energy/\"><bdi>energy</bdi></a> <span class=\"topic-count\">3 explainers</span>"))
        // B's card on the home page, and the others' cards and pages, show the new name.
        let home = try #require(Self.text(after, "index.html"))
        #expect(F.inOrder(["/b/", "rel=\"tag\">Russia</a>", "rel=\"tag\">energy</a>", "/c/"], in: home))
        #expect(!home.contains("rel=\"tag\">Energy</a>"))
        #expect(Self.text(after, "c/index.html")?.contains("rel=\"tag\">energy</a>") == true)
        #expect(Self.text(after, "topics/russia/index.html")?.contains("rel=\"tag\">energy</a>") == true)
        let feed = try #require(Self.text(after, "topics/energy/feed.xml"))
        #expect(feed.contains("<title>energy – Test site</title>") && feed.contains("<title>B</title>"))

        // Removing it again: back to the first site, byte for byte.
        articles[1].1 = F.explainer("B", date: "2025-01-02", tags: ["Russia"])
        #expect(try SiteBuilder.build(F.sources(articles), memo: cache).files == before)
    }
}
