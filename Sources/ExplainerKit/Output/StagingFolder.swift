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
/// folder is made. The first failure (the lock, a
/// full disk, …) is kept and later files are dropped; the commit reports it. The lock is held
/// until the commit or `discard`, or until the folder is dropped (which discards it).
public final class StagingFolder: OutputSink, @unchecked Sendable {
    /// The output folder this will replace.
    public let output: String
    /// The staging folder: `<parent>/.<name>.explainer-staging-<pid>`.
    public let path: String
    /// Where the old site goes for a moment on a file system without an atomic exchange:
    /// `<parent>/.<name>.explainer-old-<pid>` (removed like a stale staging folder if left).
    let oldPath: String
    let parent: String
    private let name: String
    private let writeFile: SiteWriter.FileWriter

    private let lock = NSLock()
    private var opened = false
    private var closed = false
    private var outputLock: OutputLock?
    private var failure: BuildFailure?
    /// The staging folder, open once made: files are written relative to it (and to its
    /// folders), so the kernel does not walk the whole path for each of them.
    private var root: Int32 = -1

    init(output: String, writeFile: @escaping SiteWriter.FileWriter) {
        self.output = output
        (parent, name) = SiteWriter.split(output)
        path = "\(parent)/.\(name).explainer-staging-\(getpid())"
        oldPath = "\(parent)/.\(name).explainer-old-\(getpid())"
        self.writeFile = writeFile
    }

    deinit {
        if !closed { close(removing: true) }
    }

    /// Writes the safe ones of `files` into the staging folder (opening it first if needed).
    /// They usually share a first folder (an explainer's pages: `slug/…`), opened once here.
    public func receive(_ files: [OutputFile]) {
        guard openIfNeeded() else { return }
        var top = TopFolder(root: root, rootPath: path)
        defer { top.close() }
        for file in files where OutputFile.isSafe(file.path) {
            do throws(FileSystem.Failure) {
                try writeFile(file.bytes, try top.place(for: file.path))
            } catch {
                fail(error)
                return
            }
        }
    }

    /// Removes the staging folder and releases the lock: the build failed.
    public func discard() {
        lock.lock()
        defer { lock.unlock() }
        close(removing: true)
    }

    /// Called by the commit once every file was received: throws (and discards the folder) if
    /// anything failed, else leaves the folder complete and still locked.
    func finishWriting() throws(BuildFailure) {
        _ = openIfNeeded()
        lock.lock()
        defer { lock.unlock() }
        if let failure {
            close(removing: true)
            throw failure
        }
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
        outputLock?.release()
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
                throw BuildFailure(Diagnostic(file: output, message: "The folder \(parent) does not exist.",
                                              hint: "Create it, or pass another --output."))
            }
            outputLock = try OutputLock(for: output)
            removeStale()
            opened = true
            do throws(FileSystem.Failure) {
                try FileSystem.makeDirectory(path)
                root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if root < 0 { throw FileSystem.Failure(path: path, operation: "open", code: errno) }
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
        BuildFailure(Diagnostic(
            file: output, message: "Writing the site failed: \(error.description). \(output) is unchanged.",
            hint: error.code == ENOSPC ? "Free some disk space and build again." : "Check that the folder is writable."))
    }

    /// Staging folders left by a build that was killed (we hold the lock, so none is live).
    private func removeStale() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).explainer-staging-") || entry.hasPrefix(".\(name).explainer-old-") {
            FileSystem.removeTree(parent + "/" + entry)
        }
    }
}
