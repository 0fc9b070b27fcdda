/// Where a build's output files go as soon as they are made, instead of all being held in
/// memory until the end: `SiteBuilder` hands each explainer's pages to its sink as they are
/// templated, so a 10,000-explainer site never has all its HTML in memory at once.
///
/// `receive` is called from many threads at once, with disjoint groups of files (no path is
/// received twice); a sink decides the order things land in, not the builder. The builder does
/// no I/O itself: `OutputCollector` keeps the files in memory, `StagingFolder` writes them to
/// disk.
protocol OutputSink: Sendable {
    /// Takes some files of the build (safe or not: the sink checks `OutputFile.isSafe`).
    func receive(_ files: [OutputFile])
    /// Whether it takes files by `OutputFile.linkedFrom` (it writes to disk, and links them).
    var linksFiles: Bool { get }
}

extension OutputSink {
    var linksFiles: Bool { false }
}
