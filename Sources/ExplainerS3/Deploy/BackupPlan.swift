/// Which versions of the previous site (the manifest in place when a publish starts) to keep
/// under `.explainer/previous/objects/` for a rollback, decided from the state read. Pure.
///
/// A version is needed when this publish replaces or deletes its path, or when the path does
/// not hold it any more (a publish that was interrupted replaced it; its backup was made then).
/// While the path holds the version it is copied (again, if an interrupted publish did it
/// already: an ETag does not tell headers apart); otherwise the backup there is checked by its
/// metadata. Backups no version needs are stale, deleted last.
struct BackupPlan: Sendable, Equatable {
    /// Site paths to copy to their backup key now, before anything changes.
    var copies: [String] = []
    /// Paths whose backup is there with another ETag: their metadata says whether it holds
    /// the version.
    var verify: [String] = []
    /// Versions nothing holds any more: a rollback cannot restore these.
    var missing: [String] = []
    /// Backups of paths no version needs.
    var stale: [String] = []

    static func make(
        previous: DeployManifest?, remote: RemoteSite, changing: Set<String>, backups: [String: StoredObject]
    ) -> BackupPlan {
        var plan = BackupPlan()
        var needed = Set<String>()
        for (path, entry) in previous?.objects ?? [:] {
            let holds = remote.holds(path, entry)
            guard changing.contains(path) || !holds else { continue }
            needed.insert(path)
            if holds {
                plan.copies.append(path)
            } else if backups[path] != nil {
                plan.verify.append(path)
            } else {
                plan.missing.append(path)
            }
        }
        plan.copies.sort()
        plan.verify.sort()
        plan.missing.sort()
        plan.stale = backups.keys.filter { !needed.contains($0) }.sorted()
        return plan
    }
}
