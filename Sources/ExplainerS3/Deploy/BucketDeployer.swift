import ExplainerKit

/// `explainer publish --to s3://…`: puts a built site in a bucket so that readers never see a
/// page whose links lead nowhere, and so that a publish interrupted at any moment is completed
/// by the next one. It takes the lock, reads the bucket once (listing, manifest, the metadata
/// the manifest does not vouch for), plans (`DeployPlanner`), checks `--max-deletes` before
/// any change, then runs `DeployRun`, and releases the lock, also when it fails.
public struct BucketDeployer: Sendable {
    /// How the publish runs.
    public struct Options: Sendable {
        /// Plan and report only: no lock, no write.
        public var dryRun: Bool
        /// The most site objects a publish may delete; more fails it before any change.
        public var maxDeletes: Int
        /// Replace a lock even when its publish may be running.
        public var breakLock: Bool
        /// Requests at once (uploads, copies, HEADs).
        public var parallelism: Int
        /// Called as objects are done (from any task).
        public var progress: (@Sendable (DeployProgress) -> Void)?

        public init(
            dryRun: Bool = false, maxDeletes: Int = 256, breakLock: Bool = false, parallelism: Int = 16,
            progress: (@Sendable (DeployProgress) -> Void)? = nil
        ) {
            self.dryRun = dryRun
            self.maxDeletes = maxDeletes
            self.breakLock = breakLock
            self.parallelism = max(1, parallelism)
            self.progress = progress
        }
    }

    let store: any ObjectStore
    let keys: KeySpace
    let options: Options
    /// This process, for the lock (tests give another host, pid or clock).
    var identity = DeployLock.Identity.current

    public init(store: any ObjectStore, bucket: BucketAddress, options: Options = Options()) {
        self.store = store
        self.keys = KeySpace(address: bucket)
        self.options = options
    }

    /// Publishes the files of a production build (checked already).
    public func publish(_ build: SiteBuild) async throws(BuildFailure) -> DeployReport {
        try await publish(objects: LocalObjects.make(from: build))
    }

    /// Publishes `objects` as the whole site.
    func publish(objects: [LocalObject]) async throws(BuildFailure) -> DeployReport {
        try await run { _, _ in objects }
    }

    /// Restores the site of the previous publish exactly, from `.explainer/previous/`: itself a
    /// publish, so the site it replaces becomes the previous one (a second rollback returns).
    public func rollback() async throws(BuildFailure) -> DeployReport {
        var report = try await run { store, state throws(BuildFailure) in
            try await RollbackSource(store: store, keys: keys, parallelism: options.parallelism).objects(over: state)
        }
        report.rolledBack = true
        return report
    }

    /// Locks (unless a dry run), reads the state, deploys what `source` gives, unlocks.
    private func run(
        _ source: (any ObjectStore, BucketState) async throws(BuildFailure) -> [LocalObject]
    ) async throws(BuildFailure) -> DeployReport {
        let clock = ContinuousClock()
        let start = clock.now
        let counting = CountingStore(store)
        let keeper = LockKeeper(store: counting, keys: keys, identity: identity)
        var lock: DeployLock?
        var warnings: [Diagnostic] = []
        if !options.dryRun {
            let (taken, broke) = try await keeper.acquire(breaking: options.breakLock)
            lock = taken
            warnings = broke
        }
        var report: DeployReport
        do throws(BuildFailure) {
            let state = try await BucketState.read(store: counting, keys: keys, parallelism: options.parallelism)
            let objects = try await source(counting, state)
            report = try await DeployRun(store: counting, keys: keys, options: options).deploy(objects, over: state)
        } catch {
            let released = if let lock { await keeper.release(lock) } else { [Diagnostic]() }
            throw BuildFailure(warnings + error.diagnostics + released)
        }
        if let lock { report.warnings += await keeper.release(lock) }
        report.warnings = warnings + report.warnings
        report.writes = counting.writes
        report.bytes = counting.bytes
        let elapsed = clock.now - start
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }
}
