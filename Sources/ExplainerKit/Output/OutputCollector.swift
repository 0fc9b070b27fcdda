import Foundation

/// The in-memory sink: keeps every file received, for the callers that need the whole site as
/// values (tests, the preview's incremental writes, publish's checks and deployers).
public final class OutputCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    public init() {}

    public func receive(_ files: [OutputFile]) {
        lock.lock()
        collected += files
        lock.unlock()
    }

    /// Everything received, sorted by path: the same order whatever order it arrived in.
    public func files() -> [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        collected.sort { $0.path < $1.path }
        return collected
    }
}
