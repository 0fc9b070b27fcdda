import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brings an existing output folder up to date with a new build by writing only the files
/// whose bytes changed and removing the files the build no longer produces.
///
/// Used by the preview, where rebuilding the whole folder for each keystroke would be
/// wasteful. Each file is replaced atomically (written beside itself, then renamed), so a
/// request served during a rebuild gets the old file or the new one, never half of one.
/// `explainer build` keeps `SiteWriter`'s whole-folder swap.
public struct InPlaceWriter: Sendable {
    /// What one update did, as paths inside the output folder.
    public struct Changes: Sendable, Hashable {
        public var written: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { written.isEmpty && removed.isEmpty }
    }

    public let outputPath: String

    public init(outputPath: String) {
        self.outputPath = outputPath.hasSuffix("/") && outputPath.count > 1 ? String(outputPath.dropLast()) : outputPath
    }

    /// Writes `files` over `current` (what the folder holds now, by path) and returns what
    /// changed; `current` is updated to the new contents.
    public func update(_ current: inout [String: [UInt8]], to files: [OutputFile]) throws(BuildFailure) -> Changes {
        var changes = Changes()
        // One dictionary lookup per file: a rebuild of a large site compares tens of
        // thousands of unchanged files (the same arrays, so `==` is immediate).
        var kept = 0, added = 0
        do {
            for file in files where OutputFile.isSafe(file.path) {
                if let old = current[file.path] {
                    kept += 1
                    if old == file.bytes { continue }
                } else {
                    added += 1
                }
                try write(file)
                current[file.path] = file.bytes
                changes.written.append(file.path)
            }
        } catch {
            throw BuildFailure(Diagnostic(
                file: outputPath, message: "Updating the preview failed: \(error.description).",
                hint: "Check that the folder is writable and the disk is not full."))
        }
        // The folder holds more files than the build: remove the ones it no longer makes
        // (only those are sorted, so the order of removal is deterministic).
        if current.count > kept + added {
            let produced = Set(files.lazy.filter { OutputFile.isSafe($0.path) }.map(\.path))
            for path in current.keys.filter({ !produced.contains($0) }).sorted() {
                unlink(outputPath + "/" + path)
                removeEmptyParents(of: path)
                changes.removed.append(path)
                current[path] = nil
            }
        }
        return changes
    }

    private func write(_ file: OutputFile) throws(FileSystem.Failure) {
        var dir = outputPath
        for segment in file.path.split(separator: "/").dropLast() {
            dir += "/" + segment
            try FileSystem.makeDirectory(dir)
        }
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let temporary = "\(dir)/.\(name).explainer-tmp-\(getpid())"
        try FileSystem.write(file.bytes, to: temporary)
        if rename(temporary, outputPath + "/" + file.path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileSystem.Failure(path: outputPath + "/" + file.path, operation: "replace", code: code)
        }
    }

    private func removeEmptyParents(of path: String) {
        var segments = path.split(separator: "/").dropLast()
        while !segments.isEmpty {
            if rmdir(outputPath + "/" + segments.joined(separator: "/")) != 0 { return }
            segments = segments.dropLast()
        }
    }
}
