import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// The edges that meet a missing templates folder: `checkSafe`, publish, and the preview
/// (its watcher notices the folder when it is made later, or removed).
@Suite struct ThemeEdgeTests {
    @Test func checkSafeAcceptsAMissingTemplatesFolderAndStillProtectsIt() {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Content/site.yml": Fixtures.siteYML], into: folder)
        let fine = BuildRunner(paths: .init(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public"))
        #expect(fine.checkSafe().isEmpty)
        // A build into where the templates would be would make its pages the theme.
        let overlapping = BuildRunner(
            paths: .init(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Templates"))
        #expect(overlapping.checkSafe().contains { $0.message.contains("overlaps the source folder") })
    }

    @Test func publishWithoutTemplatesDeploysTheEmbeddedTheme() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Content/site.yml": Fixtures.siteYML, "Content/a.md": Fixtures.article(title: "Alpha")], into: folder)
        let report = try PublishRunner(
            content: folder + "/Content", templates: folder + "/Templates", target: .directory(folder + "/Site")
        ).run()
        #expect(report.build.files.contains { $0.path.hasPrefix("assets/style.") })
        #expect(FileManager.default.fileExists(atPath: folder + "/Site/index.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/Site/a/index.html"))
    }

    @Test func theWatcherNoticesATemplatesFolderMadeLater() async throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Content/site.yml": Fixtures.siteYML], into: folder)
        let templates = folder + "/Templates"
        let watcher = try Watcher(roots: [folder + "/Content"], awaiting: [templates], debounce: .milliseconds(20))
        defer { watcher.stop() }
        var batches = watcher.changes.makeAsyncIterator()

        try FileManager.default.createDirectory(atPath: templates + "/partials", withIntermediateDirectories: true)
        var seen: Set<String> = []
        while !seen.contains(templates) {
            seen.formUnion(try #require(await batches.next()))
        }
        // Watched from then on, with its subfolders.
        Fixtures.write(["Templates/partials/card.mustache": "<li>{{title}}</li>"], into: folder)
        while !seen.contains(templates + "/partials/card.mustache") {
            seen.formUnion(try #require(await batches.next()))
        }
        // Removed, and made again.
        try FileManager.default.removeItem(atPath: templates)
        seen = []
        while !seen.contains(templates) { seen.formUnion(try #require(await batches.next())) }
        Fixtures.write(["Templates/layout.mustache": "x"], into: folder)
        seen = []
        while !seen.contains(templates + "/layout.mustache") { seen.formUnion(try #require(await batches.next())) }
        // Nothing else in the parent folder is reported.
        Fixtures.write(["other.txt": "x"], into: folder)
        Fixtures.write(["Content/a.md": "x"], into: folder)
        seen = []
        while !seen.contains(folder + "/Content/a.md") { seen.formUnion(try #require(await batches.next())) }
        #expect(!seen.contains(folder + "/other.txt"))
    }

    @Test func thePreviewBuildsWithoutTemplatesAndPicksUpAFolderMadeLater() async throws {
        let preview = try await PreviewHarness(prepare: { try FileManager.default.removeItem(atPath: $0.paths.templates) })
        let page = try await preview.get("/russia-taliban/")
        #expect(page.status == 200)
        #expect(!page.body.contains(ThemeOverlayTests.marker))
        let events = try await preview.events()

        let card = String(decoding: try ThemeOverlayTests.embedded("partials/card.mustache").bytes, as: UTF8.self)
        Fixtures.write(["Templates/partials/card.mustache": ThemeOverlayTests.marker + card], into: preview.fixture.root)
        #expect(await events.next(until: { $0.contains("event: reload") }).contains("event: reload"))
        #expect(try await preview.get("/russia-taliban/").body.contains(ThemeOverlayTests.marker))
        events.drain()

        try FileManager.default.removeItem(atPath: preview.fixture.paths.templates)
        #expect(await events.next(until: { $0.contains("event: reload") }).contains("event: reload"))
        #expect(try await !preview.get("/russia-taliban/").body.contains(ThemeOverlayTests.marker))
        await preview.stop()
    }
}
