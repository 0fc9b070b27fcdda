import Dispatch

/// The whole pipeline as one pure function: sources in memory → files in memory.
///
/// files → `Article` (load) → `RenderedArticle` (render) → `[Page]` (plan) → HTML (template)
/// → `OutputFile`s. Articles are loaded, rendered and templated in parallel; results are
/// gathered in a fixed order, so the output is the same bytes whatever the parallelism.
public enum SiteBuilder {
    public static func build(_ sources: SiteSources, settings: BuildSettings = BuildSettings()) -> Result<SiteBuild, BuildFailure> {
        var diagnostics = sources.readDiagnostics

        // Site configuration and templates: everything else depends on them.
        var config: SiteConfig?
        switch SiteConfigDecoder.decode(sources.config) {
        case .failure(let f): diagnostics += f.diagnostics
        case .success(let (c, warnings)): config = c; diagnostics += warnings
        }
        var templates: TemplateSet?
        switch TemplateSet.load(sources.templates, folder: sources.templatesFolder) {
        case .failure(let f): diagnostics += f.diagnostics
        case .success(let t): templates = t; diagnostics += t.warnings
        }

        // Articles: load and render each (in parallel); collect every problem of every file.
        let unsafeHTML = config?.unsafeHTML ?? false
        let outcomes = ParallelMap.map(sources.articles) { file -> ([RenderedArticle], [Diagnostic]) in
            let parsed = ArticleParser.parse(file)
            guard let article = parsed.article else { return ([], parsed.diagnostics) }
            if article.frontMatter.draft && !settings.includeDrafts { return ([], parsed.diagnostics) }
            let rendered = ArticleRenderer.render(article, unsafeHTML: unsafeHTML)
            return (rendered.article.map { [$0] } ?? [], parsed.diagnostics + rendered.diagnostics)
        }
        var articles: [RenderedArticle] = []
        for (rendered, problems) in outcomes {
            articles += rendered
            diagnostics += problems
        }
        diagnostics += duplicateSlugs(articles)

        guard let config, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(BuildFailure(diagnostics))
        }

        // Assets, with the stylesheet fingerprinted in production.
        var files: [OutputFile] = []
        var stylesheetURL = "/assets/style.css"
        for asset in sources.assets.sorted(by: { $0.path < $1.path }) {
            var name = asset.path
            if settings.production && name.hasSuffix(".css") { name = Fingerprint.name(name, bytes: asset.bytes) }
            if asset.path == "style.css" { stylesheetURL = "/assets/" + name }
            guard OutputFile.isSafe("assets/" + name) else { continue }
            files.append(OutputFile(path: "assets/" + name, bytes: asset.bytes))
        }

        // Plan and template every page.
        let baseURL = SiteConfig(title: "", baseURL: settings.baseURL ?? config.baseURL).baseURL
        let renderer = PageRenderer(
            templates: templates,
            shared: PageContext.Shared(site: config, stylesheetURL: stylesheetURL, baseURL: baseURL))
        let pages = SitePlanner.plan(site: config, articles: articles)
        let groups = group(pages)
        // Each group's HTML becomes bytes in its own task, so the site is never held twice.
        let rendered = ParallelMap.map(groups) { group in
            renderer.render(group).compactMap { OutputFile.isSafe($0.file) ? OutputFile(path: $0.file, text: $0.html) : nil }
        }
        for group in rendered { files += group }
        files.sort { $0.path < $1.path }
        return .success(SiteBuild(
            files: files, articles: articles, pages: pages, warnings: diagnostics, stylesheetURL: stylesheetURL))
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

    static func duplicateSlugs(_ articles: [RenderedArticle]) -> [Diagnostic] {
        var firstBySlug: [String: String] = [:]
        var out: [Diagnostic] = []
        for article in articles {
            if let other = firstBySlug[article.slug] {
                out.append(Diagnostic(
                    file: article.article.sourcePath,
                    message: "This article's slug `\(article.slug)` is already used by \(other).",
                    hint: "Rename one of the files or set a different `slug:` in its front matter."))
            } else {
                firstBySlug[article.slug] = article.article.sourcePath
            }
        }
        return out
    }
}
