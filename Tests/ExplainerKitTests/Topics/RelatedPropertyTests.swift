import Testing

@testable import ExplainerKit

/// `SiteTopics`' related lists on random small sites (seeded: a failure reproduces) against a
/// naive reference that compares every pair of explainers.
@Suite struct RelatedPropertyTests {
    /// The related explainers of each explainer (by slug), the O(n²) way: every other explainer
    /// with the number of topic slugs it shares, those sharing none left out, most shared
    /// first, then newest, then by slug; the first three.
    static func reference(_ articles: [RenderedArticle]) -> [String: [RelatedExplainer]] {
        func slugs(_ article: RenderedArticle) -> Set<String> {
            Set(article.frontMatter.tags.map(Slug.make).filter { !$0.isEmpty })
        }
        var out: [String: [RelatedExplainer]] = [:]
        for article in articles {
            let mine = slugs(article)
            var others: [RelatedExplainer] = []
            for other in articles where other.slug != article.slug {
                let shared = mine.intersection(slugs(other)).count
                guard shared > 0 else { continue }
                let fm = other.frontMatter
                others.append(RelatedExplainer(slug: other.slug, title: fm.title, summary: fm.summary, date: fm.date, sharedTopics: shared))
            }
            others.sort { a, b in
                if a.sharedTopics != b.sharedTopics { return a.sharedTopics > b.sharedTopics }
                if a.date != b.date { return a.date > b.date }
                return a.slug < b.slug
            }
            out[article.slug] = Array(others.prefix(3))
        }
        return out
    }

    /// A random site of up to 16 explainers: few dates (ties), tags from a small pool with two
    /// spellings of one topic.
    static func randomSite(_ random: inout SeededRandom) -> [RelatedFixtures.Explainer] {
        let pool = ["Russia", "russia", "Iran", "China", "Trade", "Energy", "Border", "Water"]
        let dates = ["2024-05-01", "2024-05-02", "2025-01-01", "2025-01-01", "2023-12-31"]
        let count = Int(random.next() % 17)
        return (0..<count).map { index in
            let tagCount = Int(random.next() % 5)
            let tags = (0..<tagCount).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
            return RelatedFixtures.Explainer(
                slug: "s\(random.next() % 50)-\(index)", title: "Story \(index)",
                date: dates[Int(random.next() % UInt64(dates.count))], tags: tags)
        }
    }

    @Test func relatedListsEqualTheNaiveReference() throws {
        var random = SeededRandom(seed: 15)
        var compared = 0
        for round in 0..<60 {
            let articles = try Self.randomSite(&random).map(RelatedFixtures.rendered)
            let topics = SiteTopics(newestFirst: SitePlanner.newestFirst(articles))
            let expected = Self.reference(articles)
            for article in articles {
                let related = topics.links(of: article).related
                #expect(related == expected[article.slug], "round \(round), \(article.slug)")
                compared += related.count
            }
        }
        // The sites are not all unrelated: the comparison saw lists.
        #expect(compared > 100)
    }
}
