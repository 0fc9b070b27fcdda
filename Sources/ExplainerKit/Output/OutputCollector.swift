import Foundation

/// The in-memory sink: keeps every file received, for the callers that need the whole site as
/// values (tests, the preview's incremental writes, publish's checks and deployers).
public final class OutputCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var groups: [[OutputFile]] = []

    public init() {}

    public func receive(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        lock.lock()
        groups.append(files)
        lock.unlock()
    }

    /// Everything received, sorted by path: the same order whatever order it arrived in.
    public func files() -> [OutputFile] {
        var files = groupedFiles()
        // Nearly sorted already (each explainer's files are together): Swift's sort is
        // adaptive and takes such runs at close to linear cost.
        files.sort { $0.path < $1.path }
        return files
    }

    /// Everything received, group by group (groups ordered by their first path, each as it
    /// was received): the same order whatever order the groups arrived in, but not sorted.
    func groupedFiles() -> [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return groups.sorted { $0[0].path < $1[0].path }.flatMap { $0 }
    }
}
