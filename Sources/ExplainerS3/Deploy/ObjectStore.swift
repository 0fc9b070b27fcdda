/// What the deployer needs from a bucket: the handful of S3 operations a static site's
/// publish uses, addressed by key inside the bucket (the publish prefix already applied by the
/// caller). `S3Client` implements it over HTTP; the tests also use an in-memory store with
/// injected faults. Every call either succeeds or throws a `StoreError` saying what happened;
/// an implementation retries what is worth retrying (5xx, 429, timeouts) itself.
public protocol ObjectStore: Sendable {
    /// Every object whose key starts with `prefix` (all pages of a paginated listing), in key order.
    func list(prefix: String) async throws(StoreError) -> [StoredObject]
    /// The object's headers and user metadata, or nil when there is no such object.
    func head(_ key: String) async throws(StoreError) -> ObjectHead?
    /// The object's bytes and ETag, or nil when there is no such object.
    func get(_ key: String) async throws(StoreError) -> StoredBytes?
    /// Writes the object (one request; `Content-MD5` sent) and returns its new ETag. A failed
    /// `condition` throws `StoreError.preconditionFailed`.
    func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String],
        condition: WriteCondition
    ) async throws(StoreError) -> String
    /// Server-side copy of `source` to `key` with the given headers and metadata (the
    /// `REPLACE` metadata directive): changes headers without sending the bytes again, and
    /// keeps a previous version for a rollback.
    func copy(
        from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]
    ) async throws(StoreError) -> String
    /// Deletes the objects (DeleteObjects in batches of 1,000 with `Content-MD5`); a key that
    /// is already gone is not an error. Throws naming the first key the store refused.
    func delete(_ keys: [String]) async throws(StoreError)
}

/// One object as a listing shows it.
public struct StoredObject: Sendable, Hashable {
    public var key: String
    /// The ETag without its quotes. For a single-part upload it is the hex MD5 of the bytes;
    /// for a multipart one it is not (it ends in `-N`), which is why the deployer keeps its
    /// own MD5 in the metadata.
    public var etag: String
    public var size: Int

    public init(key: String, etag: String, size: Int) {
        self.key = key
        self.etag = etag
        self.size = size
    }
}

/// An object's bytes as `get` returns them.
public struct StoredBytes: Sendable, Hashable {
    public var bytes: [UInt8]
    public var etag: String

    public init(bytes: [UInt8], etag: String) {
        self.bytes = bytes
        self.etag = etag
    }
}

/// What `head` returns: the headers a reader will be served, and the user metadata
/// (`x-amz-meta-*`, keys lower-cased, without the prefix).
public struct ObjectHead: Sendable, Hashable {
    public var etag: String
    public var size: Int
    public var headers: ObjectHeaders
    public var metadata: [String: String]

    public init(etag: String, size: Int, headers: ObjectHeaders, metadata: [String: String]) {
        self.etag = etag
        self.size = size
        self.headers = headers
        self.metadata = metadata
    }
}

/// The headers an object is served with.
public struct ObjectHeaders: Sendable, Hashable {
    /// `text/html; charset=utf-8`.
    public var contentType: String
    /// `public, max-age=31536000, immutable`; nil sends none.
    public var cacheControl: String?
    /// `gzip` when the stored bytes are the gzip of the file; nil otherwise.
    public var contentEncoding: String?

    public init(contentType: String, cacheControl: String? = nil, contentEncoding: String? = nil) {
        self.contentType = contentType
        self.cacheControl = cacheControl
        self.contentEncoding = contentEncoding
    }
}

/// A precondition on a write.
public enum WriteCondition: Sendable, Hashable {
    /// Write whatever is there.
    case none
    /// `If-None-Match: *`: only when there is no object at the key (taking a lock, or the
    /// first manifest).
    case absent
    /// `If-Match: "etag"`: only when the object is still the one read (the manifest).
    case matches(etag: String)
}
