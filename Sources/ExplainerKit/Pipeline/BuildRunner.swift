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
        switch SiteSourceReader.read(
            content: paths.content, templates: paths.templates, cache: cache?.sourceFiles, changed: changed) {
        case .failure(let f): return .failure(f)
        case .success(let sources): return SiteBuilder.build(sources, settings: settings, cache: cache)
        }
    }

    /// Checks that the output folder can be written without harming the sources.
    public func checkSafe() -> [Diagnostic] {
        SiteWriter(outputPath: paths.output).checkSafe(protecting: [paths.content, paths.templates])
    }

    /// Builds and replaces the output folder (filling `cache`, if given, for later rebuilds).
    public func run(cache: BuildCache? = nil) -> Result<Report, BuildFailure> {
        let start = DispatchTime.now()
        let writer = SiteWriter(outputPath: paths.output)
        let unsafe = writer.checkSafe(protecting: [paths.content, paths.templates])
        if !unsafe.isEmpty { return .failure(BuildFailure(unsafe)) }
        let build: SiteBuild
        switch buildInMemory(cache: cache) {
        case .failure(let f): return .failure(f)
        case .success(let b): build = b
        }
        do {
            try writer.write(build.files)
        } catch {
            return .failure(error)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return .success(Report(
            articles: build.articles.count, pages: build.pages.count, files: build.files.count,
            warnings: build.warnings, seconds: seconds, build: build))
    }
}
