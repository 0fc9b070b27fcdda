import ExplainerPreview
import Foundation
import Testing

@testable import ExplainerKit

/// The edges that meet a missing templates folder: `checkSafe`, publish, and the preview's
/// watcher, which notices the folder when it is made later.
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
}
