import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two builds (or publishes, or rollbacks, or previews) of the same output folder from
/// interleaving, while builds of different folders, even siblings, run independently. Refused,
/// not waited for, when another process holds it. A preview holds it for as long as it runs
/// (it writes the folder in place on every change), so a build into the folder it serves is
/// refused too, with a message saying a preview holds it.
///
/// The output folder itself cannot be locked: it is replaced by a rename, so a lock on its
/// inode would protect the old folder only. What is locked is an `flock` on a hidden file
/// beside it, `.<name>.explainer-lock` (next to the staging folder, never inside the site),
/// made when taken and removed when released; it says who holds it (`explainer-lock build`).
/// A build killed while holding it leaves the file behind, but not the lock (the kernel drops
/// an `flock` with its process): the next build takes it and removes it. Removing a lock file
/// another process may have just opened is safe because whoever gets the `flock` then checks
/// that the file is still the one at the path, and starts over if it is not. Something at that
/// path that Explainer did not make (a folder, a link, a pipe, a file with other text) is
/// never opened through, written or removed: the lock is refused instead.
package struct OutputLock: Sendable {
    /// Who holds a lock, as its file says.
    package enum Holder: String, Sendable {
        case build
        case preview
    }

    static let marker = "explainer-lock "

    /// The lock file for `output`: `<parent>/.<name>.explainer-lock`.
    let path: String
    private let fd: Int32

    /// Takes the lock for the output folder `output`, or throws naming it if another
    /// process holds it (or the lock file cannot be made).
    package init(for output: String, holder: Holder = .build) throws(BuildFailure) {
        let (parent, name) = FolderPath(output).parentAndName
        path = FolderPath(parent).appending(".\(name).explainer-lock")
        while true {
            // Never through a link, never blocking on a pipe; a folder fails to open for writing.
            let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                throw BuildFailure(
                    Diagnostic(
                        file: output, message: "Could not make the lock file \(path): \(String(cString: strerror(code))).",
                        hint: code == ELOOP || code == EISDIR || code == ENXIO
                            ? "Explainer did not make what is at \(path); move it away, then build again."
                            : "Check that \(parent) exists and is writable."))
            }
            var held = stat()
            guard fstat(fd, &held) == 0, (held.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                throw Self.notOurs(path, output: output)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let preview = Self.contents(fd) == Self.marker + Holder.preview.rawValue
                close(fd)
                throw BuildFailure(
                    Diagnostic(
                        file: output,
                        message: preview
                            ? "An explainer preview is writing \(output): it holds the folder for as long as it runs."
                            : "Another explainer build is writing \(output) right now.",
                        hint: preview
                            ? "Stop that preview (Ctrl-C where it runs), or build into another folder with --output."
                            : "Wait for it to finish (or stop it), then build again."))
            }
            // The holder before us may have removed the file between our open and our flock.
            var current = stat()
            if lstat(path, &current) == 0, held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                // Empty (just made, or left by an older version) or written by a build: ours.
                let text = Self.contents(fd)
                guard text.isEmpty || text.hasPrefix(Self.marker) else {
                    close(fd)
                    throw Self.notOurs(path, output: output)
                }
                let mark = Array((Self.marker + holder.rawValue).utf8)
                _ = ftruncate(fd, 0)
                _ = mark.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                self.fd = fd
                return
            }
            close(fd)
        }
    }

    /// The first bytes of the open lock file, as text.
    private static func contents(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    private static func notOurs(_ path: String, output: String) -> BuildFailure {
        BuildFailure(
            Diagnostic(
                file: path,
                message: "\(path) is in the way: it is where Explainer keeps the lock for \(output), but Explainer did not make it.",
                hint: "Move it away (Explainer will not delete it), then build again."))
    }

    /// Removes the lock file, then releases the lock.
    package func release() {
        unlink(path)
        close(fd)
    }
}
