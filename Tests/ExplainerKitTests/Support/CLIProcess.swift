import Foundation

/// Runs the built `explainer` binary (`InterruptedBuildTests.binary`) to its end.
enum CLIProcess {
    /// The exit status and what it wrote on standard error.
    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The exit status and what it wrote on standard output and standard error, run in
    /// `folder` (the test's current folder when nil).
    static func output(
        _ binary: String, _ arguments: [String], in folder: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard error is read on another thread: either pipe may fill while the other is read.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorBytes = Data()
        DispatchQueue.global().async(group: group) { errorBytes = stderr.fileHandleForReading.readDataToEndOfFile() }
        let outBytes = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outBytes, as: UTF8.self), String(decoding: errorBytes, as: UTF8.self))
    }
}

extension CLIProcess {
    /// What a run printed, and how it ended.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `output(_:_:in:)` in the folder `directory`, as an `Output`.
    static func run(_ binary: String, _ arguments: [String], in directory: String) throws -> Output {
        let (status, stdout, stderr) = try output(binary, arguments, in: directory)
        return Output(status: status, stdout: stdout, stderr: stderr)
    }
}
