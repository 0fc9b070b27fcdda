import Foundation

/// The in-memory sink: keeps every file received, for the callers that need the whole site as
/// values (tests, the preview's incremental writes, publish's checks and deployers).
public final class OutputCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var groups: [[OutputFile]] = []

    public init() {}

    public func receive(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        // Sorted here, on the builder's thread, so that `files()` only has to order the groups.
        let sorted = files.sorted { $0.path < $1.path }
        lock.lock()
        groups.append(sorted)
        lock.unlock()
    }

    /// Everything received, sorted by path: the same order whatever order it arrived in.
    ///
    /// Each group is sorted as it arrives; the groups are then ordered by their first path.
    /// When no two groups' paths interleave (the builder sends each explainer's files, each
    /// listing page and each site-wide file as a group of its own) that is the whole order, and
    /// sorting 70,000 paths becomes sorting 10,000 groups. Otherwise the files are sorted.
    public func files() -> [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        let ordered = groups.sorted { $0[0].path < $1[0].path }
        var files: [OutputFile] = []
        files.reserveCapacity(ordered.reduce(0) { $0 + $1.count })
        var interleaved = false
        for group in ordered {
            if let last = files.last, !(last.path < group[0].path) { interleaved = true }
            files += group
        }
        if interleaved { files.sort { $0.path < $1.path } }
        return files
    }
}
