import Foundation

@testable import ExplainerKit

/// Small in-memory sites and paths to the repository's own folders, for tests.
enum Fixtures {
    /// The package root (where Package.swift is).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package root not found above \(#filePath)")
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOfFile: path("Tests/ExplainerKitTests/Fixtures/\(name)"), encoding: .utf8)
    }

    /// The repository's real templates and assets.
    static func repoTemplates() -> (templates: [SourceFile], assets: [SourceFile]) {
        let sources = try! SiteSourceReader.read(content: path("Content"), templates: path("Templates"))
        return (sources.templates, sources.assets)
    }

    /// An article of the sample without its images (`image:` and its keys, `![…](…)` lines):
    /// as a single file, it has no bundle for them to be in.
    static func withoutImages(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("image") && !$0.hasPrefix("![") }
            .joined(separator: "\n")
    }

    static let siteYML = """
        title: Test site
        baseURL: https://test.example
        language: en
        author: Test desk
        description: A site for tests.
        """

    /// `yml` with search off unless it says `search:`: the tests of other stages see the pages
    /// as they were and need no Pagefind (`SearchFixtures.siteYML` says `search: true`). Added
    /// at the end, so the tests' line numbers stay.
    static func searchOffUnlessSaid(_ yml: String) -> String {
        yml.contains("search:") ? yml : yml + "\nsearch: false\n"
    }

    /// A small article with a lede, three sections (two named in `sections:`) and two quotes.
    static func article(title: String = "Test explainer", date: String = "2025-01-02", extraFrontMatter: String = "") -> String {
        """
        ---
        title: "\(title)"
        summary: "A short summary."
        date: \(date)
        tags: [One, Two]
        sections:
          history: "The past"
          risks: "What could go wrong"
        keyPoints: ["First point", "Second point"]
        timeline:
          - { date: "1990", event: "Something began" }
          - { date: "2020", event: "Something changed" }
        \(extraFrontMatter)
        ---
        The lede paragraph. It has [a source](https://example.com/source).

        > "A quote in the lede."
        >
        > — Ada Lovelace, mathematician

        ## The past

        History paragraph one.

        ### Early days

        Early text.

        ### Later days

        Later text.

        ## What could go wrong

        Risk paragraph.

        > "A risky quote."
        >
        > -- Grace Hopper, in 1985

        ## Unnamed section

        Unnamed text.
        """
    }

    static func sources(articles: [(String, String)], siteYML: String = siteYML) -> SiteSources {
        let (templates, assets) = repoTemplates()
        return SiteSources(
            config: SourceFile(path: "Content/site.yml", text: searchOffUnlessSaid(siteYML)),
            articles: articles.map { SourceFile(path: "Content/\($0.0)", text: $0.1) },
            templates: templates, assets: assets,
            templatesFolder: path("Templates"))
    }

    static func temporaryFolder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("explainer-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `files` (path → text) below `folder`.
    static func write(_ files: [String: String], into folder: String) {
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
    }

    /// A site folder on disk: Content/ with site.yml and the articles, Templates/ copied from the repo.
    static func siteOnDisk(articles: [String: String], siteYML: String = siteYML) -> String {
        let folder = temporaryFolder()
        var files = ["Content/site.yml": searchOffUnlessSaid(siteYML)]
        for (name, text) in articles { files["Content/\(name)"] = text }
        write(files, into: folder)
        try! FileManager.default.copyItem(atPath: path("Templates"), toPath: folder + "/Templates")
        return folder
    }

    /// Every file below `folder` (relative path → bytes).
    static func snapshot(_ folder: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for path in FileSystem.listFiles(folder) {
            out[path] = (try? FileSystem.read(folder + "/" + path)) ?? []
        }
        return out
    }
}

extension SiteBuild {
    func text(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

extension Fixtures {
    /// A temporary copy of the repository's sample site (`Content/` and `Templates/`), for
    /// tests that build, edit and serve real folders.
    struct SampleSite {
        let root: String

        init() throws {
            root = NSTemporaryDirectory() + "explainer-test-" + UUID().uuidString
            let fm = FileManager.default
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
            try fm.copyItem(atPath: Fixtures.path("Content"), toPath: root + "/Content")
            try fm.copyItem(atPath: Fixtures.path("Templates"), toPath: root + "/Templates")
        }

        var paths: BuildRunner.Paths {
            BuildRunner.Paths(
                content: root + "/Content", templates: root + "/Templates", output: root + "/Public", cache: root + "/.explainer-cache")
        }

        var article: String { root + "/Content/russia-taliban/index.md" }

        func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

        func write(_ text: String, to path: String) throws {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }
}
