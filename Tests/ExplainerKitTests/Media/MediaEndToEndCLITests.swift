import Foundation
import Testing

@testable import ExplainerKit

/// `explainer build` on a site with many photos: quiet when its standard error is not a
/// terminal, a progress line when it is (run under `script`, which gives it one).
@Suite("Media end to end: the command line")
struct MediaEndToEndCLITests {
    static let photos = 8

    /// A site whose only explainer shows `photos` photos, each of its own size (so each is
    /// encoded on its own), about 2000 × 1300 like the benchmark's.
    static func site() -> MediaSite {
        let site = MediaSite()
        var body = "Photos.\n"
        for index in 0..<photos {
            body += "\n![Photo \(index)](images/p\(index).jpg)\n"
            site.write(ImageFixtures.image(2000 + index, 1300, .jpeg, noise: 6), to: "gallery/images/p\(index).jpg")
        }
        site.write(MediaFixtures.article(body: body), to: "gallery/index.md")
        return site
    }

    static func arguments(_ site: MediaSite, output: String) -> [String] {
        ["build", "--content", site.content, "--templates", site.root + "/Templates", "--output", output, "--no-cache"]
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func buildPrintsNoProgressWhenStandardErrorIsNotATerminal() throws {
        let binary = try #require(InterruptedBuildTests.binary)
        let site = Self.site()
        defer { site.delete() }
        let clock = ContinuousClock()
        let start = clock.now
        let quiet = try CLIProcess.run(binary, Self.arguments(site, output: site.output))
        let duration = clock.now - start
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("Encoding images"), "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("\r"))
        #expect(FileSystem.listFiles(site.output + "/gallery/images").count == Self.photos * 6)

        // On a terminal, the same build shows its progress, when it lasts long enough to
        // (the line waits a second): the quiet run above was not quiet for want of work.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = ([binary] + Self.arguments(site, output: site.root + "/OnTerminal")).map { "'\($0)'" }.joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        terminal.standardOutput = output
        terminal.standardError = FileHandle.nullDevice
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0, "\(shown)")
        print("the quiet build took \(duration)")
        if duration > .seconds(2) {
            #expect(shown.contains("Encoding images: \(Self.photos)/\(Self.photos)"), "\(shown)")
        }
    }
}
