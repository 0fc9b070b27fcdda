import Foundation

/// Runs the pipeline against real folders: reads the sources, builds in memory, and writes
/// the output folder atomically. The `build` command is a thin wrapper around this.
public struct BuildRunner: Sendable {
    /// Where a build reads and writes.
    public struct Paths: Sendable, Hashable {
        public var content: String
        public var templates: String
        public var output: String

        public init(content: String = "Content", templates: String = "Templates", output: String = "Public") {
            self.content = content
            self.templates = templates
            self.output = output
        }
    }

    /// What a successful build did.
    public struct Report: Sendable {
        public var articles: Int
        public var pages: Int
        public var files: Int
        public var warnings: [Diagnostic]
        public var seconds: Double
        public var build: SiteBuild
    }

    public var paths: Paths
    public var settings: BuildSettings

    public init(paths: Paths = Paths(), settings: BuildSettings = BuildSettings()) {
        self.paths = paths
        self.settings = settings
    }

    /// Builds in memory only (nothing is written), reusing and updating `cache` if given.
    /// `changed`: with a cache, the source paths that changed since its last build, as the
    /// watcher reports them (only those articles are read again); nil checks every file.
    public func buildInMemory(cache: BuildCache? = nil, changed: Set<String>? = nil) -> Result<SiteBuild, BuildFailure> {
        do throws(BuildFailure) {
            let sources = try SiteSourceReader.read(
                content: paths.content, templates: paths.templates, cache: cache?.sourceFiles, changed: changed)
            return SiteBuilder.build(sources, settings: settings, cache: cache)
        } catch {
            return .failure(error)
        }
    }

    /// Checks that the output folder can be written without harming the sources.
    public func checkSafe() -> [Diagnostic] {
        SiteWriter(outputPath: paths.output).checkSafe(protecting: [paths.content, paths.templates])
    }

    /// Builds and replaces the output folder (filling `cache`, if given, for later rebuilds).
    ///
    /// Without a cache, pages are written into the staging folder as they are made, so the
    /// whole site is never in memory at once (the report's `build.files` is then empty); with
    /// one (the preview, which needs every file), the site is built in memory, then written.
    public func run(cache: BuildCache? = nil) -> Result<Report, BuildFailure> {
        run(cache: cache, holding: nil)
    }

    /// `run`, writing under `lock` when the caller already holds the output folder's lock
    /// (the preview, which holds it for as long as it runs).
    func run(cache: BuildCache?, holding lock: OutputLock?) -> Result<Report, BuildFailure> {
        let start = DispatchTime.now()
        let writer = SiteWriter(outputPath: paths.output)
        let unsafe = checkSafe()
        if !unsafe.isEmpty { return .failure(BuildFailure(unsafe)) }
        let build: SiteBuild
        do {
            if let cache {
                build = try buildInMemory(cache: cache).get()
                try writer.write(build.files, keepingPreviousAt: nil, holding: lock)
            } else {
                build = try buildStreaming(into: writer, holding: lock)
            }
        } catch {
            return .failure(error)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return .success(Report(
            articles: build.articles.count, pages: build.pages.count, files: build.fileCount,
            warnings: build.warnings, seconds: seconds, build: build))
    }

    /// Builds straight into `writer`'s staging folder and swaps it in; a failed build leaves
    /// nothing behind.
    private func buildStreaming(into writer: SiteWriter, holding lock: OutputLock?) throws(BuildFailure) -> SiteBuild {
        let sources = try SiteSourceReader.read(content: paths.content, templates: paths.templates, cache: nil)
        let staging = writer.staging(holding: lock)
        switch SiteBuilder.build(consume sources, settings: settings, into: staging) {
        case .failure(let f):
            staging.discard()
            throw f
        case .success(let build):
            try writer.commit(staging)
            return build
        }
    }
}
