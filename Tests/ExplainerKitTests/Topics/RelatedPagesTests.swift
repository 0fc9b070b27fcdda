import Testing

@testable import ExplainerKit

/// The "Related explainers" list on built pages: on the overview and the last page of the
/// reading order only, and kept up to date by the preview's `BuildCache`.
@Suite struct RelatedPagesTests {
    typealias Explainer = RelatedFixtures.Explainer

    /// A (with a quote: its last page is the quotes page) shares X with B and Y with C; B's
    /// last page is its last section; D shares nothing.
    static let site: [Explainer] = [
        Explainer(slug: "a", title: "Alpha", date: "2025-01-10", tags: ["X", "Y"], quotes: true),
        Explainer(slug: "b", title: "Bravo", date: "2025-02-01", tags: ["X"]),
        Explainer(slug: "c", title: "Charlie", date: "2024-06-01", tags: ["Y"]),
        Explainer(slug: "d", title: "Delta", date: "2025-03-01", tags: ["V"]),
    ]

    @Test func onTheOverviewAndTheLastPageOnly() throws {
        let build = try SiteBuilder.build(RelatedFixtures.sources(Self.site))
        let page = { RelatedFixtures.page(build, $0) }
        // A: B (newer) then C, one topic each.
        #expect(RelatedFixtures.relatedLinks(page("a/index.html")) == ["/b/", "/c/"])
        #expect(RelatedFixtures.relatedLinks(page("a/quotes/index.html")) == ["/b/", "/c/"])
        for other in ["a/background/index.html", "a/what-next/index.html", "a/all/index.html"] {
            #expect(!page(other).isEmpty, "\(other) is built")
            #expect(RelatedFixtures.relatedSection(page(other)) == nil, "\(other)")
        }
        // B has no quotes: its last page is its last section.
        #expect(RelatedFixtures.relatedLinks(page("b/index.html")) == ["/a/"])
        #expect(RelatedFixtures.relatedLinks(page("b/what-next/index.html")) == ["/a/"])
        #expect(RelatedFixtures.relatedSection(page("b/background/index.html")) == nil)
        // D shares nothing: no list, not even its heading.
        for file in ["d/index.html", "d/what-next/index.html"] {
            #expect(!page(file).isEmpty)
            #expect(!page(file).contains("Related explainers"), "\(file)")
        }
    }

    @Test func showsTitleDateAndSummary() throws {
        let build = try SiteBuilder.build(RelatedFixtures.sources(Self.site))
        let section = try #require(RelatedFixtures.relatedSection(RelatedFixtures.page(build, "a/index.html")))
        #expect(section.contains("<h2 id=\"related\">Related explainers</h2>"))
        #expect(section.contains("<a href=\"/b/\">Bravo</a>"))
        #expect(section.contains("What Bravo is about."))
        #expect(section.contains("<time datetime=\"2025-02-01\">1 February 2025</time>"))
        // Bravo before Charlie.
        let bravo = try #require(section.range(of: "Bravo"))
        let charlie = try #require(section.range(of: "Charlie"))
        #expect(bravo.lowerBound < charlie.lowerBound)
    }

    /// The preview's cache: retitling or retagging B reaches the pages that list it (and those
    /// that now do), and a build through the cache is the same bytes as a fresh one.
    @Test func cacheUpdatesTheListsOfOthers() throws {
        let cache = BuildCache()
        var site = Self.site
        func build() throws -> SiteBuild {
            let cached = try SiteBuilder.build(RelatedFixtures.sources(site), memo: cache)
            let fresh = try SiteBuilder.build(RelatedFixtures.sources(site))
            #expect(cached.files == fresh.files)
            return cached
        }
        _ = try build()
        // Retitled: A's overview and last page show B's new title; only B and A are templated.
        site[1].title = "Bravo Renamed"
        var built = try build()
        #expect(RelatedFixtures.relatedSection(RelatedFixtures.page(built, "a/index.html"))?.contains("Bravo Renamed") == true)
        #expect(RelatedFixtures.relatedSection(RelatedFixtures.page(built, "a/quotes/index.html"))?.contains("Bravo Renamed") == true)
        #expect(cache.statistics.articlesRendered == 1)
        #expect(cache.statistics.explainersTemplated == 2)
        // Retagged: B leaves X for V. A no longer lists it; D (V) now does, and B lists D.
        site[1].tags = ["V"]
        built = try build()
        #expect(RelatedFixtures.relatedLinks(RelatedFixtures.page(built, "a/index.html")) == ["/c/"])
        #expect(RelatedFixtures.relatedLinks(RelatedFixtures.page(built, "d/index.html")) == ["/b/"])
        #expect(RelatedFixtures.relatedLinks(RelatedFixtures.page(built, "b/what-next/index.html")) == ["/d/"])
        // Nothing changed: nothing templated.
        _ = try build()
        #expect(cache.statistics.explainersTemplated == 0)
    }
}
