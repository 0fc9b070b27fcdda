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

    /// Runs `binary` with `arguments` in the folder `directory`, to its end: its status and
    /// both outputs (read at once, so neither pipe can fill and stall it).
    static func run(_ binary: String, _ arguments: [String], in directory: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard error is read on another thread while this one reads standard output.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorData = Box()
        let group = DispatchGroup()
        let errorHandle = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { errorData.data = errorHandle.readDataToEndOfFile() }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.data, as: UTF8.self))
    }
}
