import Foundation
import Testing

@testable import ExplainerKit

/// A file of the templates folder replaces the embedded file of its name, and only that:
/// the pages that use it change by exactly what it adds, everything else stays the same bytes;
/// a broken override is reported at the override's path, an embedded file's problem at
/// `(embedded theme)/…`; the preview's memo sees an override come and go.
@Suite struct ThemeOverlayTests {
    /// A site folder with Content/ and no Templates/.
    static func siteWithoutTemplates() -> (folder: String, paths: BuildRunner.Paths) {
        let folder = Fixtures.temporaryFolder()
        Fixtures.write(
            [
                "Content/site.yml": Fixtures.searchOffUnlessSaid(Fixtures.siteYML), "Content/a.md": Fixtures.article(title: "Alpha"),
                "Content/b.md": Fixtures.article(title: "Beta", date: "2025-02-03"),
            ], into: folder)
        return (folder, BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", cache: nil))
    }

    static let marker = "<!--newsroom-card-->"

    static func embedded(_ name: String) throws -> ThemeFile {
        try #require(EmbeddedTheme.files.first { $0.name == name })
    }

    @Test func theOverlayMarksWhereEachFileComesFrom() throws {
        let card = ThemeFile(name: "partials/card.mustache", bytes: Array("x".utf8), origin: .siteOnly("T/partials/card.mustache"))
        let logo = ThemeFile(name: "assets/logo.svg", bytes: Array("<svg/>".utf8), origin: .siteOnly("T/assets/logo.svg"))
        let theme = ThemeFiles(folder: [card, logo])
        #expect(theme.files.count == EmbeddedTheme.files.count + 1)
        let byName = Dictionary(uniqueKeysWithValues: theme.files.map { ($0.name, $0) })
        #expect(byName["partials/card.mustache"]?.origin == .overriding("T/partials/card.mustache"))
        #expect(byName["partials/card.mustache"]?.bytes == Array("x".utf8))
        #expect(byName["assets/logo.svg"]?.origin == .siteOnly("T/assets/logo.svg"))
        #expect(byName["layout.mustache"]?.origin == .embedded)
        #expect(byName["layout.mustache"]?.path == "(embedded theme)/layout.mustache")
        #expect(theme.templates.contains { $0.path == "T/partials/card.mustache" })
        #expect(theme.templates.contains { $0.path == "(embedded theme)/layout.mustache" })
        #expect(theme.assets.map(\.path).contains("logo.svg"))
        #expect(theme.embeddedAssets == ["style.css", "favicon.svg"])
        #expect(ThemeFiles(folder: []).files == EmbeddedTheme.files)
    }

    @Test func overridingOnePartialChangesOnlyThePagesThatUseIt() throws {
        let (folder, paths) = Self.siteWithoutTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try BuildRunner(paths: paths).buildInMemory()
        let card = String(decoding: try Self.embedded("partials/card.mustache").bytes, as: UTF8.self)
        Fixtures.write(["Templates/partials/card.mustache": Self.marker + card], into: folder)
        let after = try BuildRunner(paths: paths).buildInMemory()

        #expect(after.files.map(\.path) == before.files.map(\.path))
        let old = Dictionary(uniqueKeysWithValues: before.files.map { ($0.path, $0.bytes) })
        var changed: [String] = []
        for file in after.files where file.bytes != old[file.path] {
            changed.append(file.path)
            let text = String(decoding: file.bytes, as: UTF8.self)
            // The only change is the override's addition, wherever the card is shown.
            #expect(text.contains(Self.marker), "\(file.path)")
            #expect(Array(text.replacingOccurrences(of: Self.marker, with: "").utf8) == old[file.path], "\(file.path)")
        }
        // The card is the overview's (its sections); no other page, nor an asset, shows one.
        #expect(changed == ["a/index.html", "b/index.html"])
    }

    @Test func aSiteOnlyAssetIsPublishedBesideTheEmbeddedOnes() throws {
        let (folder, paths) = Self.siteWithoutTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Templates/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"], into: folder)
        let build = try BuildRunner(paths: paths).buildInMemory()
        #expect(build.text("assets/logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        #expect(build.files.first { $0.path == "assets/style.css" }?.bytes == (try Self.embedded("assets/style.css").bytes))
    }

    @Test func aBrokenOverrideIsReportedAtTheOverride() throws {
        let (folder, paths) = Self.siteWithoutTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Templates/partials/card.mustache": "<li>\n{{#title}}never closed\n"], into: folder)
        let syntax = try #require(thrownFailure { try BuildRunner(paths: paths).buildInMemory() })
        let error = try #require(syntax.diagnostics.first { $0.severity == .error })
        #expect(error.file == paths.templates + "/partials/card.mustache", "\(syntax.diagnostics)")

        Fixtures.write(["Templates/partials/card.mustache": "<li>\n{{>partials/no-such-thing}}</li>\n"], into: folder)
        let missing = try #require(thrownFailure { try BuildRunner(paths: paths).buildInMemory() })
        let problem = try #require(missing.diagnostics.first { $0.message.contains("partials/no-such-thing") })
        #expect(problem.file == paths.templates + "/partials/card.mustache")
        #expect(problem.line == 2)
    }

    @Test func anEmbeddedFilesProblemNamesTheEmbeddedTheme() throws {
        var layout = try Self.embedded("layout.mustache")
        layout.bytes = Array("{{#site}}\n{{>partials/gone}}\n{{/site}}\n".utf8)
        let theme = ThemeFiles(embedded: EmbeddedTheme.files.filter { $0.name != "layout.mustache" } + [layout], folder: [])
        let result = try #require(thrownFailure { try TemplateSet.load(theme.templates, folder: "Templates") })
        let problem = try #require(result.diagnostics.first { $0.message.contains("partials/gone") })
        #expect(problem.file == "(embedded theme)/layout.mustache")
        #expect(problem.line == 2)
        // Named by its path below the theme: the other templates still find `layout`.
        let whole = try TemplateSet.load(ThemeFiles(folder: []).templates, folder: "Templates")
        #expect(whole.names.contains("layout") && whole.names.contains("partials/card"))
    }

    /// The embedded theme is part of the memo's environment like the folder's files: the
    /// preview's cache sees an override appear and go.
    @Test func thePreviewsCacheSeesAnOverrideComeAndGo() throws {
        let (folder, paths) = Self.siteWithoutTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = BuildRunner(paths: paths)
        let cache = BuildCache()
        let first = try runner.buildInMemory(cache: cache)
        let card = String(decoding: try Self.embedded("partials/card.mustache").bytes, as: UTF8.self)
        Fixtures.write(["Templates/partials/card.mustache": Self.marker + card], into: folder)
        let overridden = try runner.buildInMemory(
            cache: cache, changed: [paths.templates, paths.templates + "/partials", paths.templates + "/partials/card.mustache"])
        #expect(overridden.text("a/index.html")?.contains(Self.marker) == true)
        try FileManager.default.removeItem(atPath: paths.templates)
        let back = try runner.buildInMemory(cache: cache, changed: [paths.templates])
        #expect(back.files == first.files)
        #expect(back.files == (try runner.buildInMemory()).files)
    }
}
