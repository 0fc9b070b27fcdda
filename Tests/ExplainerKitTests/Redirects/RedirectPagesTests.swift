import Testing

@testable import ExplainerKit

/// What aliases make: a redirect page at each old path (refresh, canonical, noindex, a link, no
/// script), one sorted `_redirects` file, nothing in the sitemap, feeds or search; `check`
/// accepts them, and the preview's cache rebuilds them as a fresh build does.
@Suite("Redirects: pages and _redirects")
struct RedirectPagesTests {
    typealias F = RedirectFixtures

    static let site: [(String, String)] = [
        ("b.md", F.explainer("Bee & co", "aliases: [old-b, /old-b/history/]", date: "2025-01-03")),
        ("a.md", F.explainer("A", "aliases: [\"https://test.example/2024/a-old/\"]")),
        ("c.md", F.explainer("C")),
    ]

    @Test func eachAliasIsAMinimalRedirectPageToTheOverview() throws {
        let build = try SiteBuilder.build(F.sources(Self.site))
        let page = try #require(build.text("old-b/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/b/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://test.example/b/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"/b/\"><bdi>Bee &amp; co</bdi></a>"))
        #expect(page.contains("<title>Moved: Bee &amp; co – Test site</title>"))
        #expect(page.contains("http-equiv=\"Content-Security-Policy\""))
        #expect(!page.contains("<script") && !page.contains("data-pagefind") && !page.contains("style="))
        #expect(build.text("old-b/history/index.html")?.contains("url=/b/\"") == true)
        #expect(build.text("2024/a-old/index.html")?.contains("url=/a/\"") == true)
    }

    @Test func oneSortedRedirectsFileListsEveryAlias() throws {
        let build = try SiteBuilder.build(F.sources(Self.site))
        let lines = try #require(build.text("_redirects")).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["/2024/a-old/ /a/ 301", "/old-b/ /b/ 301", "/old-b/history/ /b/ 301"])
        // The same bytes whatever the order of the sources.
        #expect(try SiteBuilder.build(F.sources(Array(Self.site.reversed()))).files == build.files)
    }

    @Test func underABasePathBothPathsCarryIt() throws {
        let articles = [("b.md", F.explainer("B", "aliases: [old-b, \"https://test.example/news/older-b/\"]"))]
        let build = try SiteBuilder.build(F.sources(articles, baseURL: "https://test.example/news"))
        let lines = try #require(build.text("_redirects")).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["/news/old-b/ /news/b/ 301", "/news/older-b/ /news/b/ 301"])
        let page = try #require(build.text("old-b/index.html"))
        #expect(page.contains("url=/news/b/\"") && page.contains("href=\"https://test.example/news/b/\""))
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func withoutAliasesThereIsNoRedirectsFile() throws {
        let build = try SiteBuilder.build(F.sources([("c.md", F.explainer("C"))]))
        #expect(build.text("_redirects") == nil)
    }

    @Test func redirectPagesAreInNoSitemapFeedOrSearchIndex() throws {
        let build = try SiteBuilder.build(F.sources(Self.site))
        let sitemap = try #require(build.text("sitemap.xml"))
        let feed = try #require(build.text("feed.xml"))
        #expect(sitemap.contains("https://test.example/b/") && !sitemap.contains("old-b") && !sitemap.contains("a-old"))
        #expect(!feed.contains("old-b") && !feed.contains("a-old"))
    }

    @Test func checkPassesOnASiteWithAliases() throws {
        let build = try SiteBuilder.build(F.sources(Self.site))
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func productionCompressesTheRedirectPages() throws {
        let build = try SiteBuilder.build(F.sources(Self.site), settings: BuildSettings(production: true))
        #expect(build.files.contains { $0.path == "old-b/index.html.gz" })
        #expect(build.text("_redirects") != nil)
    }

    @Test func thePreviewsCacheAddsAndRemovesRedirectsAsAFreshBuildDoes() throws {
        var articles = [("a.md", F.explainer("A")), ("b.md", F.explainer("B"))]
        let cache = BuildCache()
        let before = try SiteBuilder.build(F.sources(articles), memo: cache).files
        articles[0].1 = F.explainer("A", "aliases: [old-a]")
        let added = try SiteBuilder.build(F.sources(articles), memo: cache).files
        #expect(added == (try SiteBuilder.build(F.sources(articles)).files))
        #expect(added.contains { $0.path == "old-a/index.html" } && added.contains { $0.path == "_redirects" })
        // A new title shows on the redirect page; a second alias joins `_redirects`.
        articles[0].1 = F.explainer("A renamed", "aliases: [old-a, older-a]")
        let renamed = try SiteBuilder.build(F.sources(articles), memo: cache).files
        #expect(renamed == (try SiteBuilder.build(F.sources(articles)).files))
        #expect(
            renamed.first { $0.path == "old-a/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) }?
                .contains("A renamed") == true)
        // B takes the alias over: the redirect now leads to B.
        articles[0].1 = F.explainer("A renamed")
        articles[1].1 = F.explainer("B", "aliases: [old-a]")
        let moved = try SiteBuilder.build(F.sources(articles), memo: cache).files
        #expect(moved == (try SiteBuilder.build(F.sources(articles)).files))
        articles = [("a.md", F.explainer("A")), ("b.md", F.explainer("B"))]
        #expect(try SiteBuilder.build(F.sources(articles), memo: cache).files == before)
    }
}
