import Foundation
import Testing

@testable import ExplainerKit

/// Bylines end to end: under the title, in JSON-LD as `Person`s, in the feed, and the author
/// pages with their paths and claims.
@Suite("Bylines")
struct BylineTests {
    static func site() throws -> SiteBuild {
        try SiteBuilder.build(
            BylineFixtures.sources([
                ("older-one.md", BylineFixtures.article(title: "Older one", date: "2025-01-02", authors: "[ana-diaz, ben-lee]")),
                ("newer-one.md", BylineFixtures.article(title: "Newer one", date: "2025-03-04", authors: "ana-diaz")),
                ("unsigned.md", BylineFixtures.article(title: "Unsigned", date: "2025-02-03")),
            ]), settings: BylineFixtures.settings())
    }

    @Test func theBylineIsUnderTheTitleOnTheExplainersPages() throws {
        let build = try Self.site()
        let byline =
            "<p class=\"byline\">By <a href=\"/authors/ana-diaz/\" rel=\"author\"><bdi>Ana Díaz</bdi></a> and "
            + "<a href=\"/authors/ben-lee/\" rel=\"author\"><bdi>Ben Lee</bdi></a></p>"
        for page in ["older-one/index.html", "older-one/all/index.html", "older-one/history/index.html"] {
            let html = try build.page(page)
            #expect(html.contains(byline), "\(page)")
            // Under the title: after the <h1>, before the page's text.
            let h1 = try #require(html.range(of: "</h1>"))
            let at = try #require(html.range(of: byline))
            #expect(h1.upperBound <= at.lowerBound, "\(page)")
        }
        #expect(build.text("older-one/quotes/index.html")?.contains("class=\"byline\"") == false)
        #expect(build.text("unsigned/index.html")?.contains("class=\"byline\"") == false)
        let one = try build.page("newer-one/index.html")
        #expect(one.contains("By <a href=\"/authors/ana-diaz/\" rel=\"author\"><bdi>Ana Díaz</bdi></a></p>"))
        // Every page links the authors index when the site has authors.
        #expect(one.contains("<a href=\"/authors/\">Authors</a>"))
    }

    @Test(arguments: [true, false])
    func authorsAreTypesetLikeTheFrontMatter(smart: Bool) throws {
        let authors = """
            sean-obrien:
              name: Seán O'Brien
              role: 'Editor -- "data"'
              bio: It's all in the numbers...
            """
        var sources = BylineFixtures.sources(
            [("one.md", BylineFixtures.article(title: "One", authors: "sean-obrien"))], authors: authors)
        if !smart { sources.config = SourceFile(path: "Content/site.yml", text: Fixtures.siteYML + "\nsmartPunctuation: false\n") }
        let build = try SiteBuilder.build(sources, settings: BylineFixtures.settings())
        let overview = try build.page("one/index.html")
        let page = try build.page("authors/sean-obrien/index.html")
        if smart {
            #expect(overview.contains("Seán O’Brien</bdi></a>"))
            #expect(page.contains("Editor – “data”") && page.contains("It’s all in the numbers…"))
        } else {
            #expect(overview.contains("Seán O&#39;Brien</bdi></a>") && !overview.contains("O’Brien"))
            #expect(page.contains("It&#39;s all in the numbers...") && !page.contains("It’s"))
        }
    }

    @Test func jsonLDNamesTheAuthorsAsPersons() throws {
        let build = try Self.site()
        for page in ["older-one/index.html", "older-one/history/index.html", "older-one/quotes/index.html"] {
            let json = try BylineFixtures.jsonLD(try build.page(page))
            let authors = try #require(json["author"] as? [[String: Any]], "\(page)")
            #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
            #expect(authors.map { $0["name"] as? String } == ["Ana Díaz", "Ben Lee"])
            #expect(
                authors.map { $0["url"] as? String } == ["https://test.example/authors/ana-diaz/", "https://test.example/authors/ben-lee/"])
            #expect(authors.map { $0["jobTitle"] as? String } == ["Chief correspondent", "Data editor"])
            #expect(authors[0]["sameAs"] as? [String] == ["https://example.org/ana", "https://example.social/@ana"])
            #expect(authors[1]["sameAs"] == nil)
            // The publisher stays the site's organisation.
            #expect((json["publisher"] as? [String: Any])?["@type"] as? String == "Organization")
        }
        let unsigned = try BylineFixtures.jsonLD(try build.page("unsigned/index.html"))
        #expect((unsigned["author"] as? [String: Any])?["@type"] as? String == "Organization")
    }

    @Test func eachFeedEntryNamesItsAuthors() throws {
        let feed = try Self.site().page("feed.xml")
        // The feed's own author (the site), then the entries newest first: b (Ana), c (none), a (Ana, Ben).
        let names = try #require(XMLTextCollector.collect("name", in: feed))
        #expect(names == ["Test desk", "Ana Díaz", "Ana Díaz", "Ben Lee"])
        let uris = try #require(XMLTextCollector.collect("uri", in: feed))
        #expect(uris.first == "https://test.example/authors/ana-diaz/")
        let entries = try #require(XMLTextCollector.collect("entry", in: feed))
        #expect(entries.count == 3)
        #expect(entries[1].contains("Unsigned") && !entries[1].contains("Ana"))
        #expect(entries[2].contains("Ana Díaz") && entries[2].contains("Ben Lee"))
    }

    @Test func eachAuthorHasAPageListingTheirExplainersNewestFirst() throws {
        let build = try Self.site()
        let ana = try build.page("authors/ana-diaz/index.html")
        #expect(ana.contains("<h1>Ana Díaz</h1>") && ana.contains("Chief correspondent") && ana.contains("Covers Central Asia."))
        #expect(ana.contains("href=\"https://example.social/@ana\" rel=\"me\">Mastodon</a>"))
        let newer = try #require(ana.range(of: "href=\"/newer-one/\""))
        let older = try #require(ana.range(of: "href=\"/older-one/\""))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(!ana.contains("href=\"/unsigned/\""))
        let ben = try build.page("authors/ben-lee/index.html")
        #expect(ben.contains("href=\"/older-one/\"") && !ben.contains("href=\"/newer-one/\""))
        let json = try BylineFixtures.jsonLD(ana)
        #expect(json["@type"] as? String == "ProfilePage")
        #expect((json["mainEntity"] as? [String: Any])?["name"] as? String == "Ana Díaz")
        let index = try build.page("authors/index.html")
        let first = try #require(index.range(of: "href=\"/authors/ana-diaz/\""))
        let second = try #require(index.range(of: "href=\"/authors/ben-lee/\""))
        #expect(first.lowerBound < second.lowerBound && index.contains("Data editor"))
        #expect(build.summary.pages.filter { $0.kind == .author }.map(\.url) == ["/authors/ana-diaz/", "/authors/ben-lee/"])
        #expect(build.summary.pages.filter { $0.kind == .authors }.map(\.file) == ["authors/index.html"])
    }

    @Test func authorPagesAreInTheSitemapDatedByTheirNewestExplainer() throws {
        let sitemap = try Self.site().page("sitemap.xml")
        let locs = try #require(XMLTextCollector.collect("loc", in: sitemap))
        #expect(locs.contains("https://test.example/authors/"))
        #expect(sitemap.contains("<url><loc>https://test.example/authors/ana-diaz/</loc><lastmod>2025-03-04</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://test.example/authors/ben-lee/</loc><lastmod>2025-01-02</lastmod></url>"))
    }

    @Test func theAuthorsFolderIsClaimedOnlyWhenTheSiteHasAuthors() throws {
        let article = BylineFixtures.article(title: "About authors", extra: "slug: authors\n")
        let problems = BylineFixtures.failure(BylineFixtures.sources([("a.md", article)]))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("/authors/, which is already used by the author pages") == true)
        #expect(problems.first?.file == "Content/a.md" && problems.first?.hint.contains("slug:") == true)
        // Without an authors file the folder is free.
        let build = try SiteBuilder.build(BylineFixtures.sources([("a.md", article)], authors: nil))
        #expect(build.text("authors/index.html")?.contains("About authors") == true)
    }

    @Test func anEditedAuthorsFileRebuildsThePagesThroughTheCache() throws {
        let cache = BuildCache()
        var sources = BylineFixtures.sources([("a.md", BylineFixtures.article(authors: "ben-lee"))])
        let first = try SiteBuilder.build(sources, settings: BylineFixtures.settings(), memo: cache)
        #expect(first.text("a/index.html")?.contains("><bdi>Ben Lee</bdi></a>") == true)
        sources.authors = SourceFile(
            path: "Content/authors.yml", text: BylineFixtures.authorsYML.replacingOccurrences(of: "Ben Lee", with: "Benjamin Lee"))
        let second = try SiteBuilder.build(sources, settings: BylineFixtures.settings(), memo: cache)
        let uncached = try SiteBuilder.build(sources, settings: BylineFixtures.settings())
        #expect(second.text("a/index.html")?.contains("><bdi>Benjamin Lee</bdi></a>") == true)
        #expect(second.files == uncached.files)
    }
}
