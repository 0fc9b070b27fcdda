import ExplainerKit
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
///
/// The folder's `OutputManifest` is kept true: before the first file the build adds, it is
/// rewritten to list the old files and the new ones (so a preview killed at any moment leaves a
/// folder whose manifest lists at least what it holds), and once the update is done, to list
/// the new files only. It is rewritten only when the set of paths changes, not on every edit.
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

    /// Writes `files` over `current` (what the folder holds now) and returns what changed;
    /// `current` becomes what the folder holds afterwards.
    ///
    /// Both lists are sorted by path (as `SiteBuilder` sorts a build's files), so one walk
    /// through both pairs them up without hashing a path: a rebuild of a large site meets tens
    /// of thousands of unchanged files, most of them the very same arrays as last time, so
    /// comparing them is immediate.
    public func update(_ current: inout [OutputFile], to files: [OutputFile]) throws(BuildFailure) -> Changes {
        var changes = Changes()
        var old = 0
        var new = 0
        var removed: [String] = []
        var grown = false
        do {
            while new < files.count {
                let file = files[new]
                if old < current.count {
                    let held = current[old]
                    if held.path == file.path {
                        if held.bytes != file.bytes { try writeIfSafe(file, into: &changes) }
                        old += 1
                        new += 1
                        continue
                    }
                    if held.path < file.path {
                        removed.append(held.path)
                        old += 1
                        continue
                    }
                }
                if !grown {  // a path the folder does not hold yet
                    try write(OutputManifest.file(listing: current.map(\.path) + files.map(\.path)))
                    grown = true
                }
                try writeIfSafe(file, into: &changes)
                new += 1
            }
        } catch {
            // What the folder holds: the new files walked so far (bar the one that failed)
            // and the old ones not reached.
            var now = Array(files[..<new])
            if old < current.count, current[old].path == files[new].path { now.append(current[old]); old += 1 }
            now += current[old...]
            current = now
            for path in removed { remove(path, into: &changes) }
            throw failure(error)
        }
        removed += current[old...].lazy.map(\.path)
        // The folder held more files than the build: remove the ones it no longer makes.
        for path in removed { remove(path, into: &changes) }
        current = files
        if grown || !removed.isEmpty {
            do throws(FileSystem.Failure) {
                try write(OutputManifest.file(listing: files.map(\.path)))
            } catch {
                throw failure(error)
            }
        }
        return changes
    }

    private func failure(_ error: FileSystem.Failure) -> BuildFailure {
        BuildFailure(
            Diagnostic(
                file: outputPath, message: "Updating the preview failed: \(error.description).",
                hint: "Check that the folder is writable and the disk is not full."))
    }

    /// Writes one file (never outside the folder).
    private func writeIfSafe(_ file: OutputFile, into changes: inout Changes) throws(FileSystem.Failure) {
        guard OutputFile.isSafe(file.path) else { return }
        try write(file)
        changes.written.append(file.path)
    }

    private func remove(_ path: String, into changes: inout Changes) {
        guard OutputFile.isSafe(path) else { return }  // never written
        unlink(outputPath + "/" + path)
        removeEmptyParents(of: path)
        changes.removed.append(path)
    }

    private func write(_ file: OutputFile) throws(FileSystem.Failure) {
        let segments = file.path.split(separator: "/")
        var dir = outputPath
        for segment in segments.dropLast() {
            dir += "/" + segment
            try FileSystem.makeDirectory(dir)
        }
        let name = segments.last.map(String.init) ?? file.path
        let temporary = "\(dir)/.\(name).explainer-tmp-\(getpid())"
        try FileSystem.write(file.bytes, to: temporary)
        if rename(temporary, outputPath + "/" + file.path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileSystem.Failure(path: outputPath + "/" + file.path, operation: "replace", errno: code)
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
