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

    @Test(.enabled(if: binary != nil, "the explainer binary is not built"))
    func killedBuildsLeaveOldOrNewSite() throws {
        let binary = try #require(Self.binary)
        var articles: [String: String] = [:]
        for i in 0..<150 { articles["a\(i).md"] = Fixtures.article(title: "Old \(i)") }
        let folder = Fixtures.siteOnDisk(articles: articles)
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        let old = Fixtures.snapshot(paths.output)
        for i in 0..<150 { Fixtures.write(["Content/a\(i).md": Fixtures.article(title: "New \(i)")], into: folder) }
        let new = try Dictionary(uniqueKeysWithValues: BuildRunner(paths: paths).buildInMemory().files.map { ($0.path, $0.bytes) })
        #expect(old != new)

        func start(output: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["build", "--content", paths.content, "--templates", paths.templates, "--output", output]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // How long a whole build takes here, to spread the kills over it.
        let timing = ContinuousClock.now
        let full = try start(output: folder + "/Timing")
        full.waitUntilExit()
        let duration = ContinuousClock.now - timing
        print("a whole build takes \(duration), exit status \(full.terminationStatus)")
        try FileManager.default.removeItem(atPath: folder + "/Timing")

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
        _ = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(paths.output) == new)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }
}
