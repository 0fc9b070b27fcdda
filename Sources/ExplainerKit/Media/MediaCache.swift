import Foundation
import Glibc
import Synchronization

/// The media cache on disk (`.explainer-cache/media` beside the site by default): encoded
/// variants, content-addressed by the source's hash and the parameters, and an index of image
/// headers by file stamp so a warm build neither reads nor hashes an unchanged image.
///
/// Entries are files `<folder>/<2 hex>/<30 hex>` (`MediaCacheEntry`): a truncated, corrupted,
/// foreign or old entry is a miss, and storing overwrites it. Every write goes to a temporary
/// file in the same folder and is renamed into place, so racing builds and a crash leave whole
/// entries or none. The cache is optional: with no folder everything misses, and a failure to
/// write is ignored. Safe to delete at any time; thread-safe.
final class MediaCache: Sendable {
    /// The folder, or nil for no cache.
    let folder: String?
    private let index: Mutex<HeaderIndex>
    private let writes = Mutex<UInt64>(0)

    init(folder: String?) {
        self.folder = folder
        index = Mutex(HeaderIndex())
    }

    deinit {
        saveHeaders()
    }

    // MARK: Variants

    /// The bytes stored for `key`, if a whole, intact entry is there.
    func bytes(for key: MediaCacheKey) -> [UInt8]? {
        guard let path = entryPath(for: key), let file = try? FileSystem.read(path) else { return nil }
        return MediaCacheEntry.decode(file, key: key.bytes)
    }

    /// Whether a file is there for `key` with room for an entry's header (cheap: one `stat`;
    /// `bytes(for:)` checks the rest).
    func contains(_ key: MediaCacheKey) -> Bool {
        guard let path = entryPath(for: key) else { return false }
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) > MediaCacheEntry.headerSize
    }

    /// Stores `bytes` for `key` (replacing what was there); failures are ignored.
    func store(_ bytes: [UInt8], for key: MediaCacheKey) {
        guard let path = entryPath(for: key) else { return }
        write(MediaCacheEntry.encode(bytes, key: key.bytes), to: path)
    }

    /// `<folder>/<2 hex>/<30 hex>` of the hash of the key.
    func entryPath(for key: MediaCacheKey) -> String? {
        guard let folder else { return nil }
        let name = key.bytes.withUnsafeBytes { ContentHash.hex($0) }
        return folder + "/" + name.prefix(2) + "/" + name.dropFirst(2)
    }

    // MARK: Header index

    /// The content hash and header recorded for the file of `stamp`, if it is unchanged since.
    func header(for stamp: FileStamp) -> (hash: String, header: ImageHeader)? {
        guard folder != nil else { return nil }
        return index.withLock { index in
            load(&index)
            guard let entry = index.entries[stamp.path], entry.stamp.matches(stamp) else { return nil }
            return (entry.hash, entry.header)
        }
    }

    /// Records the hash and header of the file of `stamp` (taken before it was read). A file
    /// changed within two seconds of its stamp is not recorded (see `FileStamp.isSettled`).
    func storeHeader(hash: String, header: ImageHeader, for stamp: FileStamp) {
        guard folder != nil, stamp.isSettled else { return }
        index.withLock { index in
            load(&index)
            let entry = HeaderIndex.Entry(stamp: stamp, hash: hash, header: header)
            if index.entries[stamp.path] != entry {
                index.entries[stamp.path] = entry
                index.isDirty = true
            }
        }
    }

    /// Writes the header index if it changed (atomically; a failure is ignored). Called at the
    /// end of a build, and when the cache is released.
    func saveHeaders() {
        guard let folder else { return }
        let payload: [UInt8]? = index.withLock { index in
            guard index.isDirty else { return nil }
            index.isDirty = false
            return try? Array(JSONEncoder().encode(index.entries))
        }
        guard let payload else { return }
        write(MediaCacheEntry.encode(payload, key: HeaderIndex.key), to: folder + "/" + HeaderIndex.fileName)
    }

    /// Reads the index file once (an unreadable one is an empty index).
    private func load(_ index: inout HeaderIndex) {
        guard !index.isLoaded, let folder else { return }
        index.isLoaded = true
        guard let file = try? FileSystem.read(folder + "/" + HeaderIndex.fileName),
            let payload = MediaCacheEntry.decode(file, key: HeaderIndex.key),
            let entries = try? JSONDecoder().decode([String: HeaderIndex.Entry].self, from: Data(payload))
        else { return }
        // What this process recorded before loading wins over the file.
        index.entries.merge(entries) { current, _ in current }
    }

    // MARK: Writing

    /// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
    private func write(_ bytes: [UInt8], to path: String) {
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let parent = String(path[..<slash])
        guard makeFolders(parent) else { return }
        let serial = writes.withLock { count in
            count += 1
            return count
        }
        let temporary = parent + "/.tmp-\(getpid())-\(serial)-" + path[path.index(after: slash)...]
        do throws(FileSystem.Failure) {
            try FileSystem.write(bytes, to: temporary)
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }

    /// Makes `path` and the folders above it that are missing; false if it cannot.
    private func makeFolders(_ path: String) -> Bool {
        if FileSystem.isDirectory(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex, !makeFolders(String(path[..<slash])) { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}

/// The header index in memory: by path, the stamp a file had when it was hashed.
private struct HeaderIndex {
    struct Entry: Codable, Hashable {
        var stamp: FileStamp
        var hash: String
        var header: ImageHeader
    }

    static let fileName = "headers"
    static let key = Array("explainer image headers".utf8)

    var entries: [String: Entry] = [:]
    var isLoaded = false
    var isDirty = false
}
