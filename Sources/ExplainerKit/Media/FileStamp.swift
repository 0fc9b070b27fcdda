import Glibc

/// What `stat` says of a file, to tell without reading it that it has not changed since it was
/// hashed (as git's index does): its path, size, modification and change times in nanoseconds,
/// inode and device. Take the stamp before reading the file: a change in between then shows as
/// a different stamp next time, never as a stale hash.
struct FileStamp: Sendable, Hashable, Codable {
    var path: String
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
    var device: UInt64
    /// When the stamp was taken (nanoseconds since 1970), which is not part of the file's identity.
    var observed: Int64

    /// The stamp of the file at `path` (symlinks followed, as a read follows them); nil when it
    /// cannot be stat'ed or is not a regular file.
    static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return FileStamp(
            path: path, size: Int64(info.st_size), modified: nanoseconds(info.st_mtim), changed: nanoseconds(info.st_ctim),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev), observed: nanoseconds(now))
    }

    /// Whether `other` is the same file, unchanged (everything but `observed` equal).
    func matches(_ other: FileStamp) -> Bool {
        path == other.path && size == other.size && modified == other.modified && changed == other.changed
            && inode == other.inode && device == other.device
    }

    /// Whether the file had been left alone for two seconds when the stamp was taken. File
    /// times come from a coarse clock: a file written again within the same tick keeps its
    /// time, so a stamp of a file that had just changed is not worth remembering.
    var isSettled: Bool {
        observed - max(modified, changed) >= 2_000_000_000
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
