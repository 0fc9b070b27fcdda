/// The site the bucket holds, reconciled from one listing and the last publish's manifest: a
/// listed object whose ETag and size are the manifest's is the object the manifest describes;
/// any other is unknown until a HEAD reads its metadata (`pathsToHead`, `resolve`). Keys
/// under the deployer's own `.explainer/` are not the site's.
struct RemoteSite: Sendable, Hashable {
    /// Every site object of the bucket, by site path.
    private(set) var objects: [String: RemoteObject]
    /// The paths whose MD5 and fingerprint neither the manifest nor a HEAD proved yet.
    private(set) var unknown: Set<String>

    /// The deployer's folder inside the prefix.
    static let stateFolder = ".explainer/"

    init(objects: [String: RemoteObject] = [:], unknown: Set<String> = []) {
        self.objects = objects
        self.unknown = unknown
    }

    /// The site `listing` shows below `keyPrefix` (`""`, or the prefix with its slash:
    /// `news/`), with what `manifest` proves (nil: no manifest, or one not trusted).
    static func reconcile(listing: [StoredObject], keyPrefix: String, manifest: DeployManifest?) -> RemoteSite {
        var site = RemoteSite()
        site.objects.reserveCapacity(listing.count)
        for stored in listing where stored.key.hasPrefix(keyPrefix) {
            let path = String(stored.key.dropFirst(keyPrefix.count))
            guard !path.isEmpty, !path.hasPrefix(stateFolder) else { continue }
            if let entry = manifest?.objects[path], entry.etag == stored.etag, entry.size == stored.size {
                site.objects[path] = RemoteObject(
                    path: path, etag: stored.etag, size: stored.size, md5: entry.md5, headerFingerprint: entry.headers)
            } else {
                site.objects[path] = RemoteObject(path: path, etag: stored.etag, size: stored.size)
                site.unknown.insert(path)
            }
        }
        return site
    }

    /// The unknown paths worth a HEAD: those the build has an object for (the others are
    /// deleted whatever they hold), sorted.
    func pathsToHead(for local: [LocalObject]) -> [String] {
        local.lazy.map(\.path).filter { unknown.contains($0) }.sorted()
    }

    /// Takes what a HEAD of `path` answered: its metadata's MD5 and fingerprint (for an
    /// object no publish wrote: the ETag when it is an MD5, the fingerprint of its headers);
    /// nil when the object is gone since the listing.
    mutating func resolve(_ path: String, head: ObjectHead?) {
        guard var object = objects[path] else { return }
        unknown.remove(path)
        guard let head else {
            objects[path] = nil
            return
        }
        let md5 = head.metadata[ObjectMetadata.md5Key]
        let fingerprint = head.metadata[ObjectMetadata.headersKey]
        object.etag = head.etag
        object.size = head.size
        object.md5 = md5.flatMap { ObjectMetadata.isMD5($0) ? $0 : nil } ?? (ObjectMetadata.isMD5(head.etag) ? head.etag : nil)
        object.headerFingerprint =
            fingerprint.flatMap { ObjectMetadata.isFingerprint($0) ? $0 : nil } ?? ObjectMetadata.fingerprint(of: head.headers)
        objects[path] = object
    }

    /// Whether the object at `path` is known to hold the bytes and headers `entry` records.
    func holds(_ path: String, _ entry: DeployManifest.Entry) -> Bool {
        guard let object = objects[path] else { return false }
        return object.md5 == entry.md5 && object.headerFingerprint == entry.headers
    }
}
