import Foundation
import Glibc
import Synchronization

/// The media cache on disk (`.explainer-cache/media` beside the site by default): encoded
/// variants, content-addressed by the source's hash and the parameters, and an index of image
/// headers by file stamp so a warm build neither reads nor hashes an unchanged image.
///
/// A copy is a file `<folder>/<2 hex>/<30 hex>` holding exactly its bytes (so a build can
/// hard-link it); the index `records` holds each copy's hash and the identity of the file
/// written (device, inode, size, modification time). A copy whose file is not that one —
/// truncated, edited, replaced, foreign — or has no record is a miss, and storing overwrites
/// it. The two index files are `MediaCacheEntry`s (checked headers). Every write goes to a temporary
/// file in the same folder and is renamed into place, so racing builds and a crash leave whole
/// entries or none. The cache is optional: with no folder everything misses, and a failure to
/// write is ignored. Safe to delete at any time; thread-safe.
final class MediaCache: Sendable {
    /// The folder, or nil for no cache.
    let folder: String?
    private let index: Mutex<HeaderIndex>
    /// The records of the copies, by entry name, read once from `records` in the folder.
    private let records = Mutex<RecordIndex>(RecordIndex())
    private let writes = Mutex<UInt64>(0)

    init(folder: String?) {
        self.folder = folder
        index = Mutex(HeaderIndex())
    }

    deinit {
        saveHeaders()
    }

    // MARK: Variants

    /// The bytes stored for `key`, if a whole, intact entry is there (their hash checked).
    func bytes(for key: MediaCacheKey) -> [UInt8]? {
        guard let entry = entry(for: key), let bytes = try? FileSystem.read(entry.path), bytes.count == entry.record.size,
            bytes.withUnsafeBytes({ ContentHash.digest($0) }) == entry.record.digest
        else { return nil }
        return bytes
    }

    /// The file holding `key`'s bytes, to hard-link into a site being built, if it is the file
    /// this cache wrote and unchanged since: same device, inode, size and modification time,
    /// and, when it was written so recently that a change might not have moved its time (file
    /// times tick coarsely), the same hash too. Whatever else is in the folder is never used.
    func file(for key: MediaCacheKey) -> String? {
        guard let entry = entry(for: key) else { return nil }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        guard now - entry.record.modified < 2_000_000_000 else { return entry.path }
        return bytes(for: key) == nil ? nil : entry.path
    }

    /// Stores `bytes` for `key` (replacing what was there); failures are ignored. The bytes go
    /// to their own file (so that a build can link it); the record that vouches for them goes
    /// to the index of records, saved with the header index (`saveHeaders`).
    func store(_ bytes: [UInt8], for key: MediaCacheKey) {
        guard let path = entryPath(for: key), write(bytes, to: path), let identity = FileIdentity(path) else { return }
        guard identity.size == bytes.count else { return }
        let record = Record(digest: bytes.withUnsafeBytes { ContentHash.digest($0) }, identity: identity)
        let name = Self.name(of: key)
        records.withLock { index in
            load(&index)
            index.entries[name] = record
            index.isDirty = true
        }
    }

    /// `<folder>/<2 hex>/<30 hex>` of the hash of the key: the bytes; its record is beside it.
    func entryPath(for key: MediaCacheKey) -> String? {
        guard let folder else { return nil }
        let name = Self.name(of: key)
        return folder + "/" + name.prefix(2) + "/" + name.dropFirst(2)
    }

    /// The hash of the key, in hex: the entry's name.
    private static func name(of key: MediaCacheKey) -> String {
        key.bytes.withUnsafeBytes { ContentHash.hex($0) }
    }

    /// The entry of `key` whose record is in the index and whose file is the one it describes.
    private func entry(for key: MediaCacheKey) -> (path: String, record: Record)? {
        guard let path = entryPath(for: key) else { return nil }
        let name = Self.name(of: key)
        let record = records.withLock { index in
            load(&index)
            return index.entries[name]
        }
        guard let record, FileIdentity(path) == record.identity else { return nil }
        return (path, record)
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
            return HeaderIndex.encode(index.entries)
        }
        if let payload { write(MediaCacheEntry.encode(payload, key: HeaderIndex.key), to: folder + "/" + HeaderIndex.fileName) }
        let copies: [UInt8]? = records.withLock { index in
            guard index.isDirty else { return nil }
            index.isDirty = false
            return RecordIndex.encode(index.entries)
        }
        if let copies { write(MediaCacheEntry.encode(copies, key: RecordIndex.key), to: folder + "/" + RecordIndex.fileName) }
    }

    /// Reads the index of records once (an unreadable one is empty: every copy is then made again).
    private func load(_ index: inout RecordIndex) {
        guard !index.isLoaded, let folder else { return }
        index.isLoaded = true
        guard let file = try? FileSystem.read(folder + "/" + RecordIndex.fileName),
            let payload = MediaCacheEntry.decode(file, key: RecordIndex.key),
            let entries = RecordIndex.decode(payload)
        else { return }
        index.entries.merge(entries) { current, _ in current }
    }

    /// Reads the index file once (an unreadable one is an empty index).
    private func load(_ index: inout HeaderIndex) {
        guard !index.isLoaded, let folder else { return }
        index.isLoaded = true
        guard let file = try? FileSystem.read(folder + "/" + HeaderIndex.fileName),
            let payload = MediaCacheEntry.decode(file, key: HeaderIndex.key),
            let entries = HeaderIndex.decode(payload)
        else { return }
        // What this process recorded before loading wins over the file.
        index.entries.merge(entries) { current, _ in current }
    }

    // MARK: Writing

    /// Writes `bytes` to `path` through a temporary file in the same folder and a rename;
    /// whether it did.
    @discardableResult
    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let parent = String(path[..<slash])
        guard makeFolders(parent) else { return false }
        let serial = writes.withLock { count in
            count += 1
            return count
        }
        let temporary = parent + "/.tmp-\(getpid())-\(serial)-" + path[path.index(after: slash)...]
        do throws(FileSystem.Failure) {
            try FileSystem.write(bytes, to: temporary)
            if rename(temporary, path) == 0 { return true }
            unlink(temporary)
        } catch {
            unlink(temporary)
        }
        return false
    }

    /// Makes `path` and the folders above it that are missing; false if it cannot.
    private func makeFolders(_ path: String) -> Bool {
        if FileSystem.isDirectory(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex, !makeFolders(String(path[..<slash])) { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}

/// The header index in memory: by path, the stamp a file had when it was hashed. On disk (in
/// a checked `MediaCacheEntry`), entries follow each other as fixed-width little-endian numbers
/// and length-prefixed UTF-8: read and written in a few milliseconds for thousands of images.
private struct HeaderIndex {
    struct Entry: Hashable {
        var stamp: FileStamp
        var hash: String
        var header: ImageHeader
    }

    static let fileName = "headers"
    static let key = Array("explainer image headers 2".utf8)

    var entries: [String: Entry] = [:]
    var isLoaded = false
    var isDirty = false

    /// The entries, sorted by path (the same index gives the same bytes).
    static func encode(_ entries: [String: Entry]) -> [UInt8] {
        var out: [UInt8] = []
        func number(_ value: Int64) { for index in 0..<8 { out.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(index)))) } }
        func text(_ value: String) {
            number(Int64(value.utf8.count))
            out += value.utf8
        }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let stamp = entry.stamp
            text(path)
            for value in [
                stamp.size, stamp.modified, stamp.changed, Int64(bitPattern: stamp.inode), Int64(bitPattern: stamp.device),
                stamp.observed,
            ] { number(value) }
            text(entry.hash)
            text(entry.header.format.rawValue)
            for value in [entry.header.width, entry.header.height, entry.header.orientation] { number(Int64(value)) }
        }
        return out
    }

    /// The entries of `bytes`; nil if they are not what `encode` writes.
    static func decode(_ bytes: [UInt8]) -> [String: Entry]? {
        var offset = 0
        func number() -> Int64? {
            guard offset + 8 <= bytes.count else { return nil }
            defer { offset += 8 }
            return (0..<8).reduce(Int64(0)) { $0 | Int64(bytes[offset + $1]) << (8 * Int64($1)) }
        }
        func text() -> String? {
            guard let count = number(), count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += Int(count) }
            return String(validating: bytes[offset..<offset + Int(count)], as: UTF8.self)
        }
        var entries: [String: Entry] = [:]
        while offset < bytes.count {
            guard let path = text(), let size = number(), let modified = number(), let changed = number(),
                let inode = number(), let device = number(), let observed = number(), let hash = text(),
                let formatName = text(), let format = ImageFormat(rawValue: formatName), let width = number(),
                let height = number(), let orientation = number()
            else { return nil }
            let stamp = FileStamp(
                path: path, size: size, modified: modified, changed: changed, inode: UInt64(bitPattern: inode),
                device: UInt64(bitPattern: device), observed: observed)
            entries[path] = Entry(
                stamp: stamp, hash: hash,
                header: ImageHeader(format: format, width: Int(width), height: Int(height), orientation: Int(orientation)))
        }
        return entries
    }
}

/// The records of the cache's copies in memory, by entry name; on disk one checked file
/// (`records`), entries of the name's 32 hex digits then the record's 48 bytes.
private struct RecordIndex {
    static let fileName = "records"
    static let key = Array("explainer copy records 1".utf8)

    var entries: [String: Record] = [:]
    var isLoaded = false
    var isDirty = false

    static func encode(_ entries: [String: Record]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 80)
        for (name, record) in entries.sorted(by: { $0.key < $1.key }) where name.utf8.count == 32 {
            out += name.utf8
            out += record.bytes
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [String: Record]? {
        let width = 32 + Record.byteCount
        guard bytes.count % width == 0 else { return nil }
        var entries: [String: Record] = [:]
        entries.reserveCapacity(bytes.count / width)
        var offset = 0
        while offset < bytes.count {
            guard let name = String(validating: bytes[offset..<offset + 32], as: UTF8.self),
                let record = Record(Array(bytes[offset + 32..<offset + width]))
            else { return nil }
            entries[name] = record
            offset += width
        }
        return entries
    }
}

/// What the cache wrote for one entry: the hash of its bytes, and the identity of the file
/// holding them (so a file replaced, truncated or edited since is not it).
private struct Record {
    static let byteCount = 16 + 4 * 8
    var digest: [UInt8]
    var identity: FileIdentity
    var size: Int { identity.size }
    var modified: Int64 { identity.modified }

    init(digest: [UInt8], identity: FileIdentity) {
        self.digest = digest
        self.identity = identity
    }

    /// digest (16 bytes), then size, device, inode and modification time, 8 bytes each.
    var bytes: [UInt8] {
        digest
            + [Int64(size), Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode), identity.modified]
            .flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    init?(_ bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        func number(_ index: Int) -> Int64 {
            (0..<8).reduce(Int64(0)) { $0 | Int64(bytes[16 + 8 * index + $1]) << (8 * Int64($1)) }
        }
        digest = Array(bytes[0..<16])
        identity = FileIdentity(
            device: UInt64(bitPattern: number(1)), inode: UInt64(bitPattern: number(2)), size: Int(number(0)), modified: number(3))
    }
}

/// Which file a path names, and when it last changed: device, inode, size and modification
/// time. A hard link to it (a built site's copy) does not change any of them.
private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: Int64

    init(device: UInt64, inode: UInt64, size: Int, modified: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The identity of the regular file at `path` (not following a symlink), nil for anything else.
    init?(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}
