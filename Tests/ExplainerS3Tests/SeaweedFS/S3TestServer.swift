import Foundation
import Testing

/// The S3 server the end-to-end tests publish to: the one `Scripts/seaweedfs.sh` started and
/// described in the environment (`EXPLAINER_S3_ENDPOINT`, the test keys, `WEED_BIN`). Without
/// it the tests are skipped, unless `EXPLAINER_REQUIRE_S3=1` (what `make test` sets), where
/// they fail saying how to start one.
struct S3TestServer: Sendable {
    var endpoint: String
    var accessKey: String
    var secretKey: String
    /// `EXPLAINER_BIN`, else the `explainer` binary built next to the test bundle.
    var binary: String
    /// `Scripts/seaweedfs.sh`, for the tests that start (and kill) a server of their own.
    var script: String

    static let environment = ProcessInfo.processInfo.environment

    /// Whether the S3 tests run at all: a server is described, or one is required.
    static let shouldRun: Bool = nonEmpty("EXPLAINER_S3_ENDPOINT") != nil || environment["EXPLAINER_REQUIRE_S3"] == "1"

    /// The package root (where Package.swift is), found from this file.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The server from the environment; throws (failing the test) when something is missing.
    static func current() throws -> S3TestServer {
        let hint = "run the tests under Scripts/seaweedfs.sh (make test does), e.g. Scripts/seaweedfs.sh swift test --filter SeaweedFS"
        let endpoint = try #require(
            nonEmpty("EXPLAINER_S3_ENDPOINT"), "EXPLAINER_REQUIRE_S3=1 but EXPLAINER_S3_ENDPOINT is not set: \(hint)")
        let accessKey = try #require(nonEmpty("AWS_ACCESS_KEY_ID"), "AWS_ACCESS_KEY_ID is not set: \(hint)")
        let secretKey = try #require(nonEmpty("AWS_SECRET_ACCESS_KEY"), "AWS_SECRET_ACCESS_KEY is not set: \(hint)")
        let candidates =
            [nonEmpty("EXPLAINER_BIN")].compactMap { $0 } + [
                URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("explainer").path,
                packageRoot + "/.build/debug/explainer",
            ]
        let binary = try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "the explainer binary is not built (swift build)")
        let script = nonEmpty("SEAWEEDFS_SCRIPT") ?? packageRoot + "/Scripts/seaweedfs.sh"
        return S3TestServer(endpoint: endpoint, accessKey: accessKey, secretKey: secretKey, binary: binary, script: script)
    }

    private static func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A signed client of this server (curl with SigV4).
    var curl: SignedCurl { SignedCurl(endpoint: endpoint, accessKey: accessKey, secretKey: secretKey) }

    /// A new, empty bucket with a name no other test uses.
    func makeBucket(_ label: String) throws -> String {
        let suffix = UUID().uuidString.lowercased().prefix(8)
        let name = "t-\(label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(40))-\(suffix)"
        let answer = try curl.request("PUT", "/\(name)")
        try #require(answer.status == 200, "creating bucket \(name) answered \(answer.status): \(answer.text)")
        return name
    }
}

/// The trait of every test that needs the server.
extension Trait where Self == ConditionTrait {
    static var needsS3: Self {
        .enabled(if: S3TestServer.shouldRun, "no S3 server (EXPLAINER_S3_ENDPOINT unset): run under Scripts/seaweedfs.sh")
    }
}
