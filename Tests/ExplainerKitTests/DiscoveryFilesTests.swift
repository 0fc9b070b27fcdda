import Foundation
import Testing

@testable import ExplainerKit

/// sitemap.xml, feed.xml, robots.txt, canonical URLs and the production extras.
@Suite struct DiscoveryFilesTests {
    static let articles = [
        "older": PublishFixtures.article(title: "Older story", date: "2024-01-10", updated: "2025-02-01"),
        "newer": PublishFixtures.article(title: "Newer & <bolder> story", date: "2025-03-05"),
        "secret": PublishFixtures.article(title: "Draft story", date: "2025-06-01", draft: true),
    ]

    @Test func sitemapListsExactlyThePages() throws {
        let build = try PublishFixtures.build(Self.articles, settings: BuildSettings(production: true))
        let sitemap = try #require(build.text("sitemap.xml"))
        let locs = try #require(XMLTextCollector.collect("loc", in: sitemap), "sitemap.xml is not well-formed")
        let pageFiles = build.files.map(\.path).filter { $0.hasSuffix("index.html") }
        let expected = pageFiles.map { "https://test.example.org/" + $0.dropLast("index.html".count) }
        #expect(Set(locs) == Set(expected))
        #expect(locs.count == expected.count)
        #expect(!sitemap.contains("404"))
        #expect(!sitemap.contains("secret"))
        let lastmods = try #require(XMLTextCollector.collect("lastmod", in: sitemap))
        #expect(lastmods.first == "2025-03-05")  // home: the newest article date
        #expect(sitemap.contains("<loc>https://test.example.org/older/</loc><lastmod>2025-02-01</lastmod>"))
    }

    @Test func feedIsWellFormedNewestFirstAndEscaped() throws {
        let build = try PublishFixtures.build(Self.articles)
        let feed = try #require(build.text("feed.xml"))
        let ids = try #require(XMLTextCollector.collect("id", in: feed), "feed.xml is not well-formed")
        #expect(ids == ["https://test.example.org/", "https://test.example.org/newer/", "https://test.example.org/older/"])
        let titles = try #require(XMLTextCollector.collect("title", in: feed))
        #expect(titles.contains("Newer & <bolder> story"))
        let updated = try #require(XMLTextCollector.collect("updated", in: feed))
        #expect(updated.first == "2025-03-05T00:00:00Z")
        #expect(XMLTextCollector.collect("summary", in: feed)?.count == 2)
    }

    @Test func robotsPointsAtTheAbsoluteSitemap() throws {
        let build = try PublishFixtures.build(Self.articles, settings: BuildSettings(baseURL: "https://other.example.net/"))
        let robots = try #require(build.text("robots.txt"))
        #expect(robots.contains("Sitemap: https://other.example.net/sitemap.xml\n"))
    }

    @Test func canonicalURLsAreAbsoluteAndUseTheBaseURLOverride() throws {
        let base = "https://override.example.net"
        let build = try PublishFixtures.build(Self.articles, settings: BuildSettings(baseURL: base + "/", production: true))
        let pages = build.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count == build.pages.count)
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            let tags = HTMLTagScanner.scan(html).tags
            let canonical = try #require(tags.first { $0.name == "link" && $0.attribute("rel") == "canonical" }?.attribute("href"))
            let path = page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path
            #expect(canonical == base + "/" + path, "canonical of \(page.path)")
            let ogURL = tags.first { $0.name == "meta" && $0.attribute("property") == "og:url" }?.attribute("content")
            #expect(ogURL == canonical)
            #expect(
                tags.contains { $0.name == "link" && $0.attribute("type") == "application/atom+xml" && $0.attribute("href") == "/feed.xml" }
            )
            #expect(!html.contains("test.example.org"), "\(page.path) still uses site.yml's baseURL")
            if page.path != "404.html" { #expect(html.contains("\"url\":\"\(base)/\(path)\"")) }
        }
        #expect(!build.text("sitemap.xml")!.contains("test.example.org"))
        #expect(!build.text("feed.xml")!.contains("test.example.org"))
    }

    @Test func productionAddsDeterministicGzipCopies() throws {
        let settings = BuildSettings(production: true)
        let first = try PublishFixtures.build(Self.articles, settings: settings)
        let second = try PublishFixtures.build(Self.articles, settings: settings)
        #expect(first.files == second.files)
        let paths = Set(first.files.map(\.path))
        for file in first.files where Gzip.shouldCompress(file.path) {
            #expect(paths.contains(file.path + ".gz"), "\(file.path) has no .gz copy")
        }
        #expect(!paths.contains("robots.txt.gz"))
        #expect(paths.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css.gz") })
        let gz = try #require(first.files.first { $0.path == "index.html.gz" })
        #expect(Array(gz.bytes.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 0xFF])  // no name, no time
        let plain = try PublishFixtures.build(Self.articles)
        #expect(!plain.files.contains { $0.path.hasSuffix(".gz") })
        #expect(plain.files.contains { $0.path == "sitemap.xml" })
    }

    @Test func gzipRoundTripsThroughTheSystemGzip() throws {
        let input = Array(String(repeating: "Explainer <p>gzip</p> ", count: 500).utf8)
        let compressed = try #require(Gzip.compress(input))
        #expect(compressed.count < input.count)
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(compressed).write(to: URL(fileURLWithPath: folder + "/a.gz"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-d", folder + "/a.gz"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try FileSystem.read(folder + "/a") == input)
    }
}
