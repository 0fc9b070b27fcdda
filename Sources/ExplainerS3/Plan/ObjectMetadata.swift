/// The deployer's metadata on every site object (`x-amz-meta-explainer-md5`,
/// `x-amz-meta-explainer-headers`): what the bytes and the headers of the object are, so that
/// a publish knows without reading them whether it must write the object again. ETags are not
/// enough: a multipart upload's is no MD5, and no ETag says anything about headers.
enum ObjectMetadata {
    /// The key of the hex MD5 of the stored bytes (in `ObjectStore` calls, without `x-amz-meta-`).
    static let md5Key = "explainer-md5"
    /// The key of the header fingerprint (`fingerprint(of:)`).
    static let headersKey = "explainer-headers"

    /// The metadata an object with these bytes' MD5 and this header fingerprint carries.
    static func metadata(md5: String, headerFingerprint: String) -> [String: String] {
        [md5Key: md5, headersKey: headerFingerprint]
    }

    /// The header fingerprint: the first 16 hex digits of the SHA-256 of
    /// `contentType \n cacheControl \n contentEncoding` (an absent header is empty).
    static func fingerprint(of headers: ObjectHeaders) -> String {
        let text = headers.contentType + "\n" + (headers.cacheControl ?? "") + "\n" + (headers.contentEncoding ?? "")
        return String(S3Digest.sha256Hex(Array(text.utf8)).prefix(16))
    }

    /// The hex MD5 of `bytes` (what a single-part upload's ETag is).
    static func md5(_ bytes: [UInt8]) -> String {
        S3Digest.md5Hex(bytes)
    }

    /// Whether `text` is a hex MD5 (32 lower-case hex digits).
    static func isMD5(_ text: String) -> Bool {
        text.utf8.count == 32 && isLowercaseHex(text)
    }

    /// Whether `text` is a header fingerprint (16 lower-case hex digits).
    static func isFingerprint(_ text: String) -> Bool {
        text.utf8.count == 16 && isLowercaseHex(text)
    }

    private static func isLowercaseHex(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
