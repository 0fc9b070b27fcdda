import Foundation
import Testing

@testable import ExplainerKit

@Suite("End to end")
struct EndToEndTests {
    @Test func fixtureSiteHasEveryPageLinkedInReadingOrder() throws {
        let build = try SiteBuilder.build(
            Fixtures.sources(articles: [
                ("a.md", Fixtures.article()),
                ("b.md", Fixtures.article(title: "Newer", date: "2025-03-01")),
            ]))
        let paths = Set(build.files.map(\.path))
        for page in [
            "index.html", "404.html", "assets/style.css", "a/index.html", "a/history/index.html",
            "a/risks/index.html", "a/unnamed-section/index.html", "a/quotes/index.html", "a/all/index.html",
        ] {
            #expect(paths.contains(page), "missing \(page)")
        }
        let order = ["/a/", "/a/history/", "/a/risks/", "/a/unnamed-section/", "/a/quotes/"]
        for (index, url) in order.enumerated() {
            let html = try #require(build.text(String(url.dropFirst()) + "index.html"))
            for other in order {
                let current = other == url ? " aria-current=\"page\"" : ""
                #expect(html.contains("<a href=\"\(other)\"\(current)>"), "\(url) → \(other)")
            }
            #expect(html.components(separatedBy: "aria-current=\"page\"").count == 2)
            if index > 0 { #expect(html.contains("rel=\"prev\" href=\"\(order[index - 1])\"")) }
            if index + 1 < order.count { #expect(html.contains("rel=\"next\" href=\"\(order[index + 1])\"")) }
        }
        // Home lists explainers newest first.
        let home = try #require(build.text("index.html"))
        let newer = try #require(home.range(of: "href=\"/b/\""))
        let older = try #require(home.range(of: "href=\"/a/\""))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test func quotesPageLinksBackToEachQuote() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Fixtures.article())]))
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<bdi class=\"speaker\">Ada Lovelace</bdi><span class=\"context\">mathematician</span>"))
        #expect(quotes.contains("<a href=\"/a/#quote-1\">Read it in context: Overview</a>"))
        #expect(quotes.contains("<a href=\"/a/risks/#quote-2\">Read it in context: What could go wrong</a>"))
        #expect(try #require(build.text("a/index.html")).contains("id=\"quote-1\""))
        #expect(try #require(build.text("a/risks/index.html")).contains("id=\"quote-2\""))
    }

    @Test func sectionPagesHaveTOCAndTimelineOnHistory() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Fixtures.article())]))
        let history = try #require(build.text("a/history/index.html"))
        #expect(history.contains("<a href=\"#early-days\">Early days</a>"))
        #expect(history.contains("<h3 id=\"early-days\">Early days</h3>"))
        #expect(history.contains("<svg class=\"timeline-graphic\""))
        #expect(history.contains("<li><strong>1990</strong>: Something began</li>"))
        let overview = try #require(build.text("a/index.html"))
        #expect(overview.contains("href=\"/a/history/#timeline\""))
        #expect(overview.contains("<li>First point</li>"))
        #expect(overview.contains("href=\"https://example.com/source\""))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let sources = Fixtures.sources(articles: [("a.md", Fixtures.article(extraFrontMatter: "draft: true"))])
        let without = try SiteBuilder.build(sources)
        #expect(without.articles.isEmpty)
        #expect(!without.files.contains { $0.path.hasPrefix("a/") })
        let with = try SiteBuilder.build(sources, settings: BuildSettings(includeDrafts: true))
        #expect(with.articles.count == 1)
    }

    @Test func unknownSectionHeadingAndDuplicateSlugsAreReportedTogether() throws {
        let bad = Fixtures.article().replacingOccurrences(of: "history: \"The past\"", with: "history: \"The pasta\"")
        let failure = try #require(
            thrownFailure {
                try SiteBuilder.build(
                    Fixtures.sources(articles: [
                        ("a.md", bad), ("b.md", Fixtures.article(extraFrontMatter: "slug: c")), ("c.md", Fixtures.article()),
                    ]))
            })
        let heading = try #require(failure.diagnostics.first { $0.message.contains("The pasta") })
        #expect(heading.file == "Content/a.md" && heading.line == 7 && heading.column == 3)
        #expect(heading.hint.contains("\"The past\""))
        #expect(failure.diagnostics.contains { $0.file == "Content/c.md" && $0.message.contains("already used by Content/b.md") })
    }

    @Test func buildIsByteIdenticalAndAtomicOnDisk() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article()])
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        let first = Fixtures.snapshot(folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(folder + "/Public") == first)
        #expect(first["a/history/index.html"] != nil)
        // Nothing but Public/ (no staging folder) is left beside the sources.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    @Test func filesNoLongerProducedAreRemoved() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article(), "b.md": Fixtures.article()])
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        #expect(FileSystem.exists(folder + "/Public/b/index.html"))
        try FileManager.default.removeItem(atPath: folder + "/Content/b.md")
        _ = try BuildRunner(paths: paths).run()
        #expect(!FileSystem.exists(folder + "/Public/b"))
        #expect(FileSystem.exists(folder + "/Public/a/index.html"))
    }

    @Test func failedBuildLeavesOutputUntouched() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article()])
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        let before = Fixtures.snapshot(folder + "/Public")
        Fixtures.write(["Content/a.md": "---\ntitle: [\n---\n", "Content/b.md": "no front matter"], into: folder)
        let failure = try #require(thrownFailure { try BuildRunner(paths: paths).run() })
        #expect(Set(failure.diagnostics.map(\.file)) == [folder + "/Content/a.md", folder + "/Content/b.md"])
        #expect(Fixtures.snapshot(folder + "/Public") == before)
    }

    @Test func outputInsideContentIsRefused() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article()])
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Content/out")
        let failure = try #require(thrownFailure { try BuildRunner(paths: paths).run() })
        #expect(failure.diagnostics.first?.message.contains("overlaps") == true)
        #expect(!FileSystem.exists(folder + "/Content/out"))
        let parent = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder)
        #expect(thrownFailure { try BuildRunner(paths: parent).run() } != nil)
        #expect(FileSystem.exists(folder + "/Content/a.md"))
    }
}

@Suite("Parallelism")
struct ParallelismTests {
    /// Articles are loaded, rendered and templated on all cores; the files must be the same
    /// bytes, in the same order, as a build that does everything on one thread.
    @Test func parallelBuildEqualsSerialBuild() throws {
        var articles: [(String, String)] = []
        for i in 0..<40 { articles.append(("a\(i).md", Fixtures.article(title: "Article \(i)", date: "2024-02-\(10 + i % 18)"))) }
        let sources = Fixtures.sources(articles: articles)
        let parallel = try SiteBuilder.build(sources).files
        let serial = try ParallelMap.$serial.withValue(true) { try SiteBuilder.build(sources).files }
        #expect(parallel.count == serial.count)
        #expect(parallel == serial)
        let production = BuildSettings(production: true)
        let parallelProduction = try SiteBuilder.build(sources, settings: production).files
        let serialProduction = try ParallelMap.$serial.withValue(true) { try SiteBuilder.build(sources, settings: production).files }
        #expect(parallelProduction == serialProduction)
    }
}
