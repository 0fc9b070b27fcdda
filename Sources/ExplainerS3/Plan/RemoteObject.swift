/// One site object of the bucket as far as a publish knows it: from the listing (ETag, size),
/// and its MD5 and header fingerprint when the manifest or a HEAD proved them.
struct RemoteObject: Sendable, Hashable {
    /// The site path (the key without the bucket prefix).
    var path: String
    var etag: String
    var size: Int
    /// Hex MD5 of the stored bytes; nil while unknown (then the object is written again).
    var md5: String?
    /// The header fingerprint; nil while unknown (then the headers are written again).
    var headerFingerprint: String?
}
