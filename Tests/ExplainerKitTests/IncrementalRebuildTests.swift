import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// The preview's rebuilds, which read only the files the watcher names and write only the
/// files that changed, must leave the output folder exactly as a full build would make it.
@Suite struct IncrementalRebuildTests {
    /// A site of a few articles on disk, with a preview session that made its first build.
    struct Site {
        let folder: String
        let paths: BuildRunner.Paths
        let session: PreviewSession

        init(articles: Int = 4) async throws {
            var files: [String: String] = [:]
            for i in 0..<articles { files["a\(i).md"] = Fixtures.article(title: "Article \(i)", date: "2025-01-0\(i + 1)") }
            folder = Fixtures.siteOnDisk(articles: files)
            paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
            session = PreviewSession(runner: BuildRunner(paths: paths), liveReload: LiveReload())
            _ = try await session.initialBuild()
        }

        func content(_ name: String) -> String { paths.content + "/" + name }
        func template(_ name: String) -> String { paths.templates + "/" + name }

        func write(_ text: String, to path: String) {
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }

        /// Rebuilds after `changed` and checks the output folder against a full build.
        @discardableResult
        func rebuild(_ changed: Set<String>) async throws -> PreviewSession.Rebuild {
            let outcome = await session.rebuild(changed)
            guard case .rebuilt(let rebuild) = outcome else {
                Issue.record("expected a rebuild, got \(String(describing: outcome))")
                throw POSIXError(.EIO)
            }
            let full = try BuildRunner(paths: paths).buildInMemory()
            let expected = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.bytes) })
            let onDisk = Fixtures.snapshot(paths.output)
            #expect(onDisk.keys.sorted() == expected.keys.sorted())
            #expect(onDisk == expected)
            return rebuild
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test func editingOneArticleRendersOnlyItAndMatchesAFullBuild() async throws {
        let site = try await Site()
        defer { site.remove() }
        let path = site.content("a1.md")
        site.write(Fixtures.article(title: "Article 1", date: "2025-01-02") + "\nA new paragraph.\n", to: path)
        let rebuild = try await site.rebuild([path])
        #expect(rebuild.statistics.articlesRendered == 1)
        #expect(rebuild.written.contains("a1/all/index.html"))
        #expect(!rebuild.written.contains("a2/all/index.html"))
        #expect(try String(contentsOfFile: site.paths.output + "/a1/all/index.html", encoding: .utf8).contains("A new paragraph."))

        // A title edit reaches the home page, the feed, and of the other articles only the
        // pages that list it as related (every fixture article has the tags One and Two): the
        // overview and the last page.
        site.write(Fixtures.article(title: "Retitled", date: "2025-01-02"), to: path)
        let retitled = try await site.rebuild([path])
        #expect(retitled.written.contains("index.html"))
        #expect(retitled.written.contains("feed.xml"))
        #expect(retitled.written.contains("a2/index.html"))
        #expect(retitled.written.contains("a2/quotes/index.html"))
        #expect(!retitled.written.contains("a2/history/index.html"))
        #expect(!retitled.written.contains("a2/all/index.html"))

        // A date edit moves it in the sitemap's lastmod and the feed's order.
        site.write(Fixtures.article(title: "Retitled", date: "2024-06-30"), to: path)
        let redated = try await site.rebuild([path])
        #expect(redated.written.contains("sitemap.xml"))
    }

    @Test func addingRemovingAndRenamingArticles() async throws {
        let site = try await Site()
        defer { site.remove() }
        // Added.
        let added = site.content("new-one.md")
        site.write(Fixtures.article(title: "A new one", date: "2025-02-01"), to: added)
        let addition = try await site.rebuild([added])
        #expect(addition.written.contains("new-one/index.html"))
        #expect(addition.statistics.articlesRendered == 1)

        // Removed.
        try FileManager.default.removeItem(atPath: site.content("a0.md"))
        let removal = try await site.rebuild([site.content("a0.md")])
        #expect(removal.removed.contains("a0/index.html"))
        #expect(!FileSystem.exists(site.paths.output + "/a0"))

        // Renamed: the watcher reports both names.
        try FileManager.default.moveItem(atPath: site.content("a2.md"), toPath: site.content("renamed.md"))
        let rename = try await site.rebuild([site.content("a2.md"), site.content("renamed.md")])
        #expect(rename.removed.contains("a2/index.html"))
        #expect(rename.written.contains("renamed/index.html"))

        // A folder named like an article is not one; a file in a subfolder is not built, and said so.
        try FileManager.default.createDirectory(atPath: site.content("folder.md"), withIntermediateDirectories: true)
        site.write(Fixtures.article(title: "Nested"), to: site.content("folder.md/inside.md"))
        let outcome = await site.session.rebuild([site.content("folder.md"), site.content("folder.md/inside.md")])
        guard case .failed(_, let failure, _) = outcome else {
            Issue.record("a Markdown file in a subfolder is not reported: \(String(describing: outcome))")
            return
        }
        #expect(failure.diagnostics.map(\.file) == [site.content("folder.md/inside.md")])
        #expect(!FileSystem.exists(site.paths.output + "/folder") && !FileSystem.exists(site.paths.output + "/inside"))
    }

    @Test func templateAndSiteConfigEditsRebuildEverything() async throws {
        let site = try await Site()
        defer { site.remove() }
        let layout = site.template("layout.mustache")
        let text = try String(contentsOfFile: layout, encoding: .utf8)
        site.write(text.replacingOccurrences(of: "</body>", with: "<!-- changed --></body>"), to: layout)
        let templated = try await site.rebuild([layout])
        #expect(templated.statistics.fullBuild)
        #expect(templated.written.contains("a3/index.html"))

        let config = site.content("site.yml")
        site.write(Fixtures.siteYML.replacingOccurrences(of: "Test site", with: "Renamed site"), to: config)
        let configured = try await site.rebuild([config])
        #expect(configured.statistics.fullBuild)
        #expect(configured.written.contains("feed.xml"))
        #expect(try String(contentsOfFile: site.paths.output + "/feed.xml", encoding: .utf8).contains("Renamed site"))
    }

    @Test func aBurstOfChangesAndAnOverflowMatchAFullBuild() async throws {
        let site = try await Site(articles: 6)
        defer { site.remove() }
        // Several edits, an addition and a removal in one batch.
        site.write(Fixtures.article(title: "Edited 1", date: "2025-03-01"), to: site.content("a1.md"))
        site.write(Fixtures.article(title: "Edited 4"), to: site.content("a4.md"))
        site.write(Fixtures.article(title: "Burst new", date: "2023-01-01"), to: site.content("b.md"))
        try FileManager.default.removeItem(atPath: site.content("a5.md"))
        let burst = try await site.rebuild(Set(["a1.md", "a4.md", "b.md", "a5.md"].map(site.content)))
        #expect(burst.statistics.articlesRendered == 3)
        #expect(burst.removed.contains("a5/index.html"))

        // A change the batch does not name (the queue overflowed): `*` looks at everything.
        site.write(Fixtures.article(title: "Unseen edit"), to: site.content("a2.md"))
        site.write(Fixtures.article(title: "Unseen new"), to: site.content("c.md"))
        let overflow = try await site.rebuild(["*"])
        #expect(overflow.statistics.articlesRendered == 2)
        #expect(overflow.written.contains("c/index.html"))

        // A broken article fails the rebuild and writes nothing; fixing it catches up.
        site.write("---\ntitle: [unclosed\n---\nBody\n", to: site.content("a3.md"))
        guard case .failed = await site.session.rebuild([site.content("a3.md")]) else {
            Issue.record("a broken article must fail the rebuild")
            return
        }
        site.write(Fixtures.article(title: "Fixed 3"), to: site.content("a3.md"))
        let fixed = try await site.rebuild([site.content("a3.md")])
        #expect(fixed.written.contains("a3/index.html"))
    }

    @Test func inPlaceWriterKeepsTrackOfTheFolderWhenAWriteFails() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = InPlaceWriter(outputPath: folder)
        var current: [OutputFile] = []
        _ = try writer.update(&current, to: [OutputFile(path: "a.html", text: "A"), OutputFile(path: "c/index.html", text: "C")])
        // `b` cannot be made: a file stands where its folder should be.
        FileManager.default.createFile(atPath: folder + "/b", contents: Data("x".utf8))
        #expect(throws: BuildFailure.self) {
            try writer.update(
                &current,
                to: [
                    OutputFile(path: "a.html", text: "A2"), OutputFile(path: "b/index.html", text: "B"),
                    OutputFile(path: "c/index.html", text: "C2"),
                ])
        }
        #expect(current == [OutputFile(path: "a.html", text: "A2"), OutputFile(path: "c/index.html", text: "C")])
        try FileManager.default.removeItem(atPath: folder + "/b")
        let changes = try writer.update(&current, to: [OutputFile(path: "b/index.html", text: "B")])
        #expect(changes.written == ["b/index.html"])
        #expect(changes.removed == ["a.html", "c/index.html"])
        #expect(Fixtures.snapshot(folder) == ["b/index.html": Array("B".utf8)])
    }
}
