import Synchronization

/// Where the media stage keeps what it encoded: the cache on disk (`MediaCache`, shared by
/// builds, the preview and publish), or, without one, memory for the length of one build.
/// Either way, bytes go in by `MediaCacheKey` and come out the same, or not at all.
final class MediaStore: Sendable {
    private let disk: MediaCache?
    private let memory = Mutex<[MediaCacheKey: [UInt8]]>([:])
    /// The cache's files found intact in this build, by key (each is looked up twice: whether
    /// it is there, then to link it).
    private let verified = Mutex<[MediaCacheKey: String]>([:])

    init(disk: MediaCache?) {
        self.disk = disk
    }

    /// The bytes stored for `key`, if any (a damaged entry on disk is not returned).
    func bytes(for key: MediaCacheKey) -> [UInt8]? {
        if let bytes = memory.withLock({ $0[key] }) { return bytes }
        return disk?.bytes(for: key)
    }

    /// Whether an entry for `key` is there, and its file is the one the cache wrote.
    func contains(_ key: MediaCacheKey) -> Bool {
        if memory.withLock({ $0[key] != nil }) { return true }
        return file(for: key) != nil
    }

    /// The file on disk holding `key`'s bytes, checked, to link (nil without a cache on disk).
    func file(for key: MediaCacheKey) -> String? {
        if let known = verified.withLock({ $0[key] }) { return known }
        guard let file = disk?.file(for: key) else { return nil }
        verified.withLock { $0[key] = file }
        return file
    }

    /// Keeps `bytes` for `key`: on disk when there is a cache (memory is not used then, so a
    /// build of thousands of photos stays small), else in memory.
    func store(_ bytes: [UInt8], for key: MediaCacheKey) {
        if let disk {
            disk.store(bytes, for: key)
        } else {
            memory.withLock { $0[key] = bytes }
        }
    }

    /// Starts a build: what an earlier one found intact is looked at again.
    func begin() {
        verified.withLock { $0 = [:] }
    }

    /// Saves the header index (at the end of a build).
    func finish() {
        disk?.saveHeaders()
    }

    /// The probe remembered for the file with this stamp, if any.
    func header(for stamp: FileStamp?) -> (hash: String, header: ImageHeader)? {
        guard let stamp else { return nil }
        return disk?.header(for: stamp)
    }

    func storeHeader(_ header: ImageHeader, hash: String, for stamp: FileStamp?) {
        guard let stamp else { return }
        disk?.storeHeader(hash: hash, header: header, for: stamp)
    }
}
