import Foundation
import NIOCore
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// How the preview reports what stops it: a busy port by its errno, bad flags through
/// argument-parser (usage error, exit code 64) before anything is built.
@Suite struct PreviewCommandTests {
    @Test func aBusyPortIsKnownByItsErrnoNotByTheErrorsText() {
        let busy = PreviewServer.failure(IOError(errnoCode: EADDRINUSE, reason: "bind"), host: "127.0.0.1", port: 8123)
        #expect(busy.diagnostics.map(\.message) == ["Port 8123 on 127.0.0.1 is already in use."])
        let foreign = PreviewServer.failure(IOError(errnoCode: EADDRNOTAVAIL, reason: "bind"), host: "10.9.9.9", port: 80)
        #expect(foreign.diagnostics.first?.message.contains("not an address of this machine") == true)
        // Another error whose text merely says so is not taken for a busy port.
        struct Lookalike: Error, CustomStringConvertible { var description = "Address already in use (errno: 98)" }
        let other = PreviewServer.failure(Lookalike(), host: "127.0.0.1", port: 8123)
        #expect(other.diagnostics.first?.message.hasPrefix("The preview server stopped") == true)
        #expect(busy.diagnostics.allSatisfy { !$0.file.hasPrefix("--") })
    }

    @Test(
        .enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"),
        arguments: [
            (["--port", "70000"], "--port must be between 0 and 65535."),
            (["--host", ""], "--host must be"),
            (["--base-url", "https://a b"], "--base-url"),
        ])
    func badFlagsAreUsageErrors(flags: [String], message: String) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, text) = try CLIProcess.run(
            try #require(InterruptedBuildTests.binary), ["preview", "--output", folder + "/Public"] + flags)
        #expect(status == 64, "\(text)")
        #expect(text.contains(message), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Public"))
    }
}
