import Foundation

/// Runs the real `git` program (found on `PATH`) and captures what it prints.
///
/// Output goes through temporary files rather than pipes, so a command that prints a lot can
/// never block on a full pipe while its input is still being written.
struct GitCommand: Sendable {
    /// What a finished `git` run returned.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output without the trailing newline.
        var line: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        var succeeded: Bool { status == 0 }
    }

    /// Inherited variables that would point git at another repository or index than the one
    /// named on the command line; they are removed unless set in `environment`.
    static let repositoryVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_PREFIX",
    ]

    /// Extra environment variables (`GIT_INDEX_FILE`, `GIT_AUTHOR_NAME`…).
    var environment: [String: String]
    /// Working folder of the process (`nil`: the current one).
    var directory: String?

    init(environment: [String: String] = [:], directory: String? = nil) {
        self.environment = environment
        self.directory = directory
    }

    /// Runs `git arguments…`, feeding `input` on standard input. Throws only when git
    /// cannot be started at all.
    func run(_ arguments: [String], input: [UInt8] = []) throws(BuildFailure) -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("explainer-git-\(UUID().uuidString)").path
        defer { FileSystem.removeTree(scratch) }
        let inPath = FolderPath(scratch).appending("in")
        let outPath = FolderPath(scratch).appending("out")
        let errPath = FolderPath(scratch).appending("err")
        do {
            try FileSystem.makeDirectory(scratch)
            try FileSystem.write(input, to: inPath)
            try FileSystem.write([], to: outPath)
            try FileSystem.write([], to: errPath)
        } catch {
            throw BuildFailure(
                Diagnostic(
                    file: scratch, message: "Could not prepare to run git: \(error.description).",
                    hint: "Check that the temporary folder is writable."))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var inherited = ProcessInfo.processInfo.environment
        for name in Self.repositoryVariables { inherited[name] = nil }
        process.environment = inherited.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        do {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
            try process.run()
        } catch {
            throw BuildFailure(
                Diagnostic(
                    file: "git", message: "Could not run git: \(error.localizedDescription).",
                    hint: "Install git and make sure it is on PATH."))
        }
        process.waitUntilExit()
        let out = (try? FileSystem.read(outPath)) ?? []
        let err = (try? FileSystem.read(errPath)) ?? []
        if process.terminationReason == .exit && process.terminationStatus == 127 && out.isEmpty {
            throw BuildFailure(
                Diagnostic(
                    file: "git", message: "Could not run git: it was not found.",
                    hint: "Install git and make sure it is on PATH."))
        }
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
