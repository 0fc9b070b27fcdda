import Foundation
import Testing

@testable import ExplainerKit

/// The search index a build makes with Pagefind: only the explainers' short pages, with their
/// kind, topics and date; the same bytes for the same site; nothing of search with `search: false`;
/// no output when Pagefind is missing.
@Suite struct SearchIndexTests {
    @Test func onlyTheExplainersShortPagesAreIndexedWithTheirKindTopicsAndDate() throws {
        let folder = SearchFixtures.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try BuildRunner(paths: SearchFixtures.paths(folder)).run()
        let bundle = SearchFixtures.bundle(in: folder + "/Public")
        #expect(bundle["pagefind/pagefind-entry.json"] != nil && bundle["pagefind/pagefind-component-ui.js"] != nil)
        #expect(report.files >= bundle.count)
        let fragments = try SearchFixtures.fragments(bundle)
        let urls = Set(fragments.compactMap { $0["url"] as? String })
        // Overview, three sections and quotes of each explainer; not /all/, home, search, 404…
        var expected: Set<String> = []
        for slug in ["alpha", "beta"] {
            expected.formUnion(["/\(slug)/", "/\(slug)/history/", "/\(slug)/risks/", "/\(slug)/unnamed-section/", "/\(slug)/quotes/"])
        }
        #expect(urls == expected, "\(urls.sorted())")
        let risks = try #require(fragments.first { $0["url"] as? String == "/alpha/risks/" })
        let meta = try #require(risks["meta"] as? [String: String])
        #expect(meta["date"] == "2025-01-02" && meta["kind"] == "Section" && meta["topics"] == "One, Two", "\(meta)")
        #expect(meta["title"] == "What could go wrong", "\(meta)")
        let overview = try #require(fragments.first { $0["url"] as? String == "/beta/" })
        #expect((overview["meta"] as? [String: String])?["kind"] == "Overview")
        #expect((overview["meta"] as? [String: String])?["date"] == "2025-02-03")
        // The chrome is left out: the pager's and the byline's words are not in the text.
        let content = try #require(risks["content"] as? String)
        #expect(content.contains("Risk paragraph") && !content.contains("Previous") && !content.contains("min read"), "\(content)")
        // The manifest lists the bundle: a second build may replace it.
        _ = try BuildRunner(paths: SearchFixtures.paths(folder)).run()
    }

    @Test func theIndexIsTheSameBytesForTheSameSite() throws {
        let folder = SearchFixtures.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: SearchFixtures.paths(folder, output: "One")).run()
        _ = try BuildRunner(paths: SearchFixtures.paths(folder, output: "Two")).run()
        let one = SearchFixtures.bundle(in: folder + "/One")
        #expect(one.count > 10)
        #expect(one == SearchFixtures.bundle(in: folder + "/Two"))
        // And a build in memory (publish's way) makes the same bundle.
        let inMemory = try BuildRunner(paths: SearchFixtures.paths(folder)).buildInMemory()
        let files = Dictionary(uniqueKeysWithValues: inMemory.files.filter { $0.path.hasPrefix("pagefind/") }.map { ($0.path, $0.bytes) })
        #expect(files == one)
    }

    @Test func missingPagefindFailsBeforeAnythingIsWritten() throws {
        let folder = SearchFixtures.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: SearchFixtures.paths(folder)).run()
        let before = Fixtures.snapshot(folder)
        var runner = BuildRunner(paths: SearchFixtures.paths(folder))
        runner.environment = SearchFixtures.withoutPagefind()
        let failure = try #require(thrownFailure { try runner.run() })
        #expect(failure.diagnostics.contains { $0.hint.contains("search: false") }, "\(failure)")
        #expect(Fixtures.snapshot(folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    @Test func searchOffMakesNoSearchPageNoBundleAndNoLink() throws {
        let folder = SearchFixtures.site(siteYML: Fixtures.siteYML + "\nsearch: false\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runner = BuildRunner(paths: SearchFixtures.paths(folder))
        runner.environment = SearchFixtures.withoutPagefind()  // not needed
        _ = try runner.run()
        let files = Fixtures.snapshot(folder + "/Public")
        #expect(!files.keys.contains { $0.hasPrefix("search/") || $0.hasPrefix("pagefind/") })
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        let overview = String(decoding: try #require(files["alpha/index.html"]), as: UTF8.self)
        #expect(!home.contains("/search/") && !overview.contains("data-pagefind-body"))
    }

    @Test func theSearchPageLinksTheBundleAndOnlyItAllowsWasm() throws {
        let yml = SearchFixtures.siteYML.replacingOccurrences(of: "https://test.example", with: "https://test.example/explainers")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("alpha.md", Fixtures.article())], siteYML: yml))
        let search = try #require(build.text("search/index.html"))
        #expect(search.contains(#"<pagefind-config bundle-path="/explainers/pagefind/" base-url="/explainers/""#), "\(search)")
        #expect(search.contains(#"src="/explainers/pagefind/pagefind-component-ui.js""#) && search.contains("<noscript>"))
        #expect(search.contains("script-src 'self' 'wasm-unsafe-eval';"))
        let overview = try #require(build.text("alpha/index.html"))
        #expect(!overview.contains("wasm-unsafe-eval") && overview.contains("script-src 'self';"))
        // The header's link is a plain link, on every page; the search page is not in the sitemap.
        #expect(overview.contains(#"<a href="/explainers/search/">Search</a>"#))
        #expect(search.contains(#"<a href="/explainers/search/" aria-current="page">Search</a>"#))
        #expect(build.text("sitemap.xml")?.contains("/search/") == false)
        // Indexed: the short pages; not the one-page view.
        #expect(overview.contains("data-pagefind-body") && build.text("alpha/all/index.html")?.contains("data-pagefind-body") == false)
    }

    @Test func anExplainerCannotTakeTheSearchOrBundleFolder() throws {
        for slug in ["search", "pagefind"] {
            let failure = try #require(
                thrownFailure {
                    try SiteBuilder.build(Fixtures.sources(articles: [("\(slug).md", Fixtures.article())], siteYML: SearchFixtures.siteYML))
                })
            let problem = try #require(failure.diagnostics.first { $0.file == "Content/\(slug).md" }, "\(failure)")
            #expect(
                problem.message.contains("/\(slug)/") && problem.message.contains(slug == "search" ? "search page" : "Pagefind"),
                "\(problem)")
        }
    }

    @Test func publishChecksAndDeploysTheBundle() throws {
        let folder = SearchFixtures.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/Deployed"
        let report = try PublishRunner(
            content: folder + "/Content", templates: folder + "/Templates", target: .directory(target)
        ).run()
        #expect(report.build.files.contains { $0.path == "pagefind/pagefind-entry.json" })
        let deployed = SearchFixtures.bundle(in: target)
        #expect(try SearchFixtures.fragments(deployed).count == 10)
    }
}
