import ExplainerKit

/// The site a rollback publishes: the previous manifest's, each object either in place
/// already or read back from its backup (checked against the manifest's MD5 and header
/// fingerprint). Fails before any change when a backup is missing or does not match.
struct RollbackSource: Sendable {
    let store: any ObjectStore
    let keys: KeySpace
    let parallelism: Int

    func objects(over state: BucketState) async throws(BuildFailure) -> [LocalObject] {
        let (store, keys) = (store, keys)
        let stored: StoredBytes?
        do throws(StoreError) {
            stored = state.hasPreviousManifest ? try await store.get(keys.previousManifest) : nil
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Reading the previous manifest")])
        }
        guard let stored else {
            throw BuildFailure([
                Diagnostic(
                    file: keys.site, message: "There is no previous site to roll back to.",
                    hint: "A rollback restores the site before the last publish; it needs two publishes to this address.")
            ])
        }
        let previous: DeployManifest
        do throws(DeployManifest.Problem) {
            previous = try DeployManifest.decode(stored.bytes)
        } catch {
            var problem = error.warning(at: keys.site + "/" + RemoteSite.stateFolder + "previous/manifest.json")
            problem.severity = .error
            problem.hint = "Nothing was changed. Publish the version you want from its sources instead."
            throw BuildFailure([problem])
        }
        var objects: [LocalObject] = []
        var restore: [(String, DeployManifest.Entry)] = []
        for (path, entry) in previous.objects.sorted(by: { $0.key < $1.key }) {
            if state.remote.holds(path, entry) {
                objects.append(LocalObject(inPlace: path, entry: entry))
            } else {
                restore.append((path, entry))
            }
        }
        let unusable = restore.filter { state.backups[$0.0] == nil }.map(\.0)
        if !unusable.isEmpty { throw Self.noBackup(unusable, site: keys.site) }
        let restored = try await BoundedParallel.map(restore, limit: parallelism) { item throws(BuildFailure) -> LocalObject? in
            let (path, entry) = item
            do throws(StoreError) {
                guard let head = try await store.head(keys.backup(of: path)), let got = try await store.get(keys.backup(of: path)) else {
                    return nil
                }
                let object = LocalObject(path: path, bytes: got.bytes, headers: head.headers)
                return object.md5 == entry.md5 && object.headerFingerprint == entry.headers ? object : nil
            } catch {
                throw BuildFailure([error.diagnostic(site: keys.site, doing: "Reading the backup of \(path)")])
            }
        }
        let bad = zip(restore, restored).compactMap { item, object in object == nil ? item.0 : nil }
        if !bad.isEmpty { throw Self.noBackup(bad, site: keys.site) }
        return objects + restored.compactMap { $0 }
    }

    private static func noBackup(_ paths: [String], site: String) -> BuildFailure {
        BuildFailure([
            Diagnostic(
                file: site,
                message: "The previous site cannot be restored: \(paths.count) backups are missing or changed "
                    + "(\(paths.prefix(3).joined(separator: ", "))).",
                hint: "Publish the version you want from its sources instead (nothing was changed).")
        ])
    }
}
