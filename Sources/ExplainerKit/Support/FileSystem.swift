import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the pipeline's edges need, as thin POSIX calls that report the
/// system's reason (`Permission denied`, `Too many levels of symbolic links`) on failure.
public enum FileSystem {
    /// A failed file operation: what was tried, on which path, and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var operation: String
        public var code: Int32
        /// The file's size, when the failure is that it is larger than the limit (`EFBIG`).
        public var size: Int = 0
        public var description: String {
            if code == EFBIG { return "\(path) is \(size / 1_048_576) MB, more than the limit" }
            return "could not \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    public static func read(_ path: String, limit: Int = Int.max) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "read", code: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(path: path, operation: "read", code: errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, operation: "read", code: EISDIR) }
        if Int(st.st_size) > limit { throw Failure(path: path, operation: "read", code: EFBIG, size: Int(st.st_size)) }
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(st.st_size), limit) + 1)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, operation: "read", code: errno)
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { break }
        }
        return out
    }

    /// A path named relative to an open folder, for the `*at` calls: only `name` is looked up,
    /// not the folders above it (writing a site makes tens of thousands of files).
    public struct Place: Sendable {
        /// An open folder (`AT_FDCWD` for the current one).
        public var folder: Int32
        /// The path inside `folder`.
        public var name: String
        /// The path of `folder`, for messages.
        public var folderPath: String

        public init(folder: Int32, name: String, folderPath: String) {
            self.folder = folder
            self.name = name
            self.folderPath = folderPath
        }

        /// The whole path, for messages.
        public var path: String { folderPath + "/" + name }
        /// `path`, or `name` alone when it is relative to the current folder.
        var displayPath: String { folder == AT_FDCWD && folderPath == "." ? name : path }
    }

    /// Writes `bytes` to a new file at `path` (mode 0644), reporting short writes (disk full).
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(bytes, to: Place(folder: AT_FDCWD, name: path, folderPath: "."))
    }

    /// Writes `bytes` to a new file at `place` (mode 0644), reporting short writes (disk full).
    public static func write(_ bytes: [UInt8], to place: Place) throws(Failure) {
        let fd = openat(place.folder, place.name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: place.displayPath, operation: "create", code: errno) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path: place.displayPath, operation: "write", code: failure) }
    }

    public static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create the folder", code: errno)
        }
    }

    /// Makes the folder `place` unless it is there; false if a folder above it is missing.
    public static func makeDirectory(_ place: Place) throws(Failure) -> Bool {
        if mkdirat(place.folder, place.name, 0o755) == 0 || errno == EEXIST { return true }
        if errno == ENOENT { return false }
        throw Failure(path: place.path, operation: "create the folder", code: errno)
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is there and not a folder (a symlink counts as a file, as in `listFiles`).
    public static func isFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Removes a file or a folder with everything in it; missing paths are fine.
    /// A folder's entries are removed on all cores (a built site is tens of thousands of files),
    /// each with one `unlinkat` relative to its open folder: no path walks, no `stat`s.
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 {
            _ = ParallelMap.map(entries(of: fd)) { removeEntry($0.name, isFolder: $0.isFolder, in: fd) }
            close(fd)
        }
        rmdir(path)
    }

    /// Removes `name` in the open folder `folder`, everything in it first if it is a folder
    /// (`isFolder` nil: the file system did not say).
    private static func removeEntry(_ name: String, isFolder: Bool?, in folder: Int32) {
        if isFolder != true && unlinkat(folder, name, 0) == 0 { return }
        let fd = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        for entry in entries(of: fd) { removeEntry(entry.name, isFolder: entry.isFolder, in: fd) }
        close(fd)
        unlinkat(folder, name, AT_REMOVEDIR)
    }

    /// The names in the open folder `fd` (but `.` and `..`), and whether each is a folder.
    private static func entries(of fd: Int32) -> [(name: String, isFolder: Bool?)] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        var out: [(name: String, isFolder: Bool?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            out.append((name, type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return out
    }

    /// Files below `root` (recursively), as paths relative to it, sorted. Follows no symlinked
    /// folders (so a symlink loop cannot make it run forever); symlinked files are listed.
    public static func listFiles(_ root: String) -> [String] {
        var out: [String] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let dir = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(root + "/" + rel, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(rel)
                } else {
                    out.append(rel)
                }
            }
        }
        return out.sorted()
    }

    /// An absolute, `..`-free version of `path` (symlinks resolved where the path exists).
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath()
        return url.path
    }
}
