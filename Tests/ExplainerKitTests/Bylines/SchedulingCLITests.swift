import Foundation
import Testing

@testable import ExplainerKit

/// `--future` on the command line, which takes today from the clock (UTC): an explainer dated
/// in 2999 is always after it; one dated 2001 always before.
@Suite("Scheduling on the command line")
struct SchedulingCLITests {
    static let articles = [
        "now.md": BylineFixtures.article(title: "Now", date: "2001-01-01"),
        "later.md": BylineFixtures.article(title: "Later", date: "2999-12-31"),
    ]

    static func build(_ flags: [String]) throws -> (status: Int32, stderr: String, files: [String: [UInt8]], folder: String) {
        let folder = Fixtures.siteOnDisk(articles: articles)
        let run = try CLIProcess.run(
            try #require(InterruptedBuildTests.binary),
            ["build", "--content", folder + "/Content", "--templates", folder + "/Templates", "--output", folder + "/Public"]
                + flags)
        return (run.status, run.stderr, Fixtures.snapshot(folder + "/Public"), folder)
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func buildLeavesTheFutureOutUnlessFuture() throws {
        let plain = try Self.build([])
        defer { try? FileManager.default.removeItem(atPath: plain.folder) }
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.files["now/index.html"] != nil && plain.files["later/index.html"] == nil)

        let future = try Self.build(["--future"])
        defer { try? FileManager.default.removeItem(atPath: future.folder) }
        #expect(future.status == 0, "\(future.stderr)")
        let later = String(decoding: future.files["later/index.html"] ?? [], as: UTF8.self)
        #expect(later.contains("Scheduled for 31 December 2999") && later.contains("content=\"noindex\""))
        let sitemap = String(decoding: future.files["sitemap.xml"] ?? [], as: UTF8.self)
        #expect(sitemap.contains("/now/") && !sitemap.contains("/later/"))
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func previewAndBuildDocumentTheFlag() throws {
        let binary = try #require(InterruptedBuildTests.binary)
        for command in ["build", "preview"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [command, "--help"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(help.contains("--future"), "\(command)")
        }
    }
}
