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
/// Every reuse of earlier work goes through one seam, `BuildMemo`, which the builder always
/// calls: `PassThroughMemo` remembers nothing (`explainer build`); the preview's `BuildCache`
/// answers for the articles whose bytes did not change. The result is the same bytes.
package enum SiteBuilder {
    /// Builds into memory: the result's `files` hold the whole site, sorted by path.
    package static func build(
        _ sources: consuming SiteSources, settings: BuildSettings = BuildSettings(), memo: some BuildMemo = PassThroughMemo(),
        media: MediaStage = MediaStage()
    ) throws(BuildFailure) -> SiteBuild {
        let collector = OutputCollector()
        let summary = try build(consume sources, settings: settings, memo: memo, media: media, into: collector)
        return SiteBuild(files: collector.files(), summary: summary)
    }

    /// Builds, handing every output file to `sink` as it is made (from many threads). On
    /// failure the sink received nothing.
    ///
    /// `sources` is consumed: the articles' bytes are let go once they are loaded (pass the
    /// last copy, e.g. `build(consume sources, …)`, for that to free them).
    static func build(
        _ sources: consuming SiteSources, settings: BuildSettings = BuildSettings(), memo: some BuildMemo = PassThroughMemo(),
        media: MediaStage = MediaStage(), into sink: some OutputSink
    ) throws(BuildFailure) -> BuildSummary {
        var diagnostics = sources.readDiagnostics
        memo.begin(MemoEnvironment(sources, settings: settings), articlePaths: sources.articles.map(\.path))

        // Site configuration and templates: everything else depends on them.
        var config: SiteConfig?
        if !diagnostics.contains(where: { $0.file == sources.config.path }) {
            do { config = try SiteConfigDecoder.decode(sources.config) } catch { diagnostics += error.diagnostics }
        }
        // The authors file, optional: without it an explainer may name no author.
        var authors = SiteAuthors(file: SiteSourceReader.join(sources.contentFolder, SiteAuthors.fileName), all: [])
        var authorsDecoded = true
        if let file = sources.authors {
            do { authors = try AuthorsFileDecoder.decode(file) } catch {
                diagnostics += error.diagnostics
                authorsDecoded = false
            }
        }
        if config?.smartPunctuation ?? true { authors = authors.typeset() }
        if let override = settings.baseURL, let problem = BaseURL.flagProblem(override) { diagnostics.append(problem) }
        var translations = Translations.embedded
        do { translations = try Translations.load(sources.translations) } catch { diagnostics += error.diagnostics }
        diagnostics += translations.warnings
        var templates: TemplateSet?
        do {
            templates = try TemplateSet.load(sources.templates, folder: sources.templatesFolder); diagnostics += templates?.warnings ?? []
        } catch { diagnostics += error.diagnostics }

        // Every internal URL follows the base URL's path (`urls.basePath`).
        let urls = SiteURLs(baseURL: settings.baseURL ?? config?.baseURL ?? "")

        // The bundles' files: every image probed (through the media cache), before the
        // articles that show them are rendered.
        let mediaSettings = MediaStage.Settings(
            widths: config?.imageWidths ?? VariantPlan.defaultWidths,
            maxFileSize: config?.maxMediaFileSize ?? SiteConfig.defaultMaxMediaFileMB << 20,
            limits: ImageLimits(maxPixels: config?.maxImagePixels ?? ImageLimits.defaultMaxPixels))
        let catalog = media.catalog(sources.bundleFiles, settings: mediaSettings)
        if config != nil { diagnostics += sources.bundleFiles.compactMap { catalog[$0.contentPath]?.problem } }

        // Articles: load and render each (in parallel); collect every problem of every file.
        var rendering = ArticleRenderer.Options(
            unsafeHTML: config?.unsafeHTML ?? false, smartPunctuation: config?.smartPunctuation ?? true,
            reservedIDs: templates?.elementIDs ?? [], basePath: urls.basePath, media: catalog, contentFolder: sources.contentFolder)
        rendering.embeds = config?.embeds ?? .standard
        rendering.siteLanguage = config?.languageTag ?? .english
        let options = rendering
        let contentFolder = sources.contentFolder
        let loaded = ParallelMap.map(sources.articles) { file in
            let bundle = URLResolver.bundle(ofArticle: ContentNames.contentPath(of: file.path, in: contentFolder))
            let input = ArticleInput(file: file, media: bundle.map { catalog.entries(inBundle: $0) } ?? [])
            return memo.article(input) { load(file, options: options, settings: settings) }
        }
        // The sources' bytes are not needed any more (a 10,000-explainer site's are ~100 MB).
        sources.articles = []
        var articles: [RenderedArticle] = []
        for one in loaded {
            if let article = one.article {
                articles.append(article)
                if authorsDecoded { diagnostics += authors.problems(of: article.article) }
            }
            diagnostics += one.diagnostics
        }

        // Every language a page is written in has a table, or its strings are English.
        if let config {
            var seen: Set<LanguageTag> = []
            let named =
                [(config.languageTag, sources.config.path)]
                + articles.compactMap { article in article.frontMatter.language.map { ($0, article.article.sourcePath) } }
            for (language, file) in named where seen.insert(language).inserted {
                if let warning = translations.missingTable(for: language, file: file) { diagnostics.append(warning) }
            }
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
            assetSources.append(sources.assetSource(asset.path))
        }
        // Every output path has one owner: an explainer may not take a page or folder of another,
        // nor an alias (an old path) any path of the site.
        let redirects = SiteRedirects(articles: articles, urls: urls)
        diagnostics += redirects.problems
        // Each language its own space (`/de/…`): the site's own first.
        let spaces = config.map { SiteSpace.spaces(site: $0, urls: urls, articles: articles) } ?? []
        diagnostics += SitePlanner.claimPaths(
            articles: articles, assets: Array(zip(assetSources, assets.map(\.path))), production: settings.production,
            authors: authors, redirects: redirects.all,
            languages: config == nil ? Set(articles.compactMap(\.article.spaceLanguage)).sorted() : spaces.dropFirst().map(\.language))

        guard let config, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics)
        }

        // Plan every page; then check that every link to a page or file of the site leads to
        // one the build makes, and make the images' copies (the slow part, through the media
        // cache), each of which can fail: all before the sink is given anything.
        // Each space's topics and every explainer's related ones: once per space; its
        // explainers linked to their translations (`SiteTranslations`).
        let linked = SiteTranslations(spaces: spaces)
        diagnostics += linked.warnings
        var planned: [(space: SiteSpace, pages: [Page])] = []
        var spaceTopics: [SiteTopics] = []
        for space in spaces {
            let topics = SiteTopics(newestFirst: SitePlanner.newestFirst(space.articles))
            diagnostics += topics.warnings
            var spacePages = SitePlanner.plan(
                site: space.site, urls: space.urls, articles: space.articles, authors: authors, topics: topics,
                translations: translations
            ) { article in
                var links = topics.links(of: article)
                links.alternates = linked.alternates(of: article, urls: space.urls)
                return memo.plan(ofSource: article.article.sourcePath, links: links) {
                    SitePlanner.explainerPages(
                        article, links: links, urls: space.urls,
                        strings: translations.strings(
                            for: PageContext.language(listing: nil, article: article, site: space.site)))
                }
            }
            // One 404 page for the whole site.
            if !space.isRoot { spacePages.removeAll { $0.kind == .notFound } }
            planned.append((space, spacePages))
            spaceTopics.append(topics)
        }
        let pages = SiteTranslations.linkListings(planned).flatMap { $0 }
        var problems: [Diagnostic] = []
        if articles.contains(where: { !$0.siteReferences.isEmpty }) {
            let references = PageReferenceCheck(
                pages: pages, assets: assets.map(\.path) + sources.assets.map { SiteURLs.assetsFolder + "/" + $0.path },
                articles: articles)
            problems += references.problems(of: articles)
        }
        problems += media.prepare(articles.flatMap(\.media), settings: mediaSettings)
        media.finish()
        guard problems.isEmpty else { throw BuildFailure(diagnostics + problems) }

        let production = settings.production
        let linking = sink.linksFiles
        /// Hands `files` to the sink, with their gzip copies in production unless they have them.
        @Sendable func deliver(_ files: [OutputFile], compressed: Bool = false) -> Int {
            let files = production && !compressed ? files + gzipCopies(files) : files
            sink.receive(files)
            return files.count
        }
        var fileCount = deliver(assets)

        // Template every page.
        let renderers = spaces.map { space in
            PageRenderer(
                templates: templates,
                shared: PageContext.Shared(
                    site: space.site, stylesheetURL: stylesheetURL, urls: space.urls, authors: authors,
                    translations: translations))
        }
        let groups = group(pages)
        let counts = ParallelMap.map(groups) { group -> Int in
            // The renderer of the group's space.
            let space = group.first?.article?.article.spaceLanguage ?? group.first?.language
            let renderer = renderers.first { $0.shared.urls.spaceLanguage == space } ?? renderers[0]
            func render() -> [OutputFile] {
                // Sorted by path: what `OutputCollector` keeps (and the cache reuses) as it is.
                renderer.render(group).compactMap { OutputFile.isSafe($0.file) ? OutputFile(path: $0.file, bytes: $0.html) : nil }
                    .sorted { $0.path < $1.path }
            }
            /// The pages with their gzip copies in production, sorted by path.
            func compressed(_ pages: [OutputFile]) -> [OutputFile] {
                production ? (pages + gzipCopies(pages)).sorted { $0.path < $1.path } : pages
            }
            if let article = group.first?.article {
                // Its pages (with their gzip copies), then what it publishes from its bundle.
                let pages = memo.explainerFiles(ofSource: article.article.sourcePath) { compressed(render()) }
                let bundle = memo.bundleFiles(ofSource: article.article.sourcePath) {
                    media.files(article.media, settings: mediaSettings, linking: linking).sorted { $0.path < $1.path }
                }
                return deliver(pages, compressed: true) + (bundle.isEmpty ? 0 : deliver(bundle))
            }
            // Home, 404 and author pages list explainers: made again only when what they list changed.
            guard group.count == 1, let page = group.first else { return deliver(render()) }
            return deliver(memo.listing(ListingKey(page)) { compressed(render()) }, compressed: true)
        }
        fileCount += counts.reduce(0, +)
        media.finish()  // copies made again while delivering (the cache had lost them) are kept
        // One by one: their paths fall between explainers' (`feed.xml`, `sitemap.xml`).
        for file in discoveryFiles(
            pages: pages, articles: articles, site: config, urls: urls, authors: authors, memo: memo,
            spaces: zip(spaces, spaceTopics).map {
                FeedSpace(
                    site: $0.site, urls: $0.urls, articles: $0.articles, topics: $1,
                    strings: translations.strings(for: $0.site.languageTag))
            })
        {
            fileCount += deliver([file])
        }
        for file in redirects.files(site: config, urls: urls, translations: translations, memo: memo) { fileCount += deliver([file]) }
        return BuildSummary(
            fileCount: fileCount, articles: articles, pages: pages, warnings: diagnostics,
            stylesheetURL: stylesheetURL, urls: urls, headerRules: config.publish)
    }

    /// `sitemap.xml`, `feed.xml`, each topic's feed (`topics/<slug>/feed.xml`) and
    /// `robots.txt`: made for every build, so that a local build shows exactly what will be
    /// published. Each explainer's part of the sitemap and the feeds goes through `memo` (its
    /// `<entry>` is made once for every feed it is in), and so does each whole file (keyed by
    /// those parts: a new title changes the feeds, not the sitemap). Only listed explainers
    /// (`RenderedArticle.isListed`) are in them: never a draft or a scheduled explainer.
    /// On a multilingual site `spaces` gives each language's explainers, URLs and topics: one
    /// sitemap of every page, and each space its feeds (`de/feed.xml`); nil is one space of
    /// `articles`, `urls` and `topics`.
    static func discoveryFiles(
        pages: [Page], articles: [RenderedArticle], site: SiteConfig, urls: SiteURLs, authors: SiteAuthors = .empty,
        topics: SiteTopics = .none, memo: some BuildMemo = PassThroughMemo(), spaces: [FeedSpace]? = nil
    ) -> [OutputFile] {
        let spaces =
            spaces ?? [
                FeedSpace(
                    site: site, urls: urls, articles: articles, topics: topics,
                    strings: Translations.embedded.strings(for: site.languageTag))
            ]
        let articles = articles.filter(\.isListed)
        // What decides the sitemap's listing pages: their URLs (and their translations'), and
        // each explainer's topics, in its space.
        let listingURLs = pages.lazy.filter { $0.article == nil }.map { page in
            page.alternates.isEmpty ? page.url : page.url + " " + page.alternates.map(\.url).joined(separator: " ")
        }
        var topicsOf: [ObjectIdentifier: [String]] = [:]
        for space in spaces {
            for article in space.articles { topicsOf[ObjectIdentifier(article)] = space.topics.links(of: article).topics.map(\.slug) }
        }
        func key(_ path: String, _ parts: [String], of articles: [RenderedArticle] = articles) -> SiteFileKey {
            SiteFileKey(
                path: path, site: site, baseURL: urls.baseURL, articles: articles, parts: parts,
                topics: path == SitemapWriter.path ? articles.map { topicsOf[ObjectIdentifier($0)] ?? [] } : [],
                listingURLs: path == SitemapWriter.path ? Array(listingURLs) : [])
        }
        // Parts by article, in `articles` order; an explainer's pages are consecutive in `pages`.
        var explainerPages: [ObjectIdentifier: ArraySlice<Page>] = [:]
        explainerPages.reserveCapacity(articles.count)
        var start = pages.startIndex
        while start < pages.endIndex {
            var end = start + 1
            if let article = pages[start].article {
                while end < pages.endIndex, pages[end].article === article { end += 1 }
                explainerPages[ObjectIdentifier(article)] = pages[start..<end]
            }
            start = end
        }
        let sitemapParts = articles.map { article in
            memo.part(of: SitemapWriter.path, forSource: article.article.sourcePath) {
                SitemapWriter.entries(for: explainerPages[ObjectIdentifier(article)] ?? [], origin: urls.origin)
            }
        }
        // Each explainer's feed entry, with the URLs of its space.
        var feedPartOf: [ObjectIdentifier: String] = [:]
        for space in spaces {
            for article in space.articles where article.isListed {
                feedPartOf[ObjectIdentifier(article)] = memo.part(of: FeedWriter.path, forSource: article.article.sourcePath) {
                    FeedWriter.entry(for: article, urls: space.urls, authors: authors)
                }
            }
        }
        func byArticle(_ parts: [String]) -> [ObjectIdentifier: String] {
            Dictionary(uniqueKeysWithValues: zip(articles.lazy.map(ObjectIdentifier.init), parts))
        }
        let sitemap = memo.siteFile(key(SitemapWriter.path, sitemapParts)) {
            let parts = byArticle(sitemapParts)
            return OutputFile(
                path: SitemapWriter.path,
                text: SitemapWriter.sitemap(pages: pages, urls: urls) { explainerPages in
                    explainerPages.first?.article.flatMap { parts[ObjectIdentifier($0)] } ?? ""
                })
        }
        /// A feed of `articles` (listed, in the site's order) through the memo.
        func feed(_ path: String, _ articles: [RenderedArticle], _ channel: FeedWriter.Channel, in space: FeedSpace) -> OutputFile {
            var key = key(path, articles.map { feedPartOf[ObjectIdentifier($0)] ?? "" }, of: articles)
            key.site = space.site
            key.channel = channel
            return memo.siteFile(key) {
                OutputFile(
                    path: path,
                    text: FeedWriter.feed(articles: articles, site: space.site, channel: channel, urls: space.urls) { article in
                        feedPartOf[ObjectIdentifier(article)] ?? ""
                    })
            }
        }
        // Each space's feed, then its topics' (`de/feed.xml`, `de/topics/<slug>/feed.xml`).
        var feeds: [OutputFile] = []
        for space in spaces {
            let urls = space.urls
            feeds.append(
                feed(urls.outputPath(FeedWriter.path), space.articles.filter(\.isListed), .site(space.site, urls: urls), in: space))
            feeds += space.topics.topics.map { topic in
                feed(
                    urls.outputPath(SiteURLs.topicFeedPath(topic.slug)), topic.articles.filter(\.isListed),
                    .topic(topic.link, site: space.site, urls: urls, strings: space.strings), in: space)
            }
        }
        return [sitemap] + feeds + [OutputFile(path: RobotsWriter.path, text: RobotsWriter.robots(urls: urls))]
    }

    /// What one space's feeds are made of (`discoveryFiles`): `strings` in its language.
    struct FeedSpace {
        var site: SiteConfig
        var urls: SiteURLs
        var articles: [RenderedArticle]
        var topics: SiteTopics
        var strings: LocalizedStrings
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

    /// Parses and renders one article source (no article when it is a draft or a scheduled
    /// explainer left out: `BuildSettings.includes`).
    static func load(_ file: SourceFile, options: ArticleRenderer.Options, settings: BuildSettings) -> LoadedArticle {
        do throws(BuildFailure) {
            var article = try ArticleParser.parse(file, contentFolder: options.contentFolder, siteLanguage: options.siteLanguage)
            article.spaceLanguage = article.spaceLanguage.flatMap { SiteURLs.spaceLanguage(of: $0, site: options.siteLanguage) }
            article.status = PublicationStatus(article.frontMatter, today: settings.today)
            // Drafts and scheduled explainers are never published: production leaves them out
            // even with --drafts and --future.
            if !settings.includes(article.status) { return LoadedArticle(article: nil, diagnostics: []) }
            let rendered = try ArticleRenderer.render(article, options: options)
            return LoadedArticle(article: rendered, diagnostics: rendered.warnings)
        } catch {
            return LoadedArticle(article: nil, diagnostics: error.diagnostics)
        }
    }

    /// Consecutive pages of the same explainer form one group (templated together, sharing
    /// the explainer's context); home and 404 are groups of their own.
    static func group(_ pages: [Page]) -> [[Page]] {
        var groups: [[Page]] = []
        for page in pages {
            if let article = page.article, let last = groups.last?.last, last.article === article {
                groups[groups.count - 1].append(page)
            } else {
                groups.append([page])
            }
        }
        return groups
    }
}
