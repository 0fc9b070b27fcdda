#if canImport(Glibc)
import Glibc
#endif

/// Writes the files of a scaffold into a folder, never replacing anything: each file is made
/// with `O_EXCL` (a name already there, a file, a folder or a symlink, is skipped and said so),
/// each folder on the way is made or entered without following a symlink, so nothing is ever
/// written outside the folder. The one place `init`, `new` and `theme --eject` write.
public enum ScaffoldWriter {
    /// A file that was not written because something stands at its path, and what.
    public struct Skipped: Sendable, Hashable {
        /// The file's path inside the folder.
        public var path: String
        /// Why: `it is already there`, `Content is a symlink`.
        public var reason: String
    }

    /// What a write did: the files made, those skipped, and the failures (permission denied,
    /// disk full…) as diagnostics. A file that failed halfway is removed: none is left short.
    public struct Outcome: Sendable, Hashable {
        /// The files' paths inside the folder, in the order written.
        public var written: [String] = []
        public var skipped: [Skipped] = []
        public var failures: [Diagnostic] = []
    }

    /// Writes `files` (paths inside `folder`, in order) into `folder`, which is made, with the
    /// folders above it, if it is not there.
    static func write(_ files: [ScaffoldFile], into folder: String) -> Outcome {
        var outcome = Outcome()
        let root = FolderPath(folder)
        do {
            try makeFolders(root.path)
        } catch {
            outcome.failures.append(Diagnostic(file: error.path, message: "Could not \(error.operation): \(error.reason).", hint: hint))
            return outcome
        }
        let rootFD = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else {
            outcome.failures.append(
                Diagnostic(file: root.path, message: "Could not open the folder: \(String(cString: strerror(errno))).", hint: hint))
            return outcome
        }
        defer { close(rootFD) }
        for file in files {
            write(file, into: rootFD, root: root, outcome: &outcome)
        }
        return outcome
    }

    /// Writes `file` below the open folder `rootFD` (`root`), entering or making each folder of
    /// its path with `O_NOFOLLOW`.
    private static func write(_ file: ScaffoldFile, into rootFD: Int32, root: FolderPath, outcome: inout Outcome) {
        let names = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = names.last, names.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            outcome.failures.append(
                Diagnostic(
                    file: root.appending(file.path), message: "The path is not a plain relative path.",
                    hint: "Report this: init and new write only paths of the form folder/file."))
            return
        }
        var fd = rootFD
        defer { if fd != rootFD { close(fd) } }
        var here = FolderPath("")
        for name in names.dropLast() {
            here = here.folder(name)
            if mkdirat(fd, name, 0o755) != 0 && errno != EEXIST {
                outcome.failures.append(failure(root.appending(here.path), "create the folder", errno))
                return
            }
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let code = errno
                var st = stat()
                if code == ELOOP || code == ENOTDIR, fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                    let type = st.st_mode & S_IFMT
                    let what = type == S_IFLNK ? "a symlink (never followed)" : "\(FileSystem.kind(type)), not a folder"
                    outcome.skipped.append(Skipped(path: file.path, reason: "\(root.appending(here.path)) is \(what)"))
                } else {
                    outcome.failures.append(failure(root.appending(here.path), "open the folder", code))
                }
                return
            }
            if fd != rootFD { close(fd) }
            fd = next
        }
        let place = FileSystem.Place(folder: fd, name: last, folderPath: root.appending(here.path))
        do {
            try FileSystem.write(file.bytes, to: place, exclusive: true)
            outcome.written.append(file.path)
        } catch  where error.code == EEXIST {
            outcome.skipped.append(Skipped(path: file.path, reason: "it is already there"))
        } catch {
            // Made by this call (`O_EXCL`), so ours to remove: no file is left half-written.
            if error.operation == "write" { unlinkat(fd, last, 0) }
            outcome.failures.append(failure(root.appending(file.path), error.operation, error.code))
        }
    }

    /// Makes the folder `path` and any missing folder above it.
    private static func makeFolders(_ path: String) throws(FileSystem.Failure) {
        if FileSystem.isDirectory(path) { return }
        let (parent, _) = FolderPath(path).parentAndName
        if parent != path && !FileSystem.isDirectory(parent) { try makeFolders(parent) }
        try FileSystem.makeDirectory(path)
    }

    private static func failure(_ path: String, _ operation: String, _ code: Int32) -> Diagnostic {
        Diagnostic(file: path, message: "Could not \(operation): \(String(cString: strerror(code))).", hint: hint)
    }

    private static let hint = "Check the folder's permissions and free space, then run the command again: files already written are kept."
}
