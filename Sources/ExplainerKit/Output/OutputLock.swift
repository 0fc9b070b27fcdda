import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two builds (or publishes, or rollbacks) of the same output folder from interleaving,
/// while builds of different folders, even siblings, run independently. Refused, not waited
/// for, when another process holds it.
///
/// The output folder itself cannot be locked: it is replaced by a rename, so a lock on its
/// inode would protect the old folder only. What is locked is an `flock` on a hidden file
/// beside it, `.<name>.explainer-lock` (next to the staging folder, never inside the site),
/// made when taken and removed when released. A build killed while holding it leaves the file
/// behind, but not the lock (the kernel drops an `flock` with its process): the next build
/// takes it and removes it. Removing a lock file another process may have just opened is
/// safe because whoever gets the `flock` then checks that the file is still the one at the
/// path, and starts over if it is not.
struct OutputLock {
    /// The lock file for `output`: `<parent>/.<name>.explainer-lock`.
    let path: String
    private let fd: Int32

    /// Takes the lock for the output folder `output`, or throws naming it if another
    /// process holds it (or the lock file cannot be made).
    init(for output: String) throws(BuildFailure) {
        let (parent, name) = SiteWriter.split(output)
        path = "\(parent)/.\(name).explainer-lock"
        while true {
            let fd = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw BuildFailure(Diagnostic(
                    file: output, message: "Could not make the lock file \(path): \(String(cString: strerror(errno))).",
                    hint: "Check that \(parent) exists and is writable."))
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                close(fd)
                throw BuildFailure(Diagnostic(
                    file: output, message: "Another explainer build is writing \(output) right now.",
                    hint: "Wait for it to finish (or stop it), then build again."))
            }
            // The holder before us may have removed the file between our open and our flock.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, lstat(path, &current) == 0, held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                self.fd = fd
                return
            }
            close(fd)
        }
    }

    /// Removes the lock file, then releases the lock.
    func release() {
        unlink(path)
        close(fd)
    }
}
