import Foundation
import Testing

@testable import ExplainerKit

/// The home page lists `homePageSize` explainers, newest first; the rest go to `/page/2/`, … .
@Suite("Home page pagination")
struct PaginationTests {
    static let siteYML = Fixtures.siteYML + "\nhomePageSize: 2\n"

    static func articles(_ count: Int, retitle: Int? = nil) -> [(String, String)] {
        (1...count).map { i in
            ("a\(i).md", Fixtures.article(title: i == retitle ? "Retitled \(i)" : "Explainer \(i)", date: "2024-01-\(10 + i)"))
        }
    }

    @Test func fiveExplainersTwoPerPageMakeThreeLinkedHomePages() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: Self.articles(5), siteYML: Self.siteYML))
        let first = build.text("index.html") ?? ""
        let second = build.text("page/2/index.html") ?? ""
        let third = build.text("page/3/index.html") ?? ""
        #expect(first.contains("Explainer 5") && first.contains("Explainer 4") && !first.contains("Explainer 3<"))
        #expect(second.contains("Explainer 3") && second.contains("Explainer 2"))
        #expect(third.contains("Explainer 1") && !third.contains("Explainer 2<"))
        #expect(first.contains("rel=\"next\" href=\"/page/2/\"") && !first.contains("rel=\"prev\""))
        #expect(second.contains("rel=\"prev\" href=\"/\"") && second.contains("rel=\"next\" href=\"/page/3/\""))
        #expect(third.contains("rel=\"prev\" href=\"/page/2/\"") && !third.contains("rel=\"next\""))
        #expect(second.contains("Page 2 of 3") && second.contains("<title>Test site, page 2</title>"))
        #expect(build.files.first { $0.path == "page/4/index.html" } == nil)
        // Every link resolves, and the sitemap lists every home page.
        #expect(SiteChecker.check(build.files) == [])
        let sitemap = build.text(SitemapWriter.path) ?? ""
        #expect(sitemap.contains("https://test.example/page/2/") && sitemap.contains("https://test.example/page/3/"))
    }

    @Test func oneHomePageHasNoPager() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: Self.articles(2), siteYML: Self.siteYML))
        #expect(!(build.text("index.html") ?? "").contains("More explainers"))
        #expect(!build.files.contains { $0.path.hasPrefix("page/") })
    }

    @Test func aBadPageSizeIsAnErrorAtItsLine() {
        for value in ["0", "two", "\"3\"", "2.5"] {
            let yml = Fixtures.siteYML + "\nhomePageSize: \(value)\n"
            let failure = outcome { () throws(BuildFailure) in try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: yml))
            }
            guard case .failure(let f) = failure else {
                Issue.record("homePageSize: \(value) was accepted")
                continue
            }
            #expect(f.diagnostics.contains { $0.message.contains("homePageSize") && $0.line == 6 }, "\(f.diagnostics)")
        }
    }

    /// A cached rebuild after retitling an explainer listed on the last home page equals a
    /// full build (only that listing page changes).
    @Test func cachedRebuildAfterARetitleEqualsAFullBuild() throws {
        let cache = BuildCache()
        let before = try SiteBuilder.build(Fixtures.sources(articles: Self.articles(5), siteYML: Self.siteYML), memo: cache)
        let sources = Fixtures.sources(articles: Self.articles(5, retitle: 1), siteYML: Self.siteYML)
        let cached = try SiteBuilder.build(sources, memo: cache)
        let full = try SiteBuilder.build(sources)
        #expect(cached.files == full.files)
        #expect((cached.text("index.html") ?? "") == before.text("index.html") ?? "")
        #expect((cached.text("page/3/index.html") ?? "").contains("Retitled 1"))
    }
}
