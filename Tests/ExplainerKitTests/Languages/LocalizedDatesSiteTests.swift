import Foundation
import Testing

@testable import ExplainerKit

/// Part B of the languages issue, through whole builds: each page shows its dates in its own
/// language (an explainer's `language:`, else the site's), the machine-readable forms
/// (`datetime`, the feed, the sitemap) stay ISO, and two builds give the same bytes.
@Suite("Languages: dates on pages")
struct LocalizedDatesSiteTests {
    /// The article's date (2 January 2025) and `updated` (5 July 2025), by language.
    static let expected: [(String, String, String)] = [
        ("en", "2 January 2025", "5 July 2025"),
        ("de", "2. Januar 2025", "5. Juli 2025"),
        ("fr", "2 janvier 2025", "5 juillet 2025"),
        ("es", "2 de enero de 2025", "5 de julio de 2025"),
        ("ar", "2 يناير، 2025", "5 يوليو، 2025"),
    ]

    static func site(language: String) -> SiteSources {
        let yml = Fixtures.siteYML.replacingOccurrences(of: "language: en", with: "language: \(language)")
        let article = Fixtures.article(extraFrontMatter: "updated: 2025-07-05")
        return Fixtures.sources(articles: [("a.md", article)], siteYML: yml)
    }

    @Test("Each of the five languages: the overview, the one-page view and the home card show its dates")
    func everyLanguage() throws {
        for (language, date, updated) in Self.expected {
            let build = try SiteBuilder.build(Self.site(language: language))
            let overview = try #require(build.text("a/index.html"), "\(language)")
            #expect(overview.contains("<time datetime=\"2025-01-02\">\(date)</time>"), "\(language)")
            #expect(overview.contains("<time datetime=\"2025-07-05\">\(updated)</time>"), "\(language)")
            #expect(try #require(build.text("a/all/index.html")).contains(">\(date)</time>"), "\(language)")
            #expect(try #require(build.text("index.html")).contains("<time datetime=\"2025-01-02\">\(date)</time>"), "\(language)")
            if language != "en" { #expect(!overview.contains("January"), "\(language)") }
        }
    }

    @Test("An explainer's `language:` decides its pages' dates on an English site; listings keep the site's")
    func explainerLanguageWins() throws {
        let article = Fixtures.article(extraFrontMatter: "language: fr")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        #expect(try #require(build.text("a/index.html")).contains(">2 janvier 2025</time>"))
        #expect(try #require(build.text("index.html")).contains(">2 January 2025</time>"))
    }

    @Test("The feed and the sitemap stay ISO whatever the language")
    func machineDatesStayISO() throws {
        let build = try SiteBuilder.build(Self.site(language: "de"))
        let feed = try #require(build.text("feed.xml"))
        #expect(feed.contains("2025-07-05T00:00:00Z") || feed.contains("2025-01-02T00:00:00Z"))
        #expect(!feed.contains("Januar") && !feed.contains("Juli"))
    }

    @Test("Two builds of a site in each language give the same bytes")
    func sameBytesTwice() throws {
        for (language, _, _) in Self.expected {
            let first = try SiteBuilder.build(Self.site(language: language)).files.map { ($0.path, $0.bytes) }
            let second = try SiteBuilder.build(Self.site(language: language)).files.map { ($0.path, $0.bytes) }
            #expect(first.map(\.0) == second.map(\.0), "\(language)")
            #expect(first.elementsEqual(second) { $0.0 == $1.0 && $0.1 == $1.1 }, "\(language)")
        }
    }

    @Test(
        "The machine's time zone and locale change nothing: the binary under another TZ and LANG writes the same bytes",
        .enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func machineSettingsChangeNothing() throws {
        let yml = Fixtures.siteYML.replacingOccurrences(of: "language: en", with: "language: de")
        let article = Fixtures.article(extraFrontMatter: "updated: 2025-07-05T23:30:00-05:00")
        let folder = Fixtures.siteOnDisk(articles: ["a.md": article], siteYML: yml)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(InterruptedBuildTests.binary))
        process.arguments = ["build", "--content", paths.content, "--templates", paths.templates, "--output", paths.output]
        process.environment = [
            "TZ": "Pacific/Kiritimati", "LANG": "ar_EG.UTF-8", "LC_ALL": "ar_EG.UTF-8", "NO_COLOR": "1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try BuildRunner(paths: paths, settings: BuildSettings()).buildInMemory()
        let built = Fixtures.snapshot(paths.output)
        for file in expected.files { #expect(built[file.path] == file.bytes, "\(file.path)") }
        let overview = String(decoding: try #require(built["a/index.html"]), as: UTF8.self)
        #expect(overview.contains("<time datetime=\"2025-07-05\">5. Juli 2025</time>"))
    }
}
