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

    /// Writes `bytes` to a new file at `path` (mode 0644), reporting short writes (disk full).
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, operation: "create", code: errno) }
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
        if failure != 0 { throw Failure(path: path, operation: "write", code: failure) }
    }

    public static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create the folder", code: errno)
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Removes a file or a folder with everything in it; missing paths are fine.
    /// A folder's entries are removed on all cores (a built site is tens of thousands of files).
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR, let names = try? FileManager.default.contentsOfDirectory(atPath: path), names.count > 1 {
            _ = ParallelMap.map(names) { name in
                try? FileManager.default.removeItem(atPath: path + "/" + name)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
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
