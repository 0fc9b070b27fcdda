/// The keys of one published site: its files' objects and the deployer's own objects under
/// `.explainer/`. The only user of `BucketAddress`'s key rules in the engine.
struct KeySpace: Sendable {
    let address: BucketAddress

    /// `s3://bucket/prefix`: the "file" of the engine's diagnostics.
    var site: String { address.description }

    /// What a listing of the whole site (its own objects included) starts with.
    var listPrefix: String { String(address.key(for: "x").dropLast()) }

    func key(for path: String) -> String { address.key(for: path) }

    var lock: String { address.stateKey("lock") }
    var manifest: String { address.stateKey("manifest.json") }
    var previousManifest: String { address.stateKey("previous/manifest.json") }

    /// Where the version of `path` a rollback restores is kept.
    func backup(of path: String) -> String { address.stateKey("previous/objects/" + path) }

    /// What a listed key is: a site file, a backup, or another of the deployer's objects.
    enum Kind: Equatable {
        case site(String)
        case backup(String)
        case state
    }

    func kind(of key: String) -> Kind? {
        guard key.hasPrefix(listPrefix) else { return nil }
        let path = String(key.dropFirst(listPrefix.count))
        let backups = ".explainer/previous/objects/"
        if path.hasPrefix(backups) { return .backup(String(path.dropFirst(backups.count))) }
        return path.hasPrefix(".explainer/") ? .state : .site(path)
    }
}
