import Dispatch

/// The whole pipeline as one pure function: sources in memory → files, handed to a sink.
///
/// files → `Article` (load) → `RenderedArticle` (render) → `[Page]` (plan) → HTML (template)
/// → `OutputFile`s. Articles are loaded, rendered and templated in parallel. Every article is
/// loaded (and every problem of every file collected) before any page is made, so a failed
/// build gives its sink nothing. Then each explainer's files go to the sink as soon as they are
/// templated, instead of the whole site being held in memory; each file is the same bytes
/// whatever the parallelism, and the sink decides the order they land in.
///
/// With a `BuildCache`, articles whose bytes did not change since the cache's last build are
/// neither parsed, rendered nor templated again; the result is the same bytes.
public enum SiteBuilder {
    /// Builds into memory: the result's `files` hold the whole site, sorted by path.
    public static func build(
        _ sources: consuming SiteSources, settings: BuildSettings = BuildSettings(), cache: BuildCache? = nil
    ) -> Result<SiteBuild, BuildFailure> {
        let collector = OutputCollector()
        return build(consume sources, settings: settings, cache: cache, into: collector).map { build in
            var build = build
            build.files = collector.files()
            return build
        }
    }

    /// Builds, handing every output file to `sink` as it is made (from many threads); the
    /// result's `files` is empty. On failure the sink received nothing.
    ///
    /// `sources` is consumed: the articles' bytes are let go once they are loaded (pass the
    /// last copy, e.g. `build(consume sources, …)`, for that to free them).
    public static func build(
        _ sources: consuming SiteSources, settings: BuildSettings = BuildSettings(), cache: BuildCache? = nil,
        into sink: some OutputSink
    ) -> Result<SiteBuild, BuildFailure> {
        var diagnostics = sources.readDiagnostics
        cache?.begin(
            BuildCache.Environment(config: sources.config, templates: sources.templates, assets: sources.assets, settings: settings),
            articlePaths: sources.articles.map(\.path))

        // Site configuration and templates: everything else depends on them.
        var config: SiteConfig?
        if !diagnostics.contains(where: { $0.file == sources.config.path }) {
            switch SiteConfigDecoder.decode(sources.config) {
            case .failure(let f): diagnostics += f.diagnostics
            case .success(let (c, warnings)): config = c; diagnostics += warnings
            }
        }
        if let override = settings.baseURL, let problem = BaseURL.flagProblem(override) { diagnostics.append(problem) }
        var templates: TemplateSet?
        do { templates = try TemplateSet.load(sources.templates, folder: sources.templatesFolder); diagnostics += templates?.warnings ?? [] }
        catch { diagnostics += error.diagnostics }

        // Every internal URL follows the base URL's path (`urls.basePath`).
        let urls = SiteURLs(baseURL: settings.baseURL ?? config?.baseURL ?? "")

        // Articles: load and render each (in parallel); collect every problem of every file.
        let options = ArticleRenderer.Options(
            unsafeHTML: config?.unsafeHTML ?? false, reservedIDs: templates?.elementIDs ?? [], basePath: urls.basePath)
        let outcomes = ParallelMap.map(sources.articles) { file -> ([RenderedArticle], [Diagnostic]) in
            if let hit = cache?.article(file) { return (hit.articles, hit.diagnostics) }
            let outcome = load(file, options: options, settings: settings)
            cache?.store(file, articles: outcome.0, diagnostics: outcome.1)
            return outcome
        }
        // The sources' bytes are not needed any more (a 10,000-explainer site's are ~100 MB).
        sources.articles = []
        var articles: [RenderedArticle] = []
        for (rendered, problems) in outcomes {
            articles += rendered
            diagnostics += problems
        }

        // Assets, with the stylesheet fingerprinted in production.
        var assets: [OutputFile] = []
        var assetSources: [String] = []
        var stylesheetURL = urls.assets + "style.css"
        for asset in sources.assets.sorted(by: { $0.path < $1.path }) {
            var name = asset.path
            if settings.production && name.hasSuffix(".css") { name = Fingerprint.name(name, bytes: asset.bytes) }
            if asset.path == "style.css" { stylesheetURL = urls.assets + name }
            let path = SiteURLs.assetsFolder + "/" + name
            guard OutputFile.isSafe(path) else { continue }
            assets.append(OutputFile(path: path, bytes: asset.bytes))
            assetSources.append(sources.templatesFolder + "/" + SiteURLs.assetsFolder + "/" + asset.path)
        }
        // Every output path has one owner: an explainer may not take a page or folder of another.
        diagnostics += SitePlanner.claimPaths(
            articles: articles, assets: Array(zip(assetSources, assets.map(\.path))), production: settings.production)

        guard let config, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(BuildFailure(diagnostics))
        }
        let production = settings.production
        @Sendable func deliver(_ files: [OutputFile]) -> Int {
            let files = production ? files + gzipCopies(files) : files
            sink.receive(files)
            return files.count
        }
        var fileCount = deliver(assets)

        // Plan and template every page.
        let renderer = PageRenderer(
            templates: templates,
            shared: PageContext.Shared(site: config, stylesheetURL: stylesheetURL, urls: urls))
        let pages = SitePlanner.plan(site: config, urls: urls, articles: articles) { article in
            guard let cache else { return SitePlanner.explainerPages(article, urls: urls) }
            return cache.plan(forSource: article.article.sourcePath) { SitePlanner.explainerPages(article, urls: urls) }
        }
        let groups = group(pages)
        let counts = ParallelMap.map(groups) { group -> Int in
            func render() -> [OutputFile] {
                // Sorted by path: what `OutputCollector` keeps (and the cache reuses) as it is.
                renderer.render(group).compactMap { OutputFile.isSafe($0.file) ? OutputFile(path: $0.file, bytes: $0.html) : nil }
                    .sorted { $0.path < $1.path }
            }
            func files() -> [OutputFile] {
                guard let cache else { return render() }
                guard let source = group.first?.article?.article.sourcePath else {
                    // Home and 404 list explainers: made again only when what they list changed.
                    guard group.count == 1, let page = group.first else { return render() }
                    return cache.listing(page, make: render)
                }
                if let pages = cache.pages(forSource: source) { return pages }
                let pages = render()
                cache.storePages(pages, forSource: source)
                return pages
            }
            return deliver(files())
        }
        fileCount += counts.reduce(0, +)
        // One by one: their paths fall between explainers' (`feed.xml`, `sitemap.xml`).
        for file in discoveryFiles(pages: pages, articles: articles, site: config, urls: urls, cache: cache) {
            fileCount += deliver([file])
        }
        return .success(SiteBuild(
            files: [], fileCount: fileCount, articles: articles, pages: pages, warnings: diagnostics,
            stylesheetURL: stylesheetURL, urls: urls))
    }

    /// `sitemap.xml`, `feed.xml` and `robots.txt`: made for every build, so that a local
    /// build shows exactly what will be published.
    /// With a cache, each explainer's part of the sitemap and the feed is made once per version.
    static func discoveryFiles(
        pages: [Page], articles: [RenderedArticle], site: SiteConfig, urls: SiteURLs, cache: BuildCache? = nil
    ) -> [OutputFile] {
        let baseURL = urls.baseURL
        func sitemap() -> OutputFile {
            OutputFile(path: SitemapWriter.path, text: SitemapWriter.sitemap(pages: pages, urls: urls) { explainerPages in
                let make = { SitemapWriter.entries(for: explainerPages, origin: urls.origin) }
                guard let cache, let source = explainerPages.first?.article?.article.sourcePath else { return make() }
                return cache.fragment("sitemap", forSource: source, make: make)
            })
        }
        func feed() -> OutputFile {
            OutputFile(path: FeedWriter.path, text: FeedWriter.feed(articles: articles, site: site, urls: urls) { article in
                let make = { FeedWriter.entry(for: article, urls: urls) }
                guard let cache else { return make() }
                return cache.fragment("feed", forSource: article.article.sourcePath, make: make)
            })
        }
        let robots = OutputFile(path: RobotsWriter.path, text: RobotsWriter.robots(urls: urls))
        guard let cache else { return [sitemap(), feed(), robots] }
        // Each reused whole when no explainer's part of it changed (a new title changes the
        // feed, not the sitemap).
        return [
            cache.discoveryFile(SitemapWriter.path, articles: articles, site: site, baseURL: baseURL, make: sitemap) { article in
                SitemapWriter.entries(for: SitePlanner.explainerPages(article, urls: urls)[...], origin: urls.origin)
            },
            cache.discoveryFile(FeedWriter.path, articles: articles, site: site, baseURL: baseURL, make: feed) { article in
                FeedWriter.entry(for: article, urls: urls)
            },
            robots,
        ]
    }

    /// Production only: a deterministic `.gz` copy beside every HTML, CSS, XML and SVG file,
    /// for servers that serve precompressed files (nginx `gzip_static`, Caddy `precompressed`).
    /// One explainer's files at a time, on the calling thread (explainers are already
    /// templated in parallel).
    static func gzipCopies(_ files: [OutputFile]) -> [OutputFile] {
        files.compactMap { file in
            guard Gzip.shouldCompress(file.path) else { return nil }
            return Gzip.compress(file.bytes).map { OutputFile(path: file.path + ".gz", bytes: $0) }
        }
    }

    /// Parses and renders one article source (nothing when it is a draft left out).
    static func load(_ file: SourceFile, options: ArticleRenderer.Options, settings: BuildSettings) -> ([RenderedArticle], [Diagnostic]) {
        let parsed = ArticleParser.parse(file)
        guard let article = parsed.article else { return ([], parsed.diagnostics) }
        // Drafts are never published: production leaves them out even with --drafts.
        if article.frontMatter.draft && (!settings.includeDrafts || settings.production) {
            return ([], parsed.diagnostics)
        }
        let rendered = ArticleRenderer.render(article, options: options)
        return (rendered.article.map { [$0] } ?? [], parsed.diagnostics + rendered.diagnostics)
    }

    /// Consecutive pages of the same explainer form one group (templated together, sharing
    /// the explainer's context); home and 404 are groups of their own.
    static func group(_ pages: [Page]) -> [[Page]] {
        var groups: [[Page]] = []
        for page in pages {
            if let slug = page.article?.slug, let last = groups.last?.last, last.article?.slug == slug {
                groups[groups.count - 1].append(page)
            } else {
                groups.append([page])
            }
        }
        return groups
    }
}
