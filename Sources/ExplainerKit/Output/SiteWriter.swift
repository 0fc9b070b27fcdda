import CPlatform
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site into the output folder all at once.
///
/// The new site is written into a hidden staging folder beside the output folder, then
/// swapped in with one atomic `renameat2(RENAME_EXCHANGE)`: a reader, a web server or a build
/// killed at any moment sees the old site or the new one, never a mix. Files the build no
/// longer produces disappear with the old folder. Only the output folder and its staging
/// sibling are ever written; an `OutputLock` keeps two builds of the same folder from racing.
/// Only what a build made is ever replaced or deleted (`OutputOwnership`): the new site
/// carries an `OutputManifest` of its files, and a folder (or `.previous`) holding anything
/// else, or a path that is not a folder, is refused.
package struct SiteWriter: Sendable {
    /// Writes one file; tests replace it to inject faults such as a full disk.
    /// The file is named relative to an open folder of the staging folder (`place.path` is
    /// the whole path).
    package typealias FileWriter = @Sendable (_ bytes: [UInt8], _ place: FileSystem.Place) throws(FileSystem.Failure) -> Void

    let outputPath: String
    let writeFile: FileWriter

    package init(
        outputPath: String,
        writeFile: @escaping FileWriter = { bytes, place throws(FileSystem.Failure) in try FileSystem.write(bytes, to: place) }
    ) {
        self.outputPath = FolderPath(outputPath).path
        self.writeFile = writeFile
    }

    /// Checks that writing to the output folder cannot harm the author's files; with
    /// `ownership`, also that it holds only what a build wrote (`OutputOwnership`, quickly).
    func checkSafe(protecting sources: [String], ownership: Bool = true) -> [Diagnostic] {
        let output = FileSystem.canonical(outputPath)
        var problems: [Diagnostic] = []
        if output == "/" || output == FileSystem.canonical(NSHomeDirectory()) {
            problems.append(
                Diagnostic(
                    file: outputPath, message: "The output folder is \(output), which Explainer would replace.",
                    hint: "Pass a folder of its own, e.g. --output Public."))
        }
        for source in sources {
            let source = FileSystem.canonical(source)
            if FolderPath(source).holds(output) || FolderPath(output).contains(source) {
                problems.append(
                    Diagnostic(
                        file: outputPath,
                        message: "The output folder \(outputPath) overlaps the source folder \(source); building would replace your files.",
                        hint: "Choose an output folder outside Content/ and Templates/, e.g. --output Public."))
            }
        }
        // Quick here (the kind of path, a manifest); the commit walks the folder, under the lock.
        if ownership, problems.isEmpty, let problem = OutputOwnership.problem(at: outputPath, thorough: false) {
            problems.append(problem)
        }
        return problems
    }

    /// A staging folder for a new site, to stream files into as they are made, then `commit`
    /// (or `discard`, if the build failed). Nothing is written before the first file arrives.
    func staging() -> StagingFolder {
        staging(holding: nil)
    }

    /// A staging folder written under `lock`, which the caller holds for the output folder
    /// (nil: the staging folder takes it when the first file arrives).
    func staging(holding lock: OutputLock?) -> StagingFolder {
        StagingFolder(output: outputPath, writeFile: writeFile, holding: lock)
    }

    /// Replaces the output folder with `files`. Throws a diagnostic (and leaves the output
    /// folder exactly as it was) on any failure.
    ///
    /// With `previous`, the site being replaced is kept at that path (a sibling of the output
    /// folder, e.g. `Site.previous`) instead of being deleted, replacing what was there. Failing
    /// to keep it does not fail the write; it is returned as a warning.
    @discardableResult
    func write(_ files: [OutputFile], keepingPreviousAt previous: String? = nil) throws(BuildFailure) -> [Diagnostic] {
        try write(files, keepingPreviousAt: previous, holding: nil)
    }

    /// `write`, under `lock` if the caller holds it (see `staging(holding:)`).
    @discardableResult
    package func write(
        _ files: [OutputFile], keepingPreviousAt previous: String?, holding lock: OutputLock?
    ) throws(BuildFailure) -> [Diagnostic] {
        let staging = staging(holding: lock)
        // Written on all cores, in chunks: a site is tens of thousands of small files.
        let chunkSize = 256
        _ = ParallelMap.map(Array(stride(from: 0, to: files.count, by: chunkSize))) { start in
            staging.receive(Array(files[start..<min(files.count, start + chunkSize)]))
        }
        return try commit(staging, keepingPreviousAt: previous)
    }

    /// Swaps the complete `staging` folder in for the output folder. Throws a diagnostic (and
    /// leaves the output folder exactly as it was, the staging folder removed) if writing any
    /// file into it failed, the output folder (or `previous`) holds anything a build did not
    /// write, or the swap failed. `previous` is as for `write`.
    @discardableResult
    func commit(_ staging: StagingFolder, keepingPreviousAt previous: String? = nil) throws(BuildFailure) -> [Diagnostic] {
        try staging.finishWriting()
        // Holding the lock, just before the swap: the last moment anything could be lost.
        let owned = [outputPath] + (previous.map { [$0] } ?? [])
        let problems = owned.compactMap { OutputOwnership.problem(at: $0, thorough: true) }
        if !problems.isEmpty {
            staging.discard()
            throw BuildFailure(problems)
        }
        let output = outputPath
        let parent = staging.parent
        let staged = staging.path
        if !FileSystem.exists(output) {
            if rename(staged, output) != 0 {
                let code = errno
                staging.discard()
                throw BuildFailure(
                    Diagnostic(
                        file: output, message: "Could not create \(output): \(String(cString: strerror(code))).",
                        hint: "Check that \(parent) is writable."))
            }
            staging.release()
            return []
        }
        defer { staging.release() }
        if explainer_exchange_paths(staged, output) == 0 {
            return retire(staged, to: previous)  // staging now holds the old site
        }
        // No atomic exchange on this file system: two renames, with the old site kept until
        // the new one is in place.
        let old = staging.oldPath
        guard rename(output, old) == 0 else {
            let code = errno
            staging.discard()
            throw BuildFailure(
                Diagnostic(
                    file: output, message: "Could not replace \(output): \(String(cString: strerror(code))).",
                    hint: "Check that \(parent) is writable."))
        }
        guard rename(staged, output) == 0 else {
            let code = errno
            _ = rename(old, output)
            staging.discard()
            throw BuildFailure(
                Diagnostic(
                    file: output, message: "Could not replace \(output): \(String(cString: strerror(code))).",
                    hint: "Check that \(parent) is writable."))
        }
        return retire(old, to: previous)
    }

    /// Deletes the replaced site at `old`, or keeps it at `previous`.
    private func retire(_ old: String, to previous: String?) -> [Diagnostic] {
        guard let previous else {
            FileSystem.removeTree(old)
            return []
        }
        if FileSystem.exists(previous) {
            if explainer_exchange_paths(old, previous) == 0 {
                FileSystem.removeTree(old)  // now holds the older version
                return []
            }
            FileSystem.removeTree(previous)
        }
        if rename(old, previous) == 0 { return [] }
        let code = errno
        FileSystem.removeTree(old)
        return [
            Diagnostic(
                .warning, file: previous,
                message:
                    "The new site is in place, but the one it replaced could not be kept at \(previous): \(String(cString: strerror(code))).",
                hint: "Rollback is not possible for this publish; check that the folder beside \(outputPath) is writable.")
        ]
    }
}
