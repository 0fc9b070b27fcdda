import Foundation

/// The in-memory sink: keeps every file received, for the callers that need the whole site as
/// values (tests, the preview's incremental writes, publish's checks and deployers).
final class OutputCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    /// The groups received, each sorted by path, with its first path.
    private var groups: [(first: String, files: [OutputFile])] = []

    init() {}

    func receive(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        // Sorted here, on the builder's thread, so that `files()` only has to order the groups
        // (the builder sends them sorted already: then the array is kept as it is, not copied).
        var sortedAlready = true
        for i in files.indices.dropFirst() where !(files[i - 1].path < files[i].path) {
            sortedAlready = false
            break
        }
        let group = sortedAlready ? files : files.sorted { $0.path < $1.path }
        lock.lock()
        groups.append((group[0].path, group))
        lock.unlock()
    }

    /// Everything received, sorted by path: the same order whatever order it arrived in.
    ///
    /// Each group is sorted as it arrives; the groups are then ordered by their first path.
    /// When no two groups' paths interleave (the builder sends each explainer's files, each
    /// listing page and each site-wide file as a group of its own) that is the whole order, and
    /// sorting 70,000 paths becomes sorting 10,000 groups. Otherwise the files are sorted.
    func files() -> [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        groups.sort { $0.first < $1.first }
        var files: [OutputFile] = []
        files.reserveCapacity(groups.reduce(0) { $0 + $1.files.count })
        var interleaved = false
        for group in groups {
            if let last = files.last, !(last.path < group.first) { interleaved = true }
            files += group.files
        }
        if interleaved { files.sort { $0.path < $1.path } }
        return files
    }
}
