#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of one file or folder of the output folder, taken once a build's output is
/// in place: its device, inode, size and modification and change times. Any write to the file
/// changes its times; adding or removing a folder's entry changes the folder's. So while a
/// stamp still matches, the file holds what that build wrote there (as git's index trusts a
/// file's stamp), and a folder holds no stray entry.
struct OutputStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64
    /// A folder's stamp, not a file's.
    var isFolder: Bool

    /// The stamps of `paths` (relative to the folder `root`; `"."` is `root` itself), taken on
    /// all cores; nil for a path that is missing, a symlink or neither a file nor a folder, and
    /// for every path when `root` cannot be opened as a folder.
    static func stamps(of paths: [String], under root: String) -> [OutputStamp?] {
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return paths.map { _ in nil } }
        defer { close(folder) }
        let chunk = 2048
        let starts = Array(stride(from: 0, to: paths.count, by: chunk))
        return ParallelMap.map(starts) { start in
            paths[start..<min(paths.count, start + chunk)].map { stamp(of: $0, in: folder) }
        }.flatMap { $0 }
    }

    private static func stamp(of path: String, in folder: Int32) -> OutputStamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR else { return nil }
        return OutputStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: nanoseconds(info.st_mtim), changed: nanoseconds(info.st_ctim), isFolder: kind == S_IFDIR)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(device)
        writer.write(inode)
        writer.write(size)
        writer.write(modified)
        writer.write(changed)
        writer.write(isFolder)
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64, isFolder: Bool) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
        self.isFolder = isFolder
    }

    init(from reader: inout ByteReader) throws(ByteReader.Truncated) {
        device = try reader.uint64()
        inode = try reader.uint64()
        size = try reader.int64()
        modified = try reader.int64()
        changed = try reader.int64()
        isFolder = try reader.bool()
    }

    /// Bytes a stamp takes in a record.
    static let encodedSize = 41
}
