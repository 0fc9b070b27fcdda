import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// A preview's cached rebuild after a change of labels or of `timelineSection:` is the
/// fresh build, byte for byte.
@Suite("Section memo")
struct SectionMemoTests {
    static func article(label: String, timelineSection: String) -> String {
        SectionFixtures.article(
            headings: ["The past", "The risks"],
            frontMatter: "sections:\n  history: { heading: \"The past\", label: \"\(label)\" }\n  risks: \"The risks\"\n"
                + "keyPoints: [\"A point\"]\ntimeline:\n  - { date: \"Mid-1990s\", event: \"One\" }\n  - { date: \"1989\", event: \"Two\" }\n"
                + "timelineSection: \(timelineSection)")
    }

    @Test func aCachedRebuildEqualsAFreshBuild() throws {
        let cache = BuildCache()
        for (label, placement) in [("Past", "history"), ("Before", "history"), ("Before", "risks"), ("Before", "overview")] {
            let sources = Fixtures.sources(articles: [("a.md", Self.article(label: label, timelineSection: placement))])
            let cached = try SiteBuilder.build(sources, memo: cache).files
            #expect(cached == (try SiteBuilder.build(sources).files), "\(label) \(placement)")
            let overview = try #require(cached.first { $0.path == "a/index.html" }).bytes
            #expect(String(decoding: overview, as: UTF8.self).contains(">\(label)</a>"))
        }
    }
}
