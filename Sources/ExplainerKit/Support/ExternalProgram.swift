import Foundation

/// Runs another program (git, pagefind…) and captures what it prints.
///
/// Output goes through temporary files rather than pipes, so a command that prints a lot can
/// never block on a full pipe while its input is still being written.
struct ExternalProgram: Sendable {
    /// What a finished run returned.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output without the trailing newline.
        var line: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        var succeeded: Bool { status == 0 }
    }

    /// A path to the program, or a name looked up on `PATH` (through `/usr/bin/env`).
    var executable: String
    /// What the program is called in messages: `git`, `pagefind`.
    var name: String
    /// What to do when it cannot be run: "Install git and make sure it is on PATH."
    var installHint: String
    /// Extra environment variables.
    var environment: [String: String] = [:]
    /// Inherited variables removed unless set in `environment`.
    var removedVariables: [String] = []
    /// Working folder of the process (`nil`: the current one).
    var directory: String?

    /// Runs the program with `arguments`, feeding `input` on standard input. Throws only when
    /// it cannot be started at all.
    func run(_ arguments: [String], input: [UInt8] = []) throws(BuildFailure) -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("explainer-run-\(UUID().uuidString)").path
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
                    file: scratch, message: "Could not prepare to run \(name): \(error.description).",
                    hint: "Check that the temporary folder is writable."))
        }
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        var inherited = ProcessInfo.processInfo.environment
        for variable in removedVariables { inherited[variable] = nil }
        process.environment = inherited.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        do {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
            try process.run()
        } catch {
            throw BuildFailure(
                Diagnostic(file: name, message: "Could not run \(name): \(error.localizedDescription).", hint: installHint))
        }
        process.waitUntilExit()
        let out = (try? FileSystem.read(outPath)) ?? []
        let err = (try? FileSystem.read(errPath)) ?? []
        if process.terminationReason == .exit && process.terminationStatus == 127 && out.isEmpty {
            throw BuildFailure(Diagnostic(file: name, message: "Could not run \(name): it was not found.", hint: installHint))
        }
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
