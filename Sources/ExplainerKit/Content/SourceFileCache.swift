import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Remembers the bytes of source files with their identity (device, inode, size, modification
/// time in nanoseconds), so that a rebuild re-reads only the files that changed. Used by the
/// preview, which rebuilds after every save; a one-off `explainer build` reads everything.
package final class SourceFileCache: @unchecked Sendable {
    private struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private let lock = NSLock()
    private var entries: [ExactPath: (Stamp, [UInt8])] = [:]
    private var listing: ArticleListing?

    init() {}

    /// The content folder's articles as last read (nil before the first read of `folder`).
    func articleListing(of folder: String) -> ArticleListing? {
        lock.withLock { listing?.folder == folder ? listing : nil }
    }

    func storeArticleListing(_ listing: ArticleListing) {
        lock.withLock { self.listing = listing }
    }

    /// The file's bytes: from the cache when its stamp is unchanged, else read (and cached)
    /// by `FileSystem.read` (so only a regular file inside `root` is).
    func read(_ path: String, limit: Int, inside root: FileSystem.Root) throws(FileSystem.Failure) -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw FileSystem.Failure(path: path, operation: "read", code: errno) }
        let stamp = Stamp(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
        let key = ExactPath(path)
        if let (cached, bytes) = lock.withLock({ entries[key] }), cached == stamp { return bytes }
        let bytes = try FileSystem.read(path, limit: limit, inside: root)
        lock.withLock { entries[key] = (stamp, bytes) }
        return bytes
    }
}
