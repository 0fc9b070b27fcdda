import ExplainerKit
import Foundation

/// The preview's builder: makes the first build, then turns each batch of changed source
/// files into an incremental rebuild, brings the output folder up to date in place, and tells
/// open pages what to do.
///
/// Rebuilds run one at a time (it is an actor). A failed rebuild changes nothing on disk: the
/// last good build keeps being served while pages show the diagnostics. A good build's
/// warnings are shown on open pages too (`LiveReloadEvent.warnings`).
///
/// The session holds the output folder's `OutputLock` from its first build until it ends, so
/// no build, publish or other preview writes the folder it writes and serves. If another
/// process holds the lock, the build fails saying so, and each later change tries again.
public actor PreviewSession {
    /// What one rebuild did.
    public struct Rebuild: Sendable {
        /// The source files that changed (as the watcher reported them).
        public var changed: [String]
        /// Output files written, and removed.
        public var written: [String]
        public var removed: [String]
        /// How the cache was used: articles rendered anew vs reused.
        public var statistics: BuildCache.Statistics
        /// What open pages were told (nil when nothing they show changed).
        public var event: LiveReloadEvent?
        public var milliseconds: Double
        /// When open pages were told (before the search index was made again, with search on).
        public var shownMilliseconds: Double? = nil
        /// Warnings of the build.
        public var warnings: [Diagnostic]

        /// Pages (HTML files) written.
        public var pagesWritten: Int { written.filter { $0.hasSuffix(".html") }.count }
    }

    /// The outcome of a batch of changes.
    public enum Outcome: Sendable {
        case rebuilt(Rebuild)
        case failed(changed: [String], failure: BuildFailure, milliseconds: Double)
    }

    public let runner: BuildRunner
    public let liveReload: LiveReload
    private let cache = BuildCache()
    /// What the output folder holds, sorted by path; nil until a build succeeded.
    private var current: [OutputFile]?
    private var failing = false
    /// Whether the next rebuild must look at every source file (changes may have gone unseen).
    private var scanEverything = false
    /// The output folder's lock, once taken: held until the session ends.
    private var outputLock: OutputLock?

    /// The base path the site is served under: the last good build's (`SiteBuild.basePath`).
    public let basePath: BasePath.Current

    public init(runner: BuildRunner, liveReload: LiveReload, basePath: BasePath.Current = BasePath.Current()) {
        self.runner = runner
        self.liveReload = liveReload
        self.basePath = basePath
    }

    deinit {
        outputLock?.release()
    }

    /// The first build: built in memory through the cache, then written as a whole folder
    /// (like `explainer build`) under the session's lock of the output folder.
    public func initialBuild() throws(BuildFailure) -> SiteBuild {
        do throws(BuildFailure) {
            if outputLock == nil { outputLock = try OutputLock(for: runner.paths.output, holder: .preview) }
            let unsafe = runner.checkSafe()
            if !unsafe.isEmpty { throw BuildFailure(unsafe) }
            let build = try runner.buildInMemory(cache: cache)
            try SiteWriter(outputPath: runner.paths.output).write(build.files, keepingPreviousAt: nil, holding: outputLock)
            current = build.files
            if build.search != nil, var files = current {
                defer { current = files }
                _ = try write(build, over: &files)
            }
            failing = false
            basePath.basePath = BasePath(path: build.basePath)
            liveReload.broadcast(.warnings(build.warnings))
            return build
        } catch {
            failing = true
            liveReload.broadcast(.error(error.diagnostics))
            throw error
        }
    }

    /// Rebuilds after `changed` source files changed; nil when none of them is a source.
    public func rebuild(_ changed: Set<String>) -> Outcome? {
        let relevant = changed.filter(isSource).sorted()
        guard !relevant.isEmpty else { return nil }
        let start = ContinuousClock.now
        func elapsed() -> Double { PreviewServer.milliseconds(since: start) }
        guard var files = current else {
            // No good build yet: make a whole one.
            do {
                let build = try initialBuild()
                let rebuild = Rebuild(
                    changed: relevant, written: build.files.map(\.path), removed: [],
                    statistics: cache.statistics, event: .reload, milliseconds: elapsed(), warnings: build.warnings)
                liveReload.broadcast(.reload)
                return .rebuilt(rebuild)
            } catch {
                return .failed(changed: relevant, failure: error, milliseconds: elapsed())
            }
        }
        let changedSources: Set<String>? = scanEverything ? nil : Set(relevant)
        scanEverything = false
        let build: SiteBuild
        do {
            build = try runner.buildInMemory(cache: cache, changed: changedSources)
        } catch {
            failing = true
            liveReload.broadcast(.error(error.diagnostics))
            return .failed(changed: relevant, failure: error, milliseconds: elapsed())
        }
        var changes: InPlaceWriter.Changes
        do {
            changes = try writePages(build, over: &files)
        } catch {
            current = files
            failing = true
            liveReload.broadcast(.error(error.diagnostics))
            return .failed(changed: relevant, failure: error, milliseconds: elapsed())
        }
        current = files
        basePath.basePath = BasePath(path: build.basePath)
        let event: LiveReloadEvent?
        let touched = changes.written + changes.removed
        if touched.isEmpty {
            event = failing ? .reload : nil
        } else if touched.allSatisfy({ $0.hasSuffix(".css") }) {
            event = failing ? .reload : .css
        } else {
            event = .reload
        }
        failing = false
        // Warnings first: a page the event reloads is sent them again when it reconnects.
        liveReload.broadcast(.warnings(build.warnings))
        if let event { liveReload.broadcast(event) }
        let shown = elapsed()
        // Then the search index, which Pagefind makes of the whole folder (the slow part with
        // search on): the edited pages are already shown, searched through the old bundle
        // meanwhile. The next rebuild waits for it.
        if build.search != nil {
            do {
                let indexed = try writeIndex(build, over: &files)
                changes.written += indexed.written
                changes.removed += indexed.removed
                current = files
            } catch {
                current = files
                failing = true
                liveReload.broadcast(.error(error.diagnostics))
                return .failed(changed: relevant, failure: error, milliseconds: elapsed())
            }
        }
        return .rebuilt(
            Rebuild(
                changed: relevant, written: changes.written, removed: changes.removed,
                statistics: cache.statistics, event: event, milliseconds: elapsed(), shownMilliseconds: shown,
                warnings: build.warnings))
    }

    /// Brings the output folder from `files` (what it holds) to `build`'s files and, with search
    /// on, the search bundle of its pages (`writePages`, then `writeIndex`).
    private func write(_ build: SiteBuild, over files: inout [OutputFile]) throws(BuildFailure) -> InPlaceWriter.Changes {
        var changes = try writePages(build, over: &files)
        guard build.search != nil else { return changes }
        let indexed = try writeIndex(build, over: &files)
        changes.written += indexed.written
        changes.removed += indexed.removed
        return changes
    }

    /// Brings the output folder's pages from `files` (what it holds) to `build`'s; with search
    /// on, the bundle the folder holds is kept as it is.
    private func writePages(_ build: SiteBuild, over files: inout [OutputFile]) throws(BuildFailure) -> InPlaceWriter.Changes {
        let writer = InPlaceWriter(outputPath: runner.paths.output)
        guard build.search != nil else { return try writer.update(&files, to: build.files) }
        let held = files.filter { $0.path.hasPrefix(SiteSearch.bundleFolder) }
        return try writer.update(&files, to: SiteSearch.merging(build.files, held))
    }

    /// Indexes the output folder (whose pages are `build`'s) and brings its bundle up to date.
    private func writeIndex(_ build: SiteBuild, over files: inout [OutputFile]) throws(BuildFailure) -> InPlaceWriter.Changes {
        let bundle = try build.searchBundle(indexingFolder: runner.paths.output)
        return try InPlaceWriter(outputPath: runner.paths.output).update(&files, to: SiteSearch.merging(build.files, bundle))
    }

    /// Makes the next rebuild look at every source file, not only those the watcher names
    /// (for changes made while nothing watched).
    public func scanEverythingNext() {
        scanEverything = true
    }

    /// Whether a changed path can affect the build (editors' swap and backup files cannot).
    func isSource(_ path: String) -> Bool {
        if path == "*" { return true }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        // Everything else in Content/ is a source too: a file that is not built is reported.
        return !ContentNames.isScratch(name)
    }
}
