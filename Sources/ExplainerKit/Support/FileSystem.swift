import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the pipeline's edges need, as thin POSIX calls that report the
/// system's reason (`Permission denied`, `Too many levels of symbolic links`) on failure.
package enum FileSystem {
    /// A failed file operation: what was tried, on which path, and the system's reason.
    package struct Failure: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32
        /// The file's size, when the failure is that it is larger than the limit (`EFBIG`).
        var size: Int = 0
        /// The limit it is larger than (`EFBIG`).
        var limit: Int = 0
        /// Why, when the system's reason for `code` would not say it (`it is a FIFO…`).
        var detail: String? = nil

        /// Why the operation failed, without the path: `it is a FIFO (named pipe), not a
        /// regular file`, `Permission denied`.
        var reason: String {
            if let detail { return detail }
            if code == EFBIG { return "it is \(ByteCount.text(size)); the limit is \(ByteCount.limit(limit))" }
            if code == ELOOP { return "it is a symlink loop (or a chain of too many symlinks)" }
            return String(cString: strerror(code))
        }

        package var description: String {
            if code == EFBIG { return "\(path) is \(ByteCount.text(size)), more than the limit of \(ByteCount.limit(limit))" }
            return "could not \(operation) \(path): \(reason)"
        }
    }

    /// A folder that sources are read from (`Content/`, `Templates/`), with its real path: a
    /// symlink inside it is followed only to a file inside it.
    package struct Root: Sendable {
        /// The folder as the user spelled it, for messages.
        var path: String
        /// The folder with every symlink resolved.
        var real: String

        init(_ path: String) {
            self.init(path, real: FileSystem.realPath(path) ?? FileSystem.canonical(path))
        }

        /// A folder whose resolved path is already known.
        package init(_ path: String, real: String) {
            self.path = path
            self.real = real
        }

        /// Whether the resolved path `resolved` is inside the folder.
        /// (By bytes: a sibling folder named as this one in another Unicode form is outside.)
        func contains(_ resolved: String) -> Bool {
            FolderPath(real).contains(resolved)
        }

        /// Whether `resolved` is the folder itself or inside it (by bytes, as `contains`).
        package func holds(_ resolved: String) -> Bool {
            FolderPath(real).holds(resolved)
        }
    }

    /// Reads the regular file at `path`, whole. The one way sources and built files are read:
    /// the file is opened without blocking (a FIFO cannot hang it) and what was opened is then
    /// checked: anything but a regular file (a FIFO, a socket, a device, a folder) is refused,
    /// and so, with a `root`, is a file outside it where `path` is a symlink. (Only the last
    /// name of `path` can be one: `listTree` enters no symlinked folder.)
    package static func read(_ path: String, limit: Int = Int.max, inside root: Root? = nil) throws(Failure) -> [UInt8] {
        let (fd, size) = try openRegularFile(path, inside: root)
        defer { close(fd) }
        if size > limit {
            throw Failure(path: path, operation: "read", code: EFBIG, size: size, limit: limit)
        }
        return try readAll(fd, size: size, limit: limit, path: path)
    }

    /// The size of the regular file at `path`, checked as `read` checks it (a regular file, and
    /// with a `root` not a symlink to a file outside it), without reading it: a bundle's images
    /// may be large, and only the media stage reads them.
    static func size(of path: String, inside root: Root? = nil) throws(Failure) -> Int {
        let (fd, size) = try openRegularFile(path, inside: root)
        close(fd)
        return size
    }

    /// Opens `path` for `read` and `size(of:)`: a regular file (not a FIFO, socket, device or
    /// folder), and with a `root` inside it. Returns the open descriptor and the file's size.
    private static func openRegularFile(_ path: String, inside root: Root?) throws(Failure) -> (fd: Int32, size: Int) {
        // With a root, a file that is not a symlink opens at once; a symlink (`ELOOP`) is
        // opened again, followed, and where it led is checked.
        var fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (root == nil ? 0 : O_NOFOLLOW))
        let followed = fd < 0 && errno == ELOOP
        if followed { fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            // A socket cannot be opened at all (`ENXIO`): say what it is.
            var st = stat()
            if stat(path, &st) == 0, case let type = st.st_mode & S_IFMT, type != S_IFREG && type != S_IFDIR {
                throw Failure(path: path, operation: "read", code: code, detail: "it is \(kind(type)), not a regular file")
            }
            throw Failure(path: path, operation: "read", code: code)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw Failure(path: path, operation: "read", code: code)
        }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw Failure(
                path: path, operation: "read", code: type == S_IFDIR ? EISDIR : EINVAL,
                detail: "it is \(kind(type)), not a regular file")
        }
        if followed, let root, let opened = openedPath(fd, path: path), !root.contains(opened) {
            close(fd)
            throw Failure(
                path: path, operation: "read", code: EACCES,
                detail: "it is a symlink to \(opened), which is outside \(root.path)")
        }
        return (fd, Int(st.st_size))
    }

    /// Everything the open regular file `fd` holds (about `size` bytes, at most `limit`).
    package static func readAll(_ fd: Int32, size: Int, limit: Int = Int.max, path: String) throws(Failure) -> [UInt8] {
        // Straight into the array: the size `stat` gave and one byte more, to see the end.
        let expected = min(max(size, 0), limit - 1) + 1
        var code: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected, let base = buffer.baseAddress {
                let n = Glibc.read(fd, base + initialized, expected - initialized)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    code = errno
                    return
                }
                if n == 0 { return }
                initialized += n
            }
        }
        if code != 0 { throw Failure(path: path, operation: "read", code: code) }
        if out.count < expected { return out }
        // The file is larger than `stat` said (it grew): the rest, a block at a time.
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if out.count > limit { throw Failure(path: path, operation: "read", code: EFBIG, size: out.count, limit: limit) }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(path: path, operation: "read", code: errno)
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        if out.count > limit { throw Failure(path: path, operation: "read", code: EFBIG, size: out.count, limit: limit) }
        return out
    }

    /// What a file of type `type` (`st_mode & S_IFMT`) is, for messages: `a FIFO (named pipe)`.
    /// The one naming of file types (`OutputOwnership` says what stands where a folder should).
    static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFREG: "a file"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symlink"
        default: "not a regular file"
        }
    }

    /// The resolved path of the file open as `fd` (`/proc/self/fd`), else of `path`.
    private static func openedPath(_ fd: Int32, path: String) -> String? {
        openedPath(fd) ?? realPath(path)
    }

    /// The path the kernel knows the open `fd` by (nil if it cannot say, or the file was
    /// deleted meanwhile): what was opened, whatever symlinks were swapped in on the way.
    package static func openedPath(_ fd: Int32) -> String? {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = buffer.withUnsafeMutableBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                readlink("/proc/self/fd/\(fd)", $0, raw.count - 1)
            }
        }
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n], as: UTF8.self)
        return path.hasSuffix(" (deleted)") ? nil : path
        #else
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN) + 1)
        guard fcntl(fd, F_GETPATH, &buffer) == 0 else { return nil }
        return String(cString: buffer)
        #endif
    }

    /// `realpath(3)`: nil when `path` cannot be resolved.
    package static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A path named relative to an open folder, for the `*at` calls: only `name` is looked up,
    /// not the folders above it (writing a site makes tens of thousands of files).
    package struct Place: Sendable {
        /// An open folder (`AT_FDCWD` for the current one).
        var folder: Int32
        /// The path inside `folder`.
        var name: String
        /// The path of `folder`, for messages.
        var folderPath: String

        init(folder: Int32, name: String, folderPath: String) {
            self.folder = folder
            self.name = name
            self.folderPath = folderPath
        }

        /// The whole path, for messages.
        var path: String { FolderPath(folderPath).appending(name) }
        /// `path`, or `name` alone when it is relative to the current folder.
        var displayPath: String { folder == AT_FDCWD && folderPath == "." ? name : path }
    }

    /// Writes `bytes` to a new file at `path` (mode 0644), reporting short writes (disk full).
    package static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(bytes, to: Place(folder: AT_FDCWD, name: path, folderPath: "."))
    }

    /// Writes `bytes` to a new file at `place` (mode 0644), reporting short writes (disk full).
    /// `exclusive`: only if nothing is there, not even a symlink (`O_EXCL`: `EEXIST` otherwise);
    /// else a file there is replaced.
    static func write(_ bytes: [UInt8], to place: Place, exclusive: Bool = false) throws(Failure) {
        let mode = exclusive ? O_EXCL | O_NOFOLLOW : O_TRUNC
        let fd = openat(place.folder, place.name, O_WRONLY | O_CREAT | mode | O_CLOEXEC, 0o644)
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

    package static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create the folder", code: errno)
        }
    }

    /// Makes the folder `place` unless it is there; false if a folder above it is missing.
    static func makeDirectory(_ place: Place) throws(Failure) -> Bool {
        if mkdirat(place.folder, place.name, 0o755) == 0 || errno == EEXIST { return true }
        if errno == ENOENT { return false }
        throw Failure(path: place.path, operation: "create the folder", code: errno)
    }

    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is there and not a folder (a symlink counts as a file, as in `listFiles`).
    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Removes a file or a folder with everything in it; missing paths are fine.
    /// A folder's entries are removed on all cores (a built site is tens of thousands of files),
    /// each with one `unlinkat` relative to its open folder: no path walks, no `stat`s.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 {
            // The manifest goes last: a removal killed halfway leaves a folder that still says
            // it is Explainer's, so the next build recognises it as a leftover and finishes it.
            let entries = entries(of: fd)
            _ = ParallelMap.map(entries.filter { $0.name != OutputManifest.fileName }) {
                removeEntry($0.name, isFolder: $0.isFolder, in: fd)
            }
            unlinkat(fd, OutputManifest.fileName, 0)
            close(fd)
        }
        rmdir(path)
    }

    /// Removes `name` in the open folder `folder`, everything in it first if it is a folder.
    private static func removeEntry(_ name: String, isFolder: Bool, in folder: Int32) {
        if !isFolder && unlinkat(folder, name, 0) == 0 { return }
        let fd = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        for entry in entries(of: fd) { removeEntry(entry.name, isFolder: entry.isFolder, in: fd) }
        close(fd)
        unlinkat(folder, name, AT_REMOVEDIR)
    }

    /// The names in the open folder `fd` (but `.` and `..`), and whether each is a folder.
    private static func entries(of fd: Int32) -> [(name: String, isFolder: Bool)] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        var out: [(name: String, isFolder: Bool)] = []
        forEachEntry(in: dir) { name, type in
            out.append((String(decoding: name, as: UTF8.self), type == UInt8(DT_DIR)))
        }
        return out
    }

    /// The one reading of a folder: calls `body` with each entry of the open folder `dir`
    /// from where it is (but `.` and `..`), its name's bytes (not necessarily UTF-8) and its
    /// type, `DT_DIR`, `DT_LNK`, `DT_REG`…. A type the file system does not say (`DT_UNKNOWN`)
    /// is asked with `fstatat`, never following a link; an entry gone meanwhile is skipped.
    /// `skip` passes over entries by name before any of that.
    static func forEachEntry(
        in dir: OpaquePointer, skipping skip: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in false },
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ type: UInt8) -> Void
    ) {
        while let entry = readdir(dir) {
            withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                let cName = UnsafeRawPointer(tuple).assumingMemoryBound(to: CChar.self)
                let name = UnsafeBufferPointer(start: UnsafeRawPointer(tuple).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
                let dot = UInt8(ascii: ".")
                if name.first == dot && (name.count == 1 || (name.count == 2 && name[1] == dot)) { return }
                if skip(name) { return }
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    guard fstatat(dirfd(dir), cName, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                    let mode = st.st_mode & S_IFMT
                    type = mode == S_IFDIR ? UInt8(DT_DIR) : mode == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
                }
                body(name, type)
            }
        }
    }

    /// One file found by `listTree`: anything but a folder (symlinks are not followed).
    struct Entry: Sendable {
        /// The path relative to the listed folder. When `isValidName` is false, a stand-in:
        /// the bytes of the name that are not UTF-8 written `\xNN`, since no `String` can
        /// name it.
        var path: String
        /// Whether every name in `path` is valid UTF-8 (a folder whose name is not is listed
        /// as such an entry itself, not entered).
        var isValidName: Bool
        var isSymlink: Bool
    }

    /// Everything below `root` but folders and dot-names (which are skipped with what is in
    /// them), sorted by the paths' bytes. Names are read as bytes (`readdir`), so a name that
    /// is not UTF-8 is listed too, as such; symlinked folders are not entered (a symlink loop
    /// cannot make it run forever) but listed, as symlinks.
    static func listTree(_ root: String) -> [Entry] {
        var out: [Entry] = []
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        walk(fd, in: FolderPath(""), into: &out)
        out.sort { ExactPath.precedes($0.path, $1.path) }
        return out
    }

    /// Lists the open folder `fd` (and closes it) into `out`, its paths inside `folder`.
    private static func walk(_ fd: Int32, in folder: FolderPath, into out: inout [Entry]) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        forEachEntry(in: dir, skipping: { $0.first == UInt8(ascii: ".") }) { bytes, type in
            let validName = String(validating: bytes, as: UTF8.self)
            let path = folder.appending(validName ?? escapingInvalidUTF8(bytes))
            if type == UInt8(DT_DIR) && validName != nil {
                let sub = bytes.withMemoryRebound(to: CChar.self) {
                    openat(dirfd(dir), $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
                if sub >= 0 { walk(sub, in: FolderPath(path), into: &out) }
            } else {
                out.append(Entry(path: path, isValidName: validName != nil, isSymlink: type == UInt8(DT_LNK)))
            }
        }
    }

    /// `bytes` as text, each byte that is not part of valid UTF-8 written `\xNN`.
    static func escapingInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length =
                lead < 0x80
                ? 1
                : lead >= 0xC2 && lead <= 0xDF
                    ? 2
                    : lead >= 0xE0 && lead <= 0xEF
                        ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            if length > 0, i + length <= bytes.count,
                let valid = String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self)
            {
                out += valid
                i += length
            } else {
                out += TerminalText.escaped(lead)
                i += 1
            }
        }
        return out
    }

    /// Files below `root` (recursively), as paths relative to it, sorted (see `listTree`: a
    /// name that is not UTF-8 is listed by its `\xNN` stand-in).
    package static func listFiles(_ root: String) -> [String] {
        listTree(root).map(\.path)
    }

    /// An absolute, `..`-free version of `path` (symlinks resolved where the path exists).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FolderPath(FileManager.default.currentDirectoryPath).appending(path)
        let url = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath()
        return url.path
    }
}

extension FileSystem.Failure {
    /// The failure of `operation` on `path` with the system's error `code` (for the preview,
    /// which does its own `rename`).
    package init(path: String, operation: String, errno code: Int32) {
        self.init(path: path, operation: operation, code: code)
    }
}
