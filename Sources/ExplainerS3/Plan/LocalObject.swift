import ExplainerKit

/// One object a publish wants in the bucket: a file of the build at its site path, the bytes
/// to store (the build's `.gz` bytes when it is stored gzipped), the headers it is served with,
/// and the two values its metadata carries.
package struct LocalObject: Sendable, Hashable {
    /// The site path (`russia-taliban/index.html`); the key is the bucket prefix plus it.
    package var path: String
    /// The bytes stored.
    package var bytes: [UInt8]
    package var headers: ObjectHeaders
    /// The hex MD5 of `bytes`.
    package var md5: String
    /// `ObjectMetadata.fingerprint(of: headers)`.
    package var headerFingerprint: String

    /// The object of `bytes` at `path` with `headers`; the MD5 and fingerprint computed.
    package init(path: String, bytes: [UInt8], headers: ObjectHeaders) {
        self.path = path
        self.bytes = bytes
        self.headers = headers
        self.md5 = ObjectMetadata.md5(bytes)
        self.headerFingerprint = ObjectMetadata.fingerprint(of: headers)
    }

    /// An object already in the bucket as `entry` records it, for a rollback that leaves it
    /// in place: its state without its bytes (the plan finds it unchanged and sends nothing).
    init(inPlace path: String, entry: DeployManifest.Entry) {
        self.path = path
        self.bytes = []
        self.headers = entry.objectHeaders
        self.md5 = entry.md5
        self.headerFingerprint = entry.headers
    }

    /// The user metadata to write with the object (`explainer-md5`, `explainer-headers`).
    package var metadata: [String: String] {
        ObjectMetadata.metadata(md5: md5, headerFingerprint: headerFingerprint)
    }

    /// When the object goes live (`SiteFileRole`: assets, then pages, then entry files).
    package var role: SiteFileRole { SiteFileRole.of(path) }
}
