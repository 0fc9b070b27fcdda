import Testing

@testable import ExplainerKit

/// `RelatedExplainers.rank` and `SiteTopics`' related lists on sites where the right answer is
/// known.
@Suite struct RelatedExplainersTests {
    typealias Explainer = RelatedFixtures.Explainer

    /// A: x, y, z. B shares all three; H, C and D two each (H the newest; C and D the same
    /// day, C first by slug); E one (the newest of all); F nothing; G has no tags.
    static let site: [Explainer] = [
        Explainer(slug: "a", title: "Alpha", date: "2025-01-10", tags: ["X", "Y", "Z"]),
        Explainer(slug: "b", title: "Bravo", date: "2024-01-01", tags: ["Z", "Y", "X"]),
        Explainer(slug: "c", title: "Charlie", date: "2025-06-01", tags: ["X", "Y"]),
        Explainer(slug: "d", title: "Delta", date: "2025-06-01", tags: ["y", "x"]),
        Explainer(slug: "e", title: "Echo", date: "2026-01-01", tags: ["X", "W"]),
        Explainer(slug: "f", title: "Foxtrot", date: "2025-03-01", tags: ["V"]),
        Explainer(slug: "g", title: "Golf", date: "2025-04-01", tags: []),
        Explainer(slug: "h", title: "Hotel", date: "2025-09-01", tags: ["Y", "X"]),
    ]

    static func related(_ site: [Explainer]) throws -> [String: [RelatedExplainer]] {
        let articles = try site.map(RelatedFixtures.rendered)
        let topics = SiteTopics(newestFirst: SitePlanner.newestFirst(articles))
        var out: [String: [RelatedExplainer]] = [:]
        for article in articles { out[article.slug] = topics.links(of: article).related }
        return out
    }

    @Test func mostSharedFirstThenNewestThenBySlug() throws {
        let related = try Self.related(Self.site)
        // A: B (3 shared), then of the four sharing two the newest, H, then C before D (same
        // day, by slug); at most three, so D and E are left out.
        #expect(related["a"]?.map(\.slug) == ["b", "h", "c"])
        #expect(related["a"]?.map(\.sharedTopics) == [3, 2, 2])
        // B: A (3), then H (newest of those sharing two), then C before D.
        #expect(related["b"]?.map(\.slug) == ["a", "h", "c"])
        // D spells its tags `y`, `x`: the same topics.
        #expect(related["c"]?.map(\.slug) == ["h", "d", "a"])
        #expect(related["c"]?.map(\.sharedTopics) == [2, 2, 2])
        // E shares only X: one each with the five that have it, newest first.
        #expect(related["e"]?.map(\.slug) == ["h", "c", "d"])
        #expect(related["e"]?.map(\.sharedTopics) == [1, 1, 1])
    }

    @Test func noneWhenNothingIsShared() throws {
        let related = try Self.related(Self.site)
        #expect(related["f"] == [])
        #expect(related["g"] == [])
        // A site of one explainer.
        #expect(try Self.related([Self.site[0]])["a"] == [])
    }

    @Test func neverItselfAndAtMostThree() throws {
        let related = try Self.related(Self.site)
        for (slug, list) in related {
            #expect(!list.contains { $0.slug == slug }, "\(slug)")
            #expect(list.count <= RelatedExplainers.limit, "\(slug)")
            #expect(Set(list.map(\.slug)).count == list.count, "\(slug) lists one twice")
        }
    }

    @Test func carriesWhatTheListShows() throws {
        let related = try Self.related(Self.site)
        let bravo = try #require(related["a"]?.first)
        #expect(bravo.title == "Bravo")
        #expect(bravo.summary == "What Bravo is about.")
        #expect(bravo.date.iso == "2024-01-01")
    }

    @Test func rankOnIndices() {
        // Explainers in the site's order: ties go to the earlier one.
        let ranked = RelatedExplainers.rank(topicsOf: [[1, 2], [2], [1, 2, 3], [4], [3, 1]], limit: 3)
        #expect(ranked[0] == [.init(index: 2, shared: 2), .init(index: 1, shared: 1), .init(index: 4, shared: 1)])
        #expect(ranked[1] == [.init(index: 0, shared: 1), .init(index: 2, shared: 1)])
        #expect(ranked[2] == [.init(index: 0, shared: 2), .init(index: 4, shared: 2), .init(index: 1, shared: 1)])
        #expect(ranked[3] == [])
        #expect(ranked[4] == [.init(index: 2, shared: 2), .init(index: 0, shared: 1)])
        #expect(
            RelatedExplainers.rank(topicsOf: [[1, 2], [1, 2]], limit: 1) == [[.init(index: 1, shared: 2)], [.init(index: 0, shared: 2)]])
        #expect(RelatedExplainers.rank(topicsOf: [[1], [1]], limit: 0) == [[], []])
        #expect(RelatedExplainers.rank(topicsOf: [[1]], limit: 3) == [[]])
        #expect(RelatedExplainers.rank(topicsOf: [[Int]](), limit: 3) == [])
    }

    /// More explainers than one parallel chunk: every list is still its own (chunks do not
    /// leak counts into each other).
    @Test func rankAcrossChunks() {
        let count = 1_000
        // Explainer i has topics i % 7 and 100 + i % 11.
        let topics = (0..<count).map { [$0 % 7, 100 + $0 % 11] }
        let ranked = RelatedExplainers.rank(topicsOf: topics, limit: 3)
        for index in [0, 255, 256, 511, 999] {
            // The first three others with both topics: i ± 77k, in order.
            let both = (0..<count).filter { $0 != index && $0 % 77 == index % 77 }.prefix(3)
            #expect(ranked[index].map(\.index) == Array(both), "\(index)")
            #expect(ranked[index].allSatisfy { $0.shared == 2 }, "\(index)")
        }
    }
}
