import Foundation
import Testing

@testable import ExplainerKit

/// The topic pages end to end, built in memory with the repository's templates: `/topics/`
/// with every topic and its count, each topic's page (newest first, paginated as the home
/// page), the topics shown as links on the overview and on the cards, merged spellings, the
/// tag without a slug, and the `topics` folder's single owner.
@Suite struct TopicPagesTests {
    typealias F = TopicPageFixtures

    static let site = [
        ("first.md", F.explainer("First", date: "2025-01-03", tags: ["Russia", "Energy"])),
        ("second.md", F.explainer("Second", date: "2025-01-02", tags: ["Russia"])),
        ("third.md", F.explainer("Third", date: "2025-01-01", tags: ["Energy", "Middle East"])),
    ]

    @Test func theIndexListsEveryTopicBySlugWithItsCount() throws {
        let build = try F.build(Self.site)
        let index = try #require(build.text("topics/index.html"))
        #expect(
            F.inOrder(
                [
                    "<li><a href=\"/topics/energy/\"><bdi>Energy</bdi></a> <span class=\"topic-count\">2 explainers</span></li>",
                    "<li><a href=\"/topics/middle-east/\"><bdi>Middle East</bdi></a> <span class=\"topic-count\">1 explainer</span></li>",
                    "<li><a href=\"/topics/russia/\"><bdi>Russia</bdi></a> <span class=\"topic-count\">2 explainers</span></li>",
                ], in: index))
        #expect(index.contains("<h1>Topics</h1>"))
        #expect(index.contains("\"@type\":\"CollectionPage\""))
        // One page per topic, no more.
        let topicPages = build.files.map(\.path).filter { $0.hasPrefix("topics/") && $0.hasSuffix("index.html") }
        #expect(
            topicPages == ["topics/energy/index.html", "topics/index.html", "topics/middle-east/index.html", "topics/russia/index.html"])
    }

    @Test func aTopicPageListsItsExplainersNewestFirstWithItsFeed() throws {
        let build = try F.build(Self.site)
        let page = try #require(build.text("topics/russia/index.html"))
        #expect(page.contains("<h1>Russia</h1>"))
        #expect(page.contains("2 explainers, newest first."))
        #expect(F.inOrder(["<a href=\"/first/\"><bdi>First</bdi></a>", "<a href=\"/second/\"><bdi>Second</bdi></a>"], in: page))
        #expect(!page.contains("/third/"))
        #expect(
            page.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Russia – Test site\" href=\"/topics/russia/feed.xml\">"))
        #expect(page.contains("<title>Russia – Test site</title>"))
        #expect(page.contains("\"@type\":\"CollectionPage\",\"name\":\"Russia\",\"url\":\"https://test.example/topics/russia/\""))
        // Each card shows all of its explainer's topics, not only this one.
        #expect(page.contains("<li><a href=\"/topics/energy/\" rel=\"tag\">Energy</a></li>"))
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func theOverviewAndTheCardsLinkTheTopics() throws {
        let build = try F.build(Self.site)
        let overview = try #require(build.text("first/index.html"))
        let links = [
            "<ul class=\"topic-links\" aria-label=\"Topics\">", "<li><a href=\"/topics/russia/\" rel=\"tag\">Russia</a></li>",
            "<li><a href=\"/topics/energy/\" rel=\"tag\">Energy</a></li>",
        ]
        // Under the title, in the order of `tags:`.
        #expect(F.inOrder(["<h1>First</h1>"] + links + ["<div class=\"prose\">"], in: overview))
        let home = try #require(build.text("index.html"))
        #expect(
            F.inOrder(
                ["<a href=\"/third/\"><bdi>Third</bdi></a>", "<a href=\"/topics/middle-east/\" rel=\"tag\">Middle East</a>"], in: home))
        // Every page's header links the index.
        for path in ["index.html", "first/index.html", "first/background/index.html", "topics/index.html", "404.html"] {
            #expect(try #require(build.text(path)).contains("<a href=\"/topics/\">Topics</a>"), "\(path)")
        }
    }

    @Test func anAuthorPageShowsItsCardsTopics() throws {
        var sources = F.sources([("first.md", F.explainer("First", date: "2025-01-03", tags: ["Russia"], extra: "authors: [ana]"))])
        sources.authors = SourceFile(path: "Content/authors.yml", text: "ana:\n  name: Ana Díaz\n")
        let build = try SiteBuilder.build(sources)
        let author = try #require(build.text("authors/ana/index.html"))
        #expect(author.contains("<li><a href=\"/topics/russia/\" rel=\"tag\">Russia</a></li>"))
    }

    @Test func topicPagesArePaginatedAsTheHomePageIs() throws {
        let articles = (1...5).map { day in
            ("e\(day).md", F.explainer("E\(day)", date: "2025-01-0\(day)", tags: ["Russia"]))
        }
        let build = try F.build(articles, homePageSize: 2)
        let paths = build.files.map(\.path).filter { $0.hasPrefix("topics/russia/") }
        #expect(
            paths == [
                "topics/russia/feed.xml", "topics/russia/index.html", "topics/russia/page/2/index.html",
                "topics/russia/page/3/index.html",
            ])
        let first = try #require(build.text("topics/russia/index.html"))
        #expect(F.inOrder(["/e5/", "/e4/"], in: first) && !first.contains("/e3/"))
        #expect(first.contains("Page 1 of 3"))
        #expect(first.contains("5 explainers, newest first."))
        #expect(first.contains("rel=\"next\" href=\"/topics/russia/page/2/\""))
        #expect(!first.contains("rel=\"prev\""))
        let last = try #require(build.text("topics/russia/page/3/index.html"))
        #expect(last.contains("<h1>Russia, page 3</h1>"))
        #expect(last.contains("/e1/") && !last.contains("/e2/"))
        #expect(last.contains("rel=\"prev\" href=\"/topics/russia/page/2/\""))
        #expect(!last.contains("rel=\"next\""))
        // The home pages are cut by the same rule.
        #expect(build.files.contains { $0.path == "page/3/index.html" } && !build.files.contains { $0.path == "page/4/index.html" })
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func paginationIsOneRule() throws {
        let articles = (1...5).map { day in
            ("e\(day).md", F.explainer("E\(day)", date: "2025-01-0\(day)", tags: []))
        }
        let build = try F.build(articles)
        let rendered = build.articles
        let slices = ListingPagination.pages(of: rendered, size: 2) { "/\($0)/" }
        #expect(slices.map(\.articles.count) == [2, 2, 1])
        #expect(slices.map(\.url) == ["/1/", "/2/", "/3/"])
        #expect(slices[1].position == ListingPosition(number: 2, count: 3, previousURL: "/1/", nextURL: "/3/"))
        let none = ListingPagination.pages(of: [], size: 2) { "/\($0)/" }
        #expect(none.count == 1 && none[0].articles.isEmpty && none[0].position == nil)
        // The home page is one of its users.
        let home = SitePlanner.homePages(
            site: SiteConfig(title: "T", baseURL: "https://t.example", homePageSize: 2), urls: SiteURLs(baseURL: "https://t.example"),
            newestFirst: rendered)
        #expect(
            home.map(\.listing)
                == ListingPagination.pages(of: rendered, size: 2) { SiteURLs(baseURL: "https://t.example").home(page: $0) }.map(\.position))
    }

    @Test func spellingsOfOneSlugAreOneTopicWithTheSpellingMostUsed() throws {
        let build = try F.build([
            ("a.md", F.explainer("A", date: "2025-01-03", tags: ["Russia"])),
            ("b.md", F.explainer("B", date: "2025-01-02", tags: ["Russia"])),
            ("c.md", F.explainer("C", date: "2025-01-01", tags: ["Energy", "russia"])),
        ])
        #expect(
            build.files.filter { $0.path.hasPrefix("topics/russia") }.map(\.path) == ["topics/russia/feed.xml", "topics/russia/index.html"])
        let index = try #require(build.text("topics/index.html"))
        #expect(index.contains("<a href=\"/topics/russia/\"><bdi>Russia</bdi></a> <span class=\"topic-count\">3 explainers</span>"))
        #expect(!index.contains(">russia<"))
        // The explainer that spells it otherwise shows the site's spelling, on its page and its card.
        let overview = try #require(build.text("c/index.html"))
        #expect(overview.contains("<a href=\"/topics/russia/\" rel=\"tag\">Russia</a>"))
        #expect(!overview.contains("rel=\"tag\">russia<"))
        let topic = try #require(build.text("topics/russia/index.html"))
        #expect(F.inOrder(["<h1>Russia</h1>", "/a/", "/b/", "/c/"], in: topic))
        #expect(!topic.contains("rel=\"tag\">russia<"))
        let warning = try #require(build.warnings.first { $0.message.contains("/topics/russia/") })
        #expect(warning.severity == .warning)
        #expect(warning.file == "Content/c.md")
        #expect(warning.line == 5)
        #expect(
            warning.message
                == "The tag \"russia\" is the topic \"Russia\" (/topics/russia/), spelled \"Russia\" in 2 explainers; spelled otherwise in Content/c.md (\"russia\")."
        )
        #expect(warning.hint == "Spell the tag \"Russia\" in every explainer, so that every page shows the topic the same way.")
    }

    @Test func aTagWithoutASlugIsAnErrorAtItsLine() throws {
        let failure = try #require(
            thrownFailure { try F.build([("a.md", F.explainer("A", date: "2025-01-03", tags: ["Russia", "!!!"]))]) })
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.file == "Content/a.md")
        #expect(error.line == 5)
        #expect(error.message.contains("!!!"))
        #expect(!error.hint.isEmpty)
    }

    @Test func anExplainerSluggedTopicsIsAnErrorNamingBoth() throws {
        let failure = try #require(
            thrownFailure { try F.build([("topics.md", F.explainer("Topics", date: "2025-01-03", tags: ["Russia"]))]) })
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.file == "Content/topics.md")
        #expect(
            error.message
                == "This explainer (slug `topics`) would be at /topics/, which is already used by the topic pages (/topics/, /topics/SLUG/)."
        )
        // With `slug:` the error points at it.
        let slugged = try #require(
            thrownFailure {
                try F.build([("a.md", F.explainer("A", date: "2025-01-03", tags: [], extra: "slug: topics"))])
            })
        let located = try #require(slugged.diagnostics.first { $0.severity == .error })
        #expect(located.file == "Content/a.md" && located.line == 6)
        #expect(located.message.contains("the topic pages"))
    }

    @Test func aSiteWithoutTagsHasAnEmptyIndex() throws {
        let build = try F.build([("a.md", F.explainer("A", date: "2025-01-03", tags: []))])
        let index = try #require(build.text("topics/index.html"))
        #expect(index.contains("No topics yet"))
        #expect(build.files.map(\.path).filter { $0.hasPrefix("topics/") } == ["topics/index.html"])
        #expect(!(try #require(build.text("a/index.html"))).contains("topic-links"))
        #expect(SiteChecker.check(build.files) == [])
    }
}
