import ExplainerKit

/// What a publish reads before it changes anything: one listing, the manifest with its ETag,
/// and the metadata of the site objects the manifest does not vouch for.
struct BucketState: Sendable {
    var remote: RemoteSite
    /// The manifest, when it is there and readable.
    var manifest: DeployManifest?
    /// Its bytes as stored (compared with `previous/manifest.json`'s).
    var manifestBytes: [UInt8]?
    /// Its ETag, for the `If-Match` of the new one; nil when there is none (`If-None-Match`).
    var manifestETag: String?
    /// The backups there are, by site path.
    var backups: [String: StoredObject]
    var hasPreviousManifest: Bool
    var warnings: [Diagnostic]

    /// Reads the state of the site at `keys`, HEADs at most `parallelism` at a time.
    static func read(store: any ObjectStore, keys: KeySpace, parallelism: Int) async throws(BuildFailure) -> BucketState {
        let listing: [StoredObject]
        let stored: StoredBytes?
        do throws(StoreError) {
            listing = try await store.list(prefix: keys.listPrefix)
            stored = try await store.get(keys.manifest)
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Reading the bucket")])
        }
        var site: [String: StoredObject] = [:]
        var backups: [String: StoredObject] = [:]
        var hasPrevious = false
        for object in listing {
            switch keys.kind(of: object.key) {
            case .site(let path): site[path] = object
            case .backup(let path): backups[path] = object
            case .state: hasPrevious = hasPrevious || object.key == keys.previousManifest
            case nil: break
            }
        }
        var warnings: [Diagnostic] = []
        var manifest: DeployManifest?
        if let stored {
            do throws(DeployManifest.Problem) {
                manifest = try DeployManifest.decode(stored.bytes)
            } catch {
                warnings.append(error.warning(at: keys.site + "/" + RemoteSite.stateFolder + "manifest.json"))
            }
        }
        // A publish writes the manifest in place as the previous one before it changes the site,
        // and a new manifest once it is done: the two alike mean that publish was interrupted,
        // and its header changes (CopyObject keeps the ETag) make the ETags no proof of state.
        var interrupted = false
        if hasPrevious, let stored {
            do throws(StoreError) {
                interrupted = try await store.get(keys.previousManifest)?.bytes == stored.bytes
            } catch {
                throw BuildFailure([error.diagnostic(site: keys.site, doing: "Reading the previous manifest")])
            }
        }
        var remote = RemoteSite.reconcile(
            listing: site.map { StoredObject(key: $0.key, etag: $0.value.etag, size: $0.value.size) }, keyPrefix: "",
            manifest: interrupted ? nil : manifest)
        let heads = try await BoundedParallel.map(remote.unknown.sorted(), limit: parallelism) {
            path throws(BuildFailure) -> (String, ObjectHead?) in
            do throws(StoreError) {
                return (path, try await store.head(keys.key(for: path)))
            } catch {
                throw BuildFailure([error.diagnostic(site: keys.site, doing: "Reading the metadata of \(path)")])
            }
        }
        for (path, head) in heads { remote.resolve(path, head: head) }
        return BucketState(
            remote: remote, manifest: manifest, manifestBytes: stored?.bytes, manifestETag: stored?.etag, backups: backups,
            hasPreviousManifest: hasPrevious, warnings: warnings)
    }
}
