import Foundation
import Testing

/// The summary line `explainer publish --to s3://…` prints last, parsed (the CLI contract):
/// `Published to s3://B/P: 12 uploaded, 3 header changes, 2 deleted, 59000 unchanged, 31 writes, 1.84 s.`
/// `Dry run for s3://B/P, nothing changed: 12 to upload, 3 header changes, 2 to delete, 59000 unchanged.`
struct PublishSummary: Equatable {
    var target: String
    var dryRun: Bool
    var uploaded: Int
    var headerChanges: Int
    var deleted: Int
    var unchanged: Int
    /// PUT/COPY/DELETE requests (nil in a dry run).
    var writes: Int?
    var seconds: Double?

    /// The summary in `line`, or nil when it is not one.
    init?(line: String) {
        let text = line.trimmingCharacters(in: .whitespaces)
        let real =
            /^Published to (s3:\/\/\S+): (\d+) uploaded, (\d+) header changes?, (\d+) deleted, (\d+) unchanged, (\d+) writes?, (\d+(?:\.\d+)?) s\.$/
        let dry = /^Dry run for (s3:\/\/\S+), nothing changed: (\d+) to upload, (\d+) header changes?, (\d+) to delete, (\d+) unchanged\.$/
        if let m = text.wholeMatch(of: real), let u = Int(m.2), let h = Int(m.3), let d = Int(m.4), let n = Int(m.5) {
            self.init(target: String(m.1), dryRun: false, uploaded: u, headerChanges: h, deleted: d, unchanged: n)
            writes = Int(m.6)
            seconds = Double(m.7)
        } else if let m = text.wholeMatch(of: dry), let u = Int(m.2), let h = Int(m.3), let d = Int(m.4), let n = Int(m.5) {
            self.init(target: String(m.1), dryRun: true, uploaded: u, headerChanges: h, deleted: d, unchanged: n)
        } else {
            return nil
        }
    }

    init(target: String, dryRun: Bool, uploaded: Int, headerChanges: Int, deleted: Int, unchanged: Int) {
        self.target = target
        self.dryRun = dryRun
        self.uploaded = uploaded
        self.headerChanges = headerChanges
        self.deleted = deleted
        self.unchanged = unchanged
    }
}

/// One run of the CLI: how it ended and what it printed.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The summary, from the last line of standard output.
    var summary: PublishSummary? {
        stdout.split(whereSeparator: \.isNewline).last.flatMap { PublishSummary(line: String($0)) }
    }

    /// Everything printed, for failure messages.
    var log: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs `explainer publish` (and a few other commands) in a site's folder, with the test
/// server's credentials and nothing of the user's AWS set-up (`HOME` is a temp folder).
struct PublishCLI {
    var server: S3TestServer
    var site: TestSite

    /// The environment of a run: the test keys, no profile, no endpoint variables.
    func environment(secret: String? = nil) -> [String: String] {
        var env = S3TestServer.environment
        for name in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SHARED_CREDENTIALS_FILE"] {
            env[name] = nil
        }
        env["AWS_ACCESS_KEY_ID"] = server.accessKey
        env["AWS_SECRET_ACCESS_KEY"] = secret ?? server.secretKey
        env["AWS_REGION"] = "us-east-1"
        env["HOME"] = site.folder + "/home"
        return env
    }

    /// `explainer publish --to TARGET --endpoint E ARGS…` to its end (at most `timeout` seconds, then killed).
    func publish(
        _ target: String, _ arguments: [String] = [], endpoint: String? = nil, secret: String? = nil, timeout: Double = 300
    ) throws -> CLIRun {
        try run(["publish", "--to", target, "--endpoint", endpoint ?? server.endpoint] + arguments, secret: secret, timeout: timeout)
    }

    /// `explainer ARGS…` in the site's folder, to its end (killed after `timeout` seconds).
    func run(_ arguments: [String], secret: String? = nil, timeout: Double = 300) throws -> CLIRun {
        let process = try start(arguments, secret: secret)
        return try process.finish(timeout: timeout)
    }

    /// Starts `explainer ARGS…` in the background.
    func start(_ arguments: [String], secret: String? = nil) throws -> BackgroundProcess {
        try BackgroundProcess(server.binary, arguments, in: site.folder, environment: environment(secret: secret))
    }
}

/// A child process whose output goes to files (so it never blocks on a pipe), that can be
/// killed at any moment and waited for with a bound.
final class BackgroundProcess {
    let process = Process()
    private let outPath: String
    private let errPath: String

    init(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)").path
        outPath = base + ".out"
        errPath = base + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
    }

    var isRunning: Bool { process.isRunning }
    var pid: Int32 { process.processIdentifier }

    func kill(_ signal: Int32 = SIGKILL) {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, signal) }
    }

    /// Waits (at most `timeout` seconds, then SIGKILL and a failed expectation) and returns the run.
    func finish(timeout: Double) throws -> CLIRun {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            Issue.record("\(process.arguments ?? []) still running after \(timeout) s: killed")
            kill()
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return CLIRun(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    deinit { kill() }
}
