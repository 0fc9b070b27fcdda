import Foundation
import Testing

@testable import ExplainerKit

/// A build killed at any moment leaves the output folder as it was or as the new build, never
/// a mix; the next build clears what the killed one left beside it.
@Suite("Interrupted builds")
struct InterruptedBuildTests {
    /// The `explainer` binary built next to the test bundle.
    static let binary: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("explainer").path,
            Fixtures.path(".build/debug/explainer"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// - Parameter warm: through a disk build cache that knows the old site, with half of the
    ///   explainers changed: the other half are hard-linked from the output folder being
    ///   replaced, and the record is rewritten after the swap.
    @Test(.enabled(if: binary != nil, "the explainer binary is not built"), arguments: [false, true])
    func killedBuildsLeaveOldOrNewSite(warm: Bool) throws {
        let binary = try #require(Self.binary)
        var articles: [String: String] = [:]
        for i in 0..<150 { articles["a\(i).md"] = Fixtures.article(title: "Old \(i)") }
        let folder = Fixtures.siteOnDisk(articles: articles)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = warm ? folder + "/cache" : nil
        let paths = BuildRunner.Paths(
            content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public", cache: cache)
        _ = try BuildRunner(paths: paths).run()
        let old = Fixtures.snapshot(paths.output)
        var timingPaths = paths
        timingPaths.output = folder + "/Timing"
        if warm { _ = try BuildRunner(paths: timingPaths).run() }  // so that the timed build is warm too
        // Warm: one explainer in two changes (the others' pages are the same files).
        for i in stride(from: 0, to: 150, by: warm ? 2 : 1) {
            Fixtures.write(["Content/a\(i).md": Fixtures.article(title: "New \(i)")], into: folder)
        }
        let new = try Dictionary(uniqueKeysWithValues: BuildRunner(paths: paths).buildInMemory().files.map { ($0.path, $0.bytes) })
        #expect(old != new)

        func start(output: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments =
                ["build", "--content", paths.content, "--templates", paths.templates, "--output", output]
                + (cache.map { ["--cache", $0] } ?? ["--no-cache"])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // How long a whole build takes here, to spread the kills over it.
        let timing = ContinuousClock.now
        let full = try start(output: timingPaths.output)
        full.waitUntilExit()
        let duration = ContinuousClock.now - timing
        print("a whole \(warm ? "warm" : "cold") build takes \(duration), exit status \(full.terminationStatus)")
        #expect(full.terminationStatus == 0)
        try FileManager.default.removeItem(atPath: timingPaths.output)

        var outcomes: [String: Int] = [:]
        let attempts = 16
        for attempt in 1...attempts {
            let process = try start(output: paths.output)
            Thread.sleep(
                forTimeInterval: Double((duration * (attempt * 3) / attempts).components.attoseconds) / 1e18
                    + Double((duration * (attempt * 3) / attempts).components.seconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Fixtures.snapshot(paths.output)
            let state = now == old ? "old" : now == new ? "new" : "mixed"
            outcomes[state, default: 0] += 1
            #expect(state != "mixed", "attempt \(attempt): the output is a mix of two builds")
            if state == "new" { break }
        }
        print("killed builds: \(outcomes)")

        // A later build removes whatever the killed ones left beside the output folder.
        let last = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(paths.output) == new)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"]
                + (warm ? ["cache"] : []))
        if warm {
            // Whatever the kills left in the cache, the next build is right, and then unchanged.
            #expect(try BuildRunner(paths: paths).run().unchanged, "last: \(last.unchanged ? "unchanged" : "built")")
            #expect(Fixtures.snapshot(paths.output) == new)
        }
    }
}
