import ExplainerKit
import Synchronization

/// One publish's changes, in the order that keeps the site whole at every moment: the backups
/// of what it replaces (and the previous manifest), the phases (assets, pages, entry files;
/// each bounded-parallel), the deletes (the site's, only once every write succeeded, and stale
/// backups), and last the manifest with `If-Match`: the commit point. Until it is written the
/// manifest in place still describes the site before this publish, so a publish interrupted at
/// any moment is completed by the next one and the previous site stays the one to roll back
/// to. Stops at the first failure, before anything later starts.
struct DeployRun: Sendable {
    let store: any ObjectStore
    let keys: KeySpace
    let options: BucketDeployer.Options

    /// Plans `local` against `state` and, unless it is a dry run, applies the plan.
    func deploy(_ local: [LocalObject], over state: BucketState) async throws(BuildFailure) -> DeployReport {
        let plan = DeployPlanner.plan(local: local, remote: state.remote)
        var report = DeployReport(site: keys.site, dryRun: options.dryRun)
        report.uploaded = plan.uploadCount
        report.headerChanges = plan.headerChangeCount
        report.deleted = plan.deletes.count
        report.unchanged = plan.unchanged.count
        report.warnings = state.warnings
        if options.dryRun {
            report.lines = plan.lines
            do throws(BuildFailure) {
                try DeleteLimit.check(plan, limit: options.maxDeletes, target: keys.site)
            } catch {
                for var refusal in error.diagnostics {
                    refusal.severity = .warning
                    report.warnings.append(refusal)
                }
            }
            return report
        }
        try DeleteLimit.check(plan, limit: options.maxDeletes, target: keys.site)

        let changing = Set(plan.steps.flatMap { ($0.uploads + $0.headerChanges).map(\.path) } + plan.deletes)
        // A publish that changes nothing keeps the previous site as it is: a rollback still
        // goes back past it.
        var backups = BackupPlan()
        if !changing.isEmpty {
            backups = BackupPlan.make(previous: state.manifest, remote: state.remote, changing: changing, backups: state.backups)
            report.warnings += try await keepPrevious(state, backups)
        }

        var etags: [String: String] = [:]
        for step in plan.steps {
            for (path, etag) in try await apply(step) { etags[path] = etag }
        }
        var deletions = plan.deletes.map(keys.key(for:)) + backups.stale.map(keys.backup(of:))
        if state.manifest == nil, state.hasPreviousManifest, !changing.isEmpty { deletions.append(keys.previousManifest) }
        do throws(StoreError) {
            try await store.delete(deletions)
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Deleting \(plan.deletes.count) objects no longer in the site")])
        }
        try await writeManifest(local, state: state, etags: etags)
        return report
    }

    /// Copies the versions a rollback needs to their backup keys, then writes the manifest in
    /// place as `previous/manifest.json`. Returns the warning of versions nothing holds.
    private func keepPrevious(_ state: BucketState, _ plan: BackupPlan) async throws(BuildFailure) -> [Diagnostic] {
        guard let previous = state.manifest, let previousBytes = state.manifestBytes else { return [] }
        let (store, keys) = (store, keys)
        let progress = Progress(phase: "backups", objects: plan.copies.count, bytes: 0, report: options.progress)
        let verified = try await BoundedParallel.map(plan.verify + plan.copies, limit: options.parallelism) {
            path throws(BuildFailure) -> String? in
            let doing = "Keeping the previous version of \(path) for a rollback"
            do throws(StoreError) {
                if plan.verify.contains(path) {
                    guard let head = try await store.head(keys.backup(of: path)), let entry = previous.objects[path] else { return path }
                    let known = head.metadata == ObjectMetadata.metadata(md5: entry.md5, headerFingerprint: entry.headers)
                    return known ? nil : path
                }
                guard let head = try await store.head(keys.key(for: path)) else { return path }
                _ = try await store.copy(
                    from: keys.key(for: path), to: keys.backup(of: path), headers: head.headers, metadata: head.metadata)
                progress.done(bytes: 0)
                return nil
            } catch {
                throw BuildFailure([error.diagnostic(site: keys.site, doing: doing)])
            }
        }
        let missing = plan.missing + verified.compactMap { $0 }
        do throws(StoreError) {
            let same = state.hasPreviousManifest ? try await store.get(keys.previousManifest)?.bytes == previousBytes : false
            if !same {
                _ = try await store.put(
                    keys.previousManifest, bytes: previousBytes, headers: LockKeeper.headers, metadata: [:], condition: .none)
            }
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Keeping the previous manifest for a rollback")])
        }
        guard !missing.isEmpty else { return [] }
        let some = missing.prefix(3).joined(separator: ", ")
        return [
            Diagnostic(
                .warning, file: keys.site,
                message: "\(missing.count) files of the previous site have no backup (\(some)): a rollback cannot restore them.",
                hint: "Nothing to do for this publish; they were changed outside explainer or by an interrupted publish.")
        ]
    }

    /// Uploads and header changes of one phase, bounded-parallel; returns the new ETags.
    private func apply(_ step: DeployPlan.Step) async throws(BuildFailure) -> [(String, String)] {
        let (store, keys) = (store, keys)
        let work = step.uploads.map { ($0, true) } + step.headerChanges.map { ($0, false) }
        let bytes = step.uploads.reduce(0) { $0 + $1.bytes.count }
        let progress = Progress(phase: step.phase.rawValue, objects: work.count, bytes: bytes, report: options.progress)
        return try await BoundedParallel.map(work, limit: options.parallelism) { item throws(BuildFailure) in
            let (object, upload) = item
            let key = keys.key(for: object.path)
            do throws(StoreError) {
                let etag =
                    upload
                    ? try await store.put(key, bytes: object.bytes, headers: object.headers, metadata: object.metadata, condition: .none)
                    : try await store.copy(from: key, to: key, headers: object.headers, metadata: object.metadata)
                progress.done(bytes: upload ? object.bytes.count : 0)
                return (object.path, etag)
            } catch {
                let doing = upload ? "Uploading \(object.path)" : "Changing the headers of \(object.path)"
                throw BuildFailure([error.diagnostic(site: keys.site, doing: doing)])
            }
        }
    }

    /// Writes the manifest of the site now in place, `If-Match` the one read (or
    /// `If-None-Match` when there was none); skipped when it would not change.
    private func writeManifest(_ local: [LocalObject], state: BucketState, etags: [String: String]) async throws(BuildFailure) {
        var entries: [String: DeployManifest.Entry] = [:]
        for object in local {
            let there = state.remote.objects[object.path]
            let etag = etags[object.path] ?? there?.etag ?? ""
            let size = etags[object.path] != nil ? object.bytes.count : there?.size ?? object.bytes.count
            entries[object.path] = DeployManifest.Entry(
                md5: object.md5, headers: object.headerFingerprint, etag: etag, size: size,
                contentType: object.headers.contentType, cacheControl: object.headers.cacheControl,
                contentEncoding: object.headers.contentEncoding)
        }
        let manifest = DeployManifest(objects: entries)
        guard manifest != state.manifest || state.manifestETag == nil else { return }
        let condition: WriteCondition = state.manifestETag.map { .matches(etag: $0) } ?? .absent
        do throws(StoreError) {
            _ = try await store.put(
                keys.manifest, bytes: manifest.encoded(), headers: LockKeeper.headers, metadata: [:], condition: condition)
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Writing the manifest")])
        }
    }
}

/// The progress of one phase, reported as each object is done.
private final class Progress: Sendable {
    private let phase: String
    private let objects: Int
    private let bytes: Int
    private let report: (@Sendable (DeployProgress) -> Void)?
    private let done = Mutex((objects: 0, bytes: 0))

    init(phase: String, objects: Int, bytes: Int, report: (@Sendable (DeployProgress) -> Void)?) {
        (self.phase, self.objects, self.bytes, self.report) = (phase, objects, bytes, report)
    }

    func done(bytes count: Int) {
        guard let report else { return }
        let now = done.withLock { state in
            state.objects += 1
            state.bytes += count
            return state
        }
        report(DeployProgress(phase: phase, objectsDone: now.objects, objectsTotal: objects, bytesDone: now.bytes, bytesTotal: bytes))
    }
}
