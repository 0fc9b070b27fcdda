import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// The preview indexes its folder after each rebuild: an edit reaches the index, which stays
/// the bundle a full build makes.
@Suite struct SearchPreviewTests {
    @Test func anEditReachesTheIndexAndItEqualsAFullBuilds() async throws {
        let folder = SearchFixtures.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = SearchFixtures.paths(folder)
        let session = PreviewSession(runner: BuildRunner(paths: paths), liveReload: LiveReload())
        _ = try await session.initialBuild()
        let before = SearchFixtures.bundle(in: paths.output)
        #expect(try SearchFixtures.fragments(before).count == 10)

        let article = paths.content + "/alpha.md"
        let text = Fixtures.article(title: "Alpha").replacingOccurrences(of: "Risk paragraph.", with: "Risk paragraph about zeppelins.")
        try text.write(toFile: article, atomically: true, encoding: .utf8)
        guard case .rebuilt(let rebuild) = await session.rebuild([article]) else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(rebuild.written.contains { $0.hasPrefix("pagefind/fragment/") })
        // Open pages were told before Pagefind ran again: the edit shows without waiting for it.
        #expect(rebuild.event == .reload)
        let shown = try #require(rebuild.shownMilliseconds)
        #expect(shown < rebuild.milliseconds)
        let after = SearchFixtures.bundle(in: paths.output)
        let risks = try SearchFixtures.fragments(after).first { $0["url"] as? String == "/alpha/risks/" }
        #expect((risks?["content"] as? String)?.contains("zeppelins") == true)
        // The old fragment is gone, and the folder's bundle is a full build's.
        #expect(try SearchFixtures.fragments(after).count == 10)
        let full = try BuildRunner(paths: paths).buildInMemory()
        #expect(after == Dictionary(uniqueKeysWithValues: full.files.filter { $0.path.hasPrefix("pagefind/") }.map { ($0.path, $0.bytes) }))
    }
}
