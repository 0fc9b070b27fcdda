import ExplainerKit

@testable import ExplainerS3

/// Objects, buckets and a seeded generator for the plan's tests.
enum PlanFixtures {
    /// The object of `text` at `path` with the standard rules' headers.
    static func object(_ path: String, _ text: String, rules: ObjectHeaderRules = .standard) -> LocalObject {
        LocalObject(
            path: path, bytes: Array(text.utf8),
            headers: ObjectHeaders(contentType: rules.contentType(for: path), cacheControl: rules.cacheControl(for: path)))
    }

    /// The bucket after a publish wrote `objects` (one-part uploads: ETag = MD5), as a
    /// listing below `keyPrefix` and the manifest the publish left.
    static func bucket(holding objects: [LocalObject], keyPrefix: String = "") -> (listing: [StoredObject], manifest: DeployManifest) {
        var manifest = DeployManifest()
        for object in objects { manifest.record(object, etag: object.md5) }
        let listing = objects.map { StoredObject(key: keyPrefix + $0.path, etag: $0.md5, size: $0.bytes.count) }
        return (listing.sorted { $0.key < $1.key }, manifest)
    }

    /// The remote site that holds exactly `objects`, as the manifest proves it.
    static func remote(holding objects: [LocalObject]) -> RemoteSite {
        let bucket = bucket(holding: objects)
        return RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: bucket.manifest)
    }

    /// What a HEAD of `object` answers once a publish wrote it.
    static func head(of object: LocalObject) -> ObjectHead {
        ObjectHead(etag: object.md5, size: object.bytes.count, headers: object.headers, metadata: object.metadata)
    }
}

/// SplitMix64: the same seed, the same cases.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
