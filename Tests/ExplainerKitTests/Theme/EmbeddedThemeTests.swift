import Foundation
import Testing

@testable import ExplainerKit

/// The embedded default theme is the repository's `Templates/`, byte for byte (one source,
/// made at build time by the EmbedTheme plugin), and a site without a templates folder builds
/// exactly as one with the repository's.
@Suite struct EmbeddedThemeTests {
    /// The theme files of a folder on disk (path below it → bytes), by the reader's rule.
    static func themeFiles(in folder: String) -> [String: [UInt8]] {
        Fixtures.snapshot(folder).filter { ThemeFiles.isThemeFile($0.key) }
    }

    @Test func theEmbeddedFilesAreTheRepositorysTemplates() {
        let folder = Self.themeFiles(in: Fixtures.path("Templates"))
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTheme.files.map { ($0.name, $0.bytes) })
        #expect(embedded.keys.sorted() == folder.keys.sorted())
        for (name, bytes) in folder {
            #expect(
                embedded[name] == bytes, "\(name) differs from Templates/\(name): is the build's embedded theme stale? See docs/theme.md.")
        }
        #expect(EmbeddedTheme.files.allSatisfy { $0.origin == .embedded })
        #expect(EmbeddedTheme.files.map(\.name) == EmbeddedTheme.files.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func withoutATemplatesFolderTheBuildIsTheSameBytes() throws {
        let site = try Fixtures.SampleSite()
        defer { site.remove() }
        var paths = site.paths
        _ = try BuildRunner(paths: paths).run()
        let withFolder = Fixtures.snapshot(paths.output)
        try FileManager.default.removeItem(atPath: paths.templates)
        paths.output = site.root + "/Public-embedded"
        _ = try BuildRunner(paths: paths).run()
        let embedded = Fixtures.snapshot(paths.output)
        #expect(!withFolder.isEmpty)
        #expect(embedded.keys.sorted() == withFolder.keys.sorted())
        for (path, bytes) in withFolder { #expect(embedded[path] == bytes, "\(path)") }
    }

    @Test func aProductionBuildWithoutTemplatesIsTheSameBytes() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article(title: "A")])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let settings = BuildSettings(production: true)
        let withFolder = try BuildRunner(
            paths: .init(content: folder + "/Content", templates: folder + "/Templates", cache: nil), settings: settings
        )
        .buildInMemory()
        let embedded = try BuildRunner(
            paths: .init(content: folder + "/Content", templates: folder + "/None", cache: nil), settings: settings
        )
        .buildInMemory()
        #expect(embedded.files == withFolder.files)
        // The fingerprinted stylesheet is the embedded one.
        #expect(
            embedded.files.contains { $0.path.hasPrefix("assets/style.") && $0.path.hasSuffix(".css") && $0.path != "assets/style.css" })
    }

    /// A templates path that is a file is an error; a missing one is the embedded theme.
    @Test func aTemplatesPathThatIsAFileIsAnError() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article(title: "A")])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder + "/File"))
        let failure = thrownFailure {
            try BuildRunner(paths: .init(content: folder + "/Content", templates: folder + "/File", cache: nil)).buildInMemory()
        }
        #expect(failure?.diagnostics.map { $0.file } == [folder + "/File"])
        #expect(failure?.diagnostics.first?.message == "The templates folder is not a folder.")
    }
}
