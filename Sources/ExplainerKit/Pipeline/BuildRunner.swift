import Foundation

/// Runs the pipeline against real folders: reads the sources, builds in memory, and writes
/// the output folder atomically. The `build` command is a thin wrapper around this.
public struct BuildRunner: Sendable {
    /// Where a build reads and writes.
    public struct Paths: Sendable, Hashable {
        package var content: String
        package var templates: String
        package var output: String
        /// The media cache (`.explainer-cache/`); nil keeps what a build encodes in memory only.
        package var cache: String?

        /// The media cache's folder unless told otherwise, in the folder explainer runs in.
        public static let defaultCacheFolder = ".explainer-cache"

        public init(
            content: String = "Content", templates: String = "Templates", output: String = "Public",
            cache: String? = Paths.defaultCacheFolder
        ) {
            self.content = content
            self.templates = templates
            self.output = output
            self.cache = cache
        }
    }

    /// What a successful build into the output folder did.
    public struct Report: Sendable {
        public var articles: Int
        public var pages: Int
        public var files: Int
        public var warnings: [Diagnostic]
        public var seconds: Double
        /// Explainers whose pages were taken from the output folder already there (the build
        /// cache, `DiskMemo`, knew they had not changed) instead of being templated again.
        public var reused: Int = 0
        /// Nothing the site is made of changed since the last build into this output folder,
        /// which was still as that build left it: it was left alone (the report is that build's).
        public var unchanged: Bool = false
        /// What was built (nil when `unchanged`: nothing was).
        var summary: BuildSummary?
    }

    package var paths: Paths
    var settings: BuildSettings
    /// Makes the explainers' images, through the cache on disk (`paths.cache`).
    let media: MediaStage
    /// Where Pagefind is looked for (`Pagefind.locate`): the process's environment.
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    /// - Parameter progress: told how the encoding of images goes (done, total), for a
    ///   terminal; nil says nothing.
    package init(paths: Paths = Paths(), settings: BuildSettings = BuildSettings(), progress: MediaStage.Progress? = nil) {
        self.paths = paths
        self.settings = settings
        media = MediaStage(cacheFolder: paths.cache.map { FolderPath($0).appending("media") }, progress: progress)
    }

    public init(paths: Paths = Paths(), settings: BuildSettings = BuildSettings()) {
        self.init(paths: paths, settings: settings, progress: nil)
    }

    /// Builds in memory only (nothing is written), reading every source file; with search on,
    /// the files hold the search bundle (the pages indexed in a temporary folder).
    func buildInMemory() throws(BuildFailure) -> SiteBuild {
        let sources = try SiteSourceReader.read(content: paths.content, templates: paths.templates)
        let search = try prepareSearch(sources)
        var build = try SiteBuilder.build(consume sources, settings: settings, media: media)
        if let search {
            let bundle = try search.bundle(indexing: build.files)
            build.files = SiteSearch.merging(build.files, bundle)
            build.summary.fileCount += bundle.count
            build.summary.warnings += search.warnings
        }
        return build
    }

    /// Builds in memory through `cache` (the preview's), reusing and updating it.
    /// `changed`: the source paths that changed since the cache's last build, as the watcher
    /// reports them (only those articles are read again); nil checks every file. The files
    /// hold no search bundle: the preview indexes its folder (`SiteBuild.searchBundle`).
    package func buildInMemory(cache: BuildCache, changed: Set<String>? = nil) throws(BuildFailure) -> SiteBuild {
        let sources = try SiteSourceReader.read(
            content: paths.content, templates: paths.templates, cache: cache.sourceFiles, changed: changed)
        let search = try prepareSearch(sources)
        var build = try SiteBuilder.build(consume sources, settings: settings, memo: cache, media: media)
        build.search = search
        build.summary.warnings += search?.warnings ?? []
        return build
    }

    /// Search for the site of `sources` (nil when off); throws when it is on and Pagefind is
    /// missing: before anything is built or written.
    private func prepareSearch(_ sources: borrowing SiteSources) throws(BuildFailure) -> SiteSearch? {
        try SiteSearch.prepare(config: sources.config, settings: settings, environment: environment)
    }

    /// Checks that the output folder can be written without harming the sources, and that the
    /// media cache is where no build replaces or publishes it; with `ownership`, also that the
    /// output folder holds only what a build wrote (its manifest read).
    package func checkSafe(ownership: Bool = true) -> [Diagnostic] {
        // A cache that is misplaced is reported once, as such, not again as an overlap.
        let cacheProblems = paths.cache.flatMap(cacheProblem).map { [$0] } ?? []
        let protected = [paths.content, paths.templates] + (cacheProblems.isEmpty ? paths.cache.map { [$0] } ?? [] : [])
        return cacheProblems + SiteWriter(outputPath: paths.output).checkSafe(protecting: protected, ownership: ownership)
    }

    /// Why the media cache cannot be at `cache`: in the output folder, which every build
    /// replaces, or in the content or templates folder, whose files are read as the site's
    /// (but in a dot-folder there, which the build never reads).
    private func cacheProblem(_ cache: String) -> Diagnostic? {
        let canonical = FileSystem.canonical(cache)
        func holds(_ folder: String, unlessHidden: Bool) -> Bool {
            let folder = FileSystem.canonical(folder)
            guard FolderPath(folder).holds(canonical) else { return false }
            return !unlessHidden || !canonical.dropFirst(folder.count).split(separator: "/").contains { $0.hasPrefix(".") }
        }
        let folders = [
            (paths.output, "output", "which every build replaces", false), (paths.content, "content", "whose files are published", true),
            (paths.templates, "templates", "whose assets are published", true),
        ]
        guard let (folder, name, why, _) = folders.first(where: { holds($0.0, unlessHidden: $0.3) }) else { return nil }
        return Diagnostic(
            file: cache, message: "The media cache \(cache) is in the \(name) folder \(folder), \(why).",
            hint:
                "Keep the cache outside the output, content and templates folders: leave out --cache (it is \(Paths.defaultCacheFolder) in the folder explainer runs in), or pass --cache with another folder."
        )
    }

    /// Builds and replaces the output folder. Pages are written into the staging folder as
    /// they are made, so the whole site is never in memory at once; a failed build leaves
    /// nothing behind.
    ///
    /// With a cache folder (`paths.cache`), through the disk build cache (`BuildCacheFolder`):
    /// when nothing the site is made of changed since the last build into this output folder
    /// and the folder is as that build left it, it is left alone (`Report.unchanged`);
    /// otherwise the explainers whose pages would be the same are hard-linked from it into the
    /// staging folder (`DiskMemo`). The bytes are the same as without the cache.
    public func run() throws(BuildFailure) -> Report {
        let start = DispatchTime.now()
        let writer = SiteWriter(outputPath: paths.output)
        // The output folder's ownership is checked only if it is to be replaced: an output
        // folder that is as the last build left it is left alone.
        let unsafe = checkSafe(ownership: false)
        if !unsafe.isEmpty { throw BuildFailure(unsafe) }
        let sources = try SiteSourceReader.read(content: paths.content, templates: paths.templates)
        let search = try prepareSearch(sources)
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

        let cache = paths.cache.map(BuildCacheFolder.init(cache:))
        let output = FileSystem.canonical(paths.output)
        var inputs: StableHasher.Digest?
        var record: BuildRecord?
        var verified: [Bool] = []
        // With the cache, the lock is held from before the output folder is looked at until
        // its record is saved: a build racing on the same folder is refused, and no record
        // ever pairs one build's inputs with another's files.
        var lock: OutputLock?
        defer { lock?.release() }
        if let cache {
            if FileSystem.isDirectory(FolderPath(paths.output).parentAndName.parent) {
                lock = try OutputLock(for: paths.output)
            }
            inputs = InputDigest.of(sources, settings: settings, search: search)
            record = cache.record(output: output)
            if let record {
                let stamps = OutputStamp.stamps(of: record.paths, under: paths.output)
                verified = zip(stamps, record.stamps).map { $0 == $1 }
                if record.inputs == inputs, !verified.contains(false) {
                    StagingFolder.removeLeftovers(beside: paths.output)
                    return Report(
                        articles: record.articles, pages: record.pages, files: record.fileCount, warnings: record.warnings,
                        seconds: seconds(), unchanged: true, summary: nil)
                }
            }
        }
        if let problem = OutputOwnership.problem(at: paths.output, thorough: false) { throw BuildFailure(problem) }
        let memo = cache == nil ? nil : DiskMemo(output: paths.output, record: record, verified: verified)

        let staging = writer.staging(holding: lock)
        var summary: BuildSummary
        do {
            if let memo {
                summary = try SiteBuilder.build(consume sources, settings: settings, memo: memo, media: media, into: staging)
            } else {
                summary = try SiteBuilder.build(consume sources, settings: settings, media: media, into: staging)
            }
            if let search {
                // The pages are in the staging folder (unless writing failed: that is the error):
                // index them there, and add the bundle through the sink, so the manifest lists it.
                try staging.checkWritten()
                let bundle = try search.bundle(indexingFolder: staging.path)
                staging.receive(bundle)
                summary.fileCount += bundle.count
                summary.warnings += search.warnings
            }
        } catch {
            staging.discard()
            throw error
        }
        let written = staging.writtenPaths
        try writer.commit(staging)
        if let cache, let inputs, let memo {
            remember(written, of: memo, inputs: inputs, summary: summary, in: cache, output: output)
        }
        return Report(
            articles: summary.articles.count, pages: summary.pages.count, files: summary.fileCount,
            warnings: summary.warnings, seconds: seconds(), reused: memo?.reused ?? 0, summary: summary)
    }

    /// Records the build just committed (its files `written`) for the next one: the stamp of
    /// every file and folder now in the output folder, and what each explainer's pages were
    /// made of. A file that cannot be stamped leaves no record (the next build is a cold one).
    private func remember(
        _ written: [String], of memo: DiskMemo, inputs: StableHasher.Digest, summary: BuildSummary, in cache: BuildCacheFolder,
        output: String
    ) {
        var folders: Set<Substring> = []
        for path in written {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        let paths = ["."] + folders.map(String.init) + [OutputManifest.fileName] + written
        let stamps = OutputStamp.stamps(of: paths, under: self.paths.output)
        var recorded: [OutputStamp] = []
        recorded.reserveCapacity(stamps.count)
        for stamp in stamps {
            guard let stamp else {
                unlink(cache.recordPath(output: output))
                return
            }
            recorded.append(stamp)
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(paths.count)
        for (position, path) in paths.enumerated() { index[path] = position }
        let explainers = memo.explainers.compactMap { explainer -> BuildRecord.Explainer? in
            let files = explainer.files.compactMap { index[$0] }
            guard files.count == explainer.files.count else { return nil }
            return BuildRecord.Explainer(source: explainer.source, key: explainer.key, files: files)
        }
        cache.save(
            BuildRecord(
                inputs: inputs, articles: summary.articles.count, pages: summary.pages.count, fileCount: summary.fileCount,
                warnings: summary.warnings, paths: paths, stamps: recorded, explainers: explainers),
            output: output)
    }
}
