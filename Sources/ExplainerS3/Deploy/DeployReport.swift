import ExplainerKit

/// What a publish to a bucket did (or, for a dry run, would do).
public struct DeployReport: Sendable {
    /// `s3://bucket/prefix`.
    public var site: String
    public var dryRun: Bool
    /// A `--rollback`: the site restored is the previous one.
    public var rolledBack = false
    public var uploaded = 0
    public var headerChanges = 0
    public var deleted = 0
    public var unchanged = 0
    /// Every PUT, COPY and DeleteObjects request, the deployer's own objects included.
    public var writes = 0
    /// Bytes sent in PUTs.
    public var bytes = 0
    public var seconds = 0.0
    /// For a dry run: `upload PATH`, `headers PATH`, `delete PATH`, in the order of the publish.
    public var lines: [String] = []
    /// A broken stale lock, a manifest that could not be trusted, a missing backup…
    public var warnings: [Diagnostic] = []

    /// The last line the command prints (part of the CLI's contract: tests parse it).
    public var summary: String {
        if dryRun {
            return "Dry run for \(site), nothing changed: \(uploaded) to upload, \(headerChanges) header changes, "
                + "\(deleted) to delete, \(unchanged) unchanged."
        }
        let time = (seconds * 100).rounded() / 100
        return "Published to \(site): \(uploaded) uploaded, \(headerChanges) header changes, \(deleted) deleted, "
            + "\(unchanged) unchanged, \(writes) writes, \(time.formatted2) s."
    }
}

extension Double {
    /// Two decimals: `1.84`.
    fileprivate var formatted2: String {
        let hundredths = Int((self * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// One moment of a publish, for a progress line: objects and bytes done of the phase's total.
public struct DeployProgress: Sendable, Hashable {
    /// `backups`, `assets`, `pages`, `entries`.
    public var phase: String
    public var objectsDone: Int
    public var objectsTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
}
