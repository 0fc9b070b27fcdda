import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden folder beside the output folder that a new site is written into, file by file as
/// the build makes them (it is an `OutputSink`); `SiteWriter.commit` then swaps it in with one
/// atomic rename, and `discard` removes it, leaving the output folder exactly as it was.
///
/// Nothing touches the disk until the first files arrive (or the commit, for a site of no
/// files), so a build that fails before making any page never writes. Then the output folder is
/// locked (`OutputLock`: a second build of the same output is refused, one of another folder
/// is not), what a killed build left beside the output folder is removed, and the staging
/// folder is made, with an empty `OutputManifest` in it first (the mark that Explainer made
/// it); `finishWriting` replaces that with the list of every file written, so the folder
/// swapped in always names what it holds. The first failure (the lock, a
/// full disk, …) is kept and later files are dropped; the commit reports it. The lock is held
/// until the commit or `discard`, or until the folder is dropped (which discards it), unless
/// it was already held by whoever made this folder (the preview holds it for its whole life).
final class StagingFolder: OutputSink, @unchecked Sendable {
    /// The output folder this will replace.
    let output: String
    /// The staging folder: `<parent>/.<name>.explainer-staging-<pid>`.
    let path: String
    /// Where the old site goes for a moment on a file system without an atomic exchange:
    /// `<parent>/.<name>.explainer-old-<pid>` (removed like a stale staging folder if left).
    let oldPath: String
    let parent: String
    private let name: String
    private let writeFile: SiteWriter.FileWriter
    /// The lock the maker of this folder holds for it (then never released here), if any.
    private let heldLock: OutputLock?

    private let lock = NSLock()
    private var opened = false
    private var closed = false
    private var outputLock: OutputLock?
    private var failure: BuildFailure?
    /// The paths written so far, for the manifest.
    private var written: [String] = []
    /// The staging folder, open once made: files are written relative to it (and to its
    /// folders), so the kernel does not walk the whole path for each of them.
    private var root: Int32 = -1

    init(output: String, writeFile: @escaping SiteWriter.FileWriter, holding heldLock: OutputLock? = nil) {
        self.output = output
        (parent, name) = FolderPath(output).parentAndName
        path = FolderPath(parent).appending(".\(name).explainer-staging-\(getpid())")
        oldPath = FolderPath(parent).appending(".\(name).explainer-old-\(getpid())")
        self.writeFile = writeFile
        self.heldLock = heldLock
    }

    deinit {
        if !closed { close(removing: true) }
    }

    /// It hard-links files the media cache holds (`OutputFile.linkedFrom`).
    var linksFiles: Bool { true }

    /// Writes the safe ones of `files` into the staging folder (opening it first if needed).
    /// They usually share a first folder (an explainer's pages: `slug/…`), opened once here.
    func receive(_ files: [OutputFile]) {
        guard openIfNeeded() else { return }
        var top = TopFolder(root: root, rootPath: path)
        var paths: [String] = []
        paths.reserveCapacity(files.count)
        defer {
            top.close()
            lock.withLock { written += paths }
        }
        for file in files where OutputFile.isSafe(file.path) {
            do throws(FileSystem.Failure) {
                let place = try top.place(for: file.path)
                if let source = file.linkedFrom {
                    // Another file system, or no links: its bytes, written.
                    if linkat(AT_FDCWD, source, place.folder, place.name, 0) != 0 {
                        try writeFile(try FileSystem.read(source), place)
                    }
                } else {
                    try writeFile(file.bytes, place)
                }
                paths.append(file.path)
            } catch {
                fail(error)
                return
            }
        }
    }

    /// The paths of the files written so far, in the order they were.
    var writtenPaths: [String] { lock.withLock { written } }

    /// Throws the first failure so far (the lock, a full disk…), discarding the folder: for work
    /// that reads the folder back before the commit (the search index).
    func checkWritten() throws(BuildFailure) {
        lock.lock()
        defer { lock.unlock() }
        if let failure {
            close(removing: true)
            throw failure
        }
    }

    /// Removes the staging folder and releases the lock: the build failed.
    func discard() {
        lock.lock()
        defer { lock.unlock() }
        close(removing: true)
    }

    /// Called by the commit once every file was received: writes the manifest of every file
    /// written, then leaves the folder complete and still locked; throws (and discards the
    /// folder) if anything failed.
    func finishWriting() throws(BuildFailure) {
        _ = openIfNeeded()
        lock.lock()
        defer { lock.unlock() }
        if failure == nil {
            do throws(FileSystem.Failure) {
                try writeManifest(listing: written)
            } catch {
                failure = Self.writingFailed(error, output: output)
            }
        }
        if let failure {
            close(removing: true)
            throw failure
        }
    }

    /// Writes the manifest of `paths` into the open staging folder.
    private func writeManifest(listing paths: [String]) throws(FileSystem.Failure) {
        let manifest = OutputManifest.file(listing: paths)
        try writeFile(manifest.bytes, FileSystem.Place(folder: root, name: manifest.path, folderPath: path))
    }

    /// Releases the lock without touching the folder (the commit moved it away).
    func release() {
        lock.lock()
        defer { lock.unlock() }
        close(removing: false)
    }

    /// Caller holds `lock` (or is `deinit`).
    private func close(removing: Bool) {
        guard !closed else { return }
        closed = true
        if root >= 0 { TopFolder.close(root) }
        root = -1
        if removing && opened { FileSystem.removeTree(path) }
        if heldLock == nil { outputLock?.release() }
        outputLock = nil
    }

    /// Whether files can be written: opens the folder on first use; false once anything failed.
    private func openIfNeeded() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if closed || failure != nil { return false }
        if opened { return true }
        do throws(BuildFailure) {
            if !FileSystem.isDirectory(parent) {
                throw BuildFailure(
                    Diagnostic(
                        file: output, message: "The folder \(parent) does not exist.",
                        hint: "Create it, or pass another --output."))
            }
            if let heldLock { outputLock = heldLock } else { outputLock = try OutputLock(for: output) }
            Self.removeLeftovers(beside: output)
            // Made here and now, or not at all: whatever is in the way is not ours to write into.
            if mkdir(path, 0o755) != 0 {
                let code = errno
                throw BuildFailure(
                    Diagnostic(
                        file: path, message: "Could not make the staging folder \(path): \(String(cString: strerror(code))).",
                        hint: code == EEXIST
                            ? "Explainer did not make what is there; move it away, then build again." : "Check that \(parent) is writable.")
                )
            }
            opened = true
            do throws(FileSystem.Failure) {
                root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if root < 0 { throw FileSystem.Failure(path: path, operation: "open", code: errno) }
                try writeManifest(listing: [])  // the mark that Explainer made this folder
            } catch {
                failure = Self.writingFailed(error, output: output)
                return false
            }
            return true
        } catch {
            failure = error
            return false
        }
    }

    /// Keeps the first failure; the files still arriving are dropped.
    private func fail(_ error: FileSystem.Failure) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = Self.writingFailed(error, output: output) }
    }

    static func writingFailed(_ error: FileSystem.Failure, output: String) -> BuildFailure {
        BuildFailure(
            Diagnostic(
                file: output, message: "Writing the site failed: \(error.description). \(output) is unchanged.",
                hint: error.code == ENOSPC ? "Free some disk space and build again." : "Check that the folder is writable."))
    }

    /// Staging and old folders left beside `output` by a build that was killed (the caller
    /// holds the lock, so none is live): only folders named exactly as a build names them,
    /// `<prefix><pid>`, that `OutputOwnership.isLeftover` says a build made. Anything else is
    /// left alone.
    static func removeLeftovers(beside output: String) {
        let (parent, name) = FolderPath(output).parentAndName
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            for prefix in [".\(name).explainer-staging-", ".\(name).explainer-old-"] where entry.hasPrefix(prefix) {
                let pid = entry.utf8.dropFirst(prefix.utf8.count)
                guard !pid.isEmpty, pid.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { continue }
                let leftover = FolderPath(parent).appending(entry)
                if OutputOwnership.isLeftover(leftover) { FileSystem.removeTree(leftover) }
            }
        }
    }
}
