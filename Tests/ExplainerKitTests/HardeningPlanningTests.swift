import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// Issue 11, the planning classes: every output path has one owner (6), headings never take
/// an id the templates use (16), an explainer's sections are bounded and its rendering linear
/// (13), and a site under a sub-path links everything below that path (21).
@Suite("Hardening: output paths, ids, URLs")
struct HardeningPlanningTests {
    // MARK: Fixtures

    /// An article with `extra` front matter and `body` after a lede.
    static func article(_ extra: String = "", body: String = "## One\n\nText.\n") -> String {
        "---\ntitle: \"An explainer\"\nsummary: \"A summary.\"\ndate: 2025-01-02\n\(extra)\n---\nThe lede.\n\n\(body)"
    }

    static func failure(_ sources: SiteSources, settings: BuildSettings = BuildSettings(), cache: BuildCache? = nil) throws -> [Diagnostic]
    {
        try #require(
            thrownFailure {
                try cache.map { try SiteBuilder.build(sources, settings: settings, memo: $0) }
                    ?? SiteBuilder.build(sources, settings: settings)
            }
        ).diagnostics
    }

    /// Every `href` and `src` of every HTML page.
    static func links(_ build: SiteBuild) -> [(page: String, link: String)] {
        build.files.filter { $0.path.hasSuffix(".html") }.flatMap { file in
            HTMLTagScanner.scan(file.bytes).tags.flatMap { tag in
                ["href", "src"].compactMap { tag.attribute($0) }.map { (file.path, $0) }
            }
        }
    }

    // MARK: 6. One owner per output path

    @Test func anExplainerCannotTakeTheHomeListingsFolder() throws {
        // `slug: page` with a section `## 2` used to replace the home listing /page/2/.
        let yml = Fixtures.siteYML + "\nhomePageSize: 1\n"
        let diagnostics = try Self.failure(
            Fixtures.sources(
                articles: [
                    ("a.md", Self.article()), ("b.md", Self.article("slug: page", body: "## 2\n\nText.\n")),
                ], siteYML: yml))
        let problem = try #require(diagnostics.first { $0.file == "Content/b.md" }, "\(diagnostics)")
        #expect(problem.line == 5 && problem.column == 7, "\(problem)")
        #expect(problem.message.contains("/page/") && problem.message.contains("home page listings"), "\(problem)")
        #expect(problem.hint.contains("slug:"))
        // Also with a single home page: the folder is the listings' whatever the site's size.
        #expect(
            try Self.failure(Fixtures.sources(articles: [("b.md", Self.article("slug: page"))]))
                .contains { $0.message.contains("home page listings") })
    }

    @Test func anExplainerCannotTakeTheAssetsFolder() throws {
        var sources = Fixtures.sources(articles: [("assets.md", Self.article())])
        sources.assets.append(SourceFile(path: "index.html", text: "<p>An asset page.</p>"))
        let diagnostics = try Self.failure(sources)
        let problem = try #require(diagnostics.first { $0.file == "Content/assets.md" }, "\(diagnostics)")
        #expect(problem.message.contains("/assets/") && problem.message.contains("Templates/assets/"), "\(problem)")
        #expect(problem.message.contains("its file name") == false)
        #expect(problem.hint.contains("Rename the file"))
        // With `slug:` the error points at it.
        let bySlug = try Self.failure(Fixtures.sources(articles: [("x.md", Self.article("slug: assets"))]))
        #expect(bySlug.contains { $0.file == "Content/x.md" && $0.line == 5 && $0.message.contains("Templates/assets/") }, "\(bySlug)")
    }

    @Test func twoExplainersWithOneSlugNameBothSources() throws {
        let diagnostics = try Self.failure(
            Fixtures.sources(articles: [
                ("a.md", Self.article("slug: same")), ("same.md", Self.article()),
            ]))
        let problem = try #require(diagnostics.first, "\(diagnostics)")
        #expect(diagnostics.count == 1)
        #expect(problem.file == "Content/same.md" && problem.message.contains("Content/a.md:5:7 (`slug: same`)"), "\(problem)")
    }

    @Test func aSectionCannotTakeTheQuotesOrOnePagePage() throws {
        let bound = Self.article("sections:\n  quotes: \"Said\"", body: "## Said\n\nText.\n\n> \"Q.\"\n>\n> — Someone\n")
        let diagnostics = try Self.failure(Fixtures.sources(articles: [("a.md", bound)]))
        let problem = try #require(diagnostics.first, "\(diagnostics)")
        #expect(problem.file == "Content/a.md" && problem.line == 6 && problem.column == 3, "\(problem)")
        #expect(problem.message.contains("/a/quotes/") && problem.message.contains("quotes page"), "\(problem)")
        // An unnamed heading `## Quotes` or `## All` gets a page of its own instead.
        let build = try SiteBuilder.build(
            Fixtures.sources(articles: [
                ("a.md", Self.article(body: "## Quotes\n\nText.\n\n## All\n\nMore.\n\n> \"Q.\"\n>\n> — Someone\n"))
            ]))
        #expect(build.articles[0].sections.map(\.key) == ["quotes-2", "all-2"])
        #expect(build.text("a/quotes/index.html")?.contains("What was said") == true)
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func twoHeadingsNamedByOneEntryPointAtTheSecond() throws {
        let diagnostics = try Self.failure(
            Fixtures.sources(articles: [
                ("a.md", Self.article("sections:\n  one: \"One\"", body: "## One\n\nA.\n\n## One\n\nB.\n"))
            ]))
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.line == 14 && diagnostics.first?.message.contains("the heading \"One\" (Content/a.md:10)") == true,
            "\(diagnostics)")
    }

    @Test func aProductionGzipCopyCannotReplaceAnAsset() throws {
        var sources = Fixtures.sources(articles: [("a.md", Self.article())])
        sources.assets.append(SourceFile(path: "favicon.svg.gz", text: "not gzip"))
        #expect(throws: Never.self) { try SiteBuilder.build(sources) }
        let diagnostics = try Self.failure(sources, settings: BuildSettings(production: true))
        #expect(
            diagnostics.contains {
                $0.file.hasSuffix("Templates/assets/favicon.svg.gz") && $0.message.contains("the gzip copy of")
            }, "\(diagnostics)")
    }

    @Test func claimsCoverFilesFoldersAndWhatIsInside() {
        var claims = PathClaims()
        let a = PathOwner.generated("a")
        let b = PathOwner.generated("b")
        #expect(claims.claim("x", isFolder: true, by: a) == nil)
        #expect(claims.claim("x/y.css", by: b) != nil)  // inside another's folder
        #expect(claims.claim("x", by: b) != nil)  // a file where a folder is
        #expect(claims.claim("d/e/f.css", by: a) == nil)
        #expect(claims.claim("d", isFolder: true, by: b) != nil)  // a folder over another's files
        #expect(claims.claim("d/e", by: b) != nil)  // a file where a folder of them is
        #expect(claims.claim("d/e/g.css", by: b) == nil)  // beside, not over
        #expect(claims.claim("d/e/g.css/h", by: a) != nil)  // inside another's file
        #expect(claims.claim("d/e/f.css", by: b)?.message == "B would be at /d/e/f.css, which is already used by a.")
    }

    /// The preview rebuilds through the cache: the check runs on every build, cached or not.
    @Test func aCachedRebuildChecksPathsToo() throws {
        let cache = BuildCache()
        _ = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article()), ("b.md", Self.article())]), memo: cache)
        let diagnostics = try Self.failure(
            Fixtures.sources(articles: [("a.md", Self.article()), ("b.md", Self.article("slug: a"))]), cache: cache)
        #expect(diagnostics.contains { $0.file == "Content/b.md" && $0.message.contains("Content/a.md (its file name)") }, "\(diagnostics)")
        #expect(cache.statistics.articlesReused == 1)
        _ = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article()), ("b.md", Self.article())]), memo: cache)
    }

    // MARK: 16. Headings never take the templates' ids

    @Test func headingsNeverTakeAQuoteAnchorOrATemplateID() throws {
        let body = """
            ## Quote 1

            ### Quote 2

            > "Said."
            >
            > — Someone

            ### Quote

            ### Quote

            ### Key points

            ### Toc

            > "Said again."
            >
            > — Someone else

            ## Sources

            ### Top

            [A source](https://example.com/a)
            """
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article("keyPoints: [\"A\"]", body: body))]))
        let sections = build.articles[0].sections
        #expect(sections.map(\.heading.id) == ["quote-1-2", "sources-2"])
        #expect(sections[0].chunk.toc.map(\.id) == ["quote-2-2", "quote", "quote-3", "key-points-2", "toc-2"])
        #expect(sections[1].chunk.toc.map(\.id) == ["top-2"])
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func idsAreTakenFromTheTemplatesThemselves() throws {
        var sources = Fixtures.sources(articles: [("a.md", Self.article(body: "## Share box\n\nText.\n"))])
        let layout = try #require(sources.templates.firstIndex { $0.path.hasSuffix("/layout.mustache") })
        let text = String(decoding: sources.templates[layout].bytes, as: UTF8.self)
            .replacingOccurrences(
                of: "<footer class=\"site-footer\">",
                with: "<footer class=\"site-footer\"><p id='share-box' data-id=\"not-an-id\" class=\"x\">Share</p>")
        sources.templates[layout] = SourceFile(path: sources.templates[layout].path, text: text)
        let build = try SiteBuilder.build(sources)
        #expect(build.articles[0].sections[0].heading.id == "share-box-2")
        #expect(SiteChecker.check(build.files) == [])
        #expect(TemplateIDs.literal(in: text).isSuperset(of: ["main", "share-box"]))
        #expect(!TemplateIDs.literal(in: text).contains("not-an-id"))
        #expect(TemplateIDs.literal(in: "<h2 id=\"{{section.id}}\">") == [])
    }

    // MARK: 13. Bounded sections, linear rendering

    static func sections(_ count: Int, heading: (Int) -> String = { "Section \($0)" }) -> String {
        (1...count).map { "## \(heading($0))\n\nText \($0).\n" }.joined(separator: "\n")
    }

    @Test func anExplainerHasAtMostTheLimitOfSections() throws {
        let limit = SitePlanner.maxSections
        let atLimit = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article(body: Self.sections(limit)))]))
        #expect(atLimit.articles[0].sections.count == limit)

        let over = try Self.failure(Fixtures.sources(articles: [("a.md", Self.article(body: Self.sections(limit + 5)))]))
        let problem = try #require(over.first, "\(over)")
        #expect(over.count == 1)
        // The lede starts on line 7; section n's heading stands on line 9 + 4 (n - 1).
        #expect(problem.file == "Content/a.md" && problem.line == 9 + 4 * limit && problem.column == 1, "\(problem)")
        #expect(problem.message.contains("at most \(limit)") && problem.message.contains("\(limit + 5) sections"))
    }

    @Test func tenThousandHeadingsAreRefusedQuickly() throws {
        let start = ContinuousClock.now
        let over = try Self.failure(Fixtures.sources(articles: [("a.md", Self.article(body: Self.sections(10_000)))]))
        #expect(over.contains { $0.message.contains("at most \(SitePlanner.maxSections)") })
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func headingIDsAreLinearInTheNumberOfHeadings() {
        // 20,000 identical `###` headings: a suffix search that starts again at `-2` for each
        // one makes 200 million tries.
        let markdown = "## Only\n\n" + String(repeating: "### Same\n\n", count: 20_000)
        let start = ContinuousClock.now
        let rendered = MarkdownRenderer.render(markdown)
        #expect(ContinuousClock.now - start < .seconds(10))
        let ids = rendered.sections[0].toc.map(\.id)
        #expect(ids.count == 20_000 && Set(ids).count == 20_000 && ids.last == "same-20000")
        var names = UniqueNames(reserved: ["a-2"])
        #expect(["a", "a", "a", "a-3"].map { names.unique($0) } == ["a", "a-3", "a-4", "a-3-2"])
    }

    // MARK: 21. A site under a sub-path

    static let subPathArticle = article(
        "slug: story\nsections:\n  history: \"The past\"\ntimeline:\n  - { date: \"1990\", event: \"It began\" }\nkeyPoints: [\"One\"]",
        body:
            "See [the risks](/story/risks/) and ![a picture](/assets/favicon.svg).\n\n> \"Said.\"\n>\n> — Someone\n\n## The past\n\nOld.\n\n## Risks\n\nNew.\n"
    )

    static func subPathBuild(production: Bool = false, viaSiteYML: Bool = false) throws -> SiteBuild {
        let yml =
            (viaSiteYML
                ? Fixtures.siteYML.replacingOccurrences(of: "https://test.example", with: "https://host.example/explainers/")
                : Fixtures.siteYML) + "\nhomePageSize: 1\n"
        let settings = BuildSettings(baseURL: viaSiteYML ? nil : "https://host.example/explainers", production: production)
        return try SiteBuilder.build(
            Fixtures.sources(
                articles: [
                    ("story.md", subPathArticle), ("other.md", Self.article(body: "## One\n\nText.\n")),
                ], siteYML: yml), settings: settings)
    }

    @Test(arguments: [(false, false), (true, false), (false, true)])
    func everyInternalURLFollowsTheBasePath(production: Bool, viaSiteYML: Bool) throws {
        let build = try Self.subPathBuild(production: production, viaSiteYML: viaSiteYML)
        #expect(build.basePath == "/explainers")
        // Files stay where they are.
        #expect(build.text("story/index.html") != nil && build.text("page/2/index.html") != nil && build.text("404.html") != nil)
        let links = Self.links(build)
        let rootRelative = links.filter { $0.link.hasPrefix("/") }
        #expect(rootRelative.count > 50)
        let stray = rootRelative.filter { !$0.link.hasPrefix("/explainers/") }
        #expect(stray.isEmpty, "\(stray.prefix(10))")
        let home = build.text("index.html") ?? ""
        #expect(home.contains("href=\"/explainers/feed.xml\"") && home.contains("href=\"/explainers/assets/favicon.svg\""))
        #expect(home.contains("rel=\"next\" href=\"/explainers/page/2/\""))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://host.example/explainers/\">"))
        let overview = build.text("story/index.html") ?? ""
        #expect(overview.contains("href=\"/explainers/story/risks/\">the risks</a>"))
        #expect(overview.contains("src=\"/explainers/assets/favicon.svg\""))
        #expect(overview.contains("href=\"/explainers/story/quotes/\""))
        #expect(overview.contains("\"url\":\"https://host.example/explainers/story/\""))
        #expect(build.text("404.html")?.contains("href=\"/explainers/\">Go to the home page") == true)
        #expect(build.text("robots.txt") == "User-agent: *\nAllow: /explainers/\n\nSitemap: https://host.example/explainers/sitemap.xml\n")
        let sitemap = build.text("sitemap.xml") ?? ""
        #expect(sitemap.contains("<loc>https://host.example/explainers/story/history/</loc>"))
        #expect(!sitemap.contains("explainers/explainers"))
        let feed = build.text("feed.xml") ?? ""
        #expect(
            feed.contains("<id>https://host.example/explainers/story/</id>")
                && feed.contains("href=\"https://host.example/explainers/feed.xml\""))
        // The checks resolve links below the base path, given or read from robots.txt.
        #expect(SiteChecker.check(build.files, basePath: "/explainers") == [])
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func theCheckerRefusesALinkOutsideTheBasePath() throws {
        let build = try Self.subPathBuild()
        var files = build.files
        let index = try #require(files.firstIndex { $0.path == "story/risks/index.html" })
        let page = String(decoding: files[index].bytes, as: UTF8.self)
            .replacingOccurrences(of: "<p>New.</p>", with: "<p><a href=\"/story/\">old style</a> <a href=\"/explainersx/\">near</a></p>")
        files[index] = OutputFile(path: files[index].path, text: page)
        let problems = SiteChecker.check(files)
        #expect(problems.count == 2 && problems.allSatisfy { $0.message.contains("leads outside the site") }, "\(problems)")
    }

    @Test func theURLsOfASite() {
        let sub = SiteURLs(baseURL: "https://host.example:8443/a/b//")
        #expect(sub.basePath == "/a/b" && sub.origin == "https://host.example:8443" && sub.baseURL == "https://host.example:8443/a/b")
        #expect(sub.home(page: 3) == "/a/b/page/3/" && sub.file(ofPage: sub.home(page: 3)) == "page/3/index.html")
        #expect(sub.file(ofPage: sub.notFound) == "404.html" && sub.file(ofPage: sub.home()) == "index.html")
        let root = SiteURLs(baseURL: "https://example.org/")
        #expect(root.basePath == "" && root.explainer("x") == "/x/" && root.absolute(root.feed) == "https://example.org/feed.xml")
    }
}
