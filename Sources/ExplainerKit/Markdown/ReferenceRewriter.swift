import CCmark

/// What the Markdown stage needs to resolve and check an article's links and images.
struct ReferenceContext: Sendable {
    /// The article's path in the content folder: `x.md` or `x/index.md`.
    var articlePath: String
    /// The article's slug (its own bundle files are published under `/<slug>/`).
    var slug: String
    /// The article's file as messages name it (`Content/x/index.md`), and the line of the
    /// file its body starts on, minus one (cmark's lines are the body's).
    var file: String
    var lineOffset: Int
    /// The content folder as messages name it (`Content`).
    var contentFolder: String = "Content"
    var media: MediaCatalog = .empty
    /// The site's base path (`SiteURLs.basePath`), before every root-relative URL written.
    var basePath: String = ""
    /// The site's language: a link to a translation in another (`other.de.md`) leads into
    /// that language's space (`/de/other/`).
    var siteLanguage: LanguageTag = .english
}

/// Rewrites the links and images of a parsed article: every relative URL resolved
/// (`URLResolver`) and written from the site's root, every reference to a bundle file checked
/// against the `MediaCatalog`, every image written by `ImageMarkup` (an image alone in its
/// paragraph as a figure) through a custom cmark node. Reports the problems at the file, line
/// and column of the reference, and what the article uses (`ReferenceReport`).
struct ReferenceRewriter {
    let context: ReferenceContext
    /// `site.yml`'s `unsafeHTML`: without it, `data:` URLs are dropped, and an image from
    /// elsewhere only by `http(s)` (cmark's own safe mode does not see the custom nodes).
    let unsafe: Bool
    private(set) var report = ReferenceReport()
    private var used: [String: Bool] = [:]

    init(context: ReferenceContext, unsafe: Bool) {
        self.context = context
        self.unsafe = unsafe
    }

    private var resolver: URLResolver { URLResolver(articlePath: context.articlePath) }
    private var ownBundle: String? { URLResolver.bundle(ofArticle: context.articlePath) }
    /// `/base/slug/`: the URL of the article's folder, where its bundle files are.
    private var folderURL: String { context.basePath + "/" + URLResolver.percentEncoded(context.slug) + "/" }

    /// Rewrites every link and image below `root` and returns the report.
    static func rewrite(_ root: CmarkNode, context: ReferenceContext, unsafe: Bool) -> ReferenceReport {
        var rewriter = ReferenceRewriter(context: context, unsafe: unsafe)
        var nodes: [CmarkNode] = []
        root.walk { node in
            let type = node.type
            // What stands inside an image is its alt text: no link of its own.
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, !node.hasAncestor(CMARK_NODE_IMAGE) { nodes.append(node) }
        }
        for node in nodes {
            if node.type == CMARK_NODE_LINK { rewriter.link(node) } else { rewriter.image(node) }
        }
        rewriter.report.usedMedia = rewriter.used.sorted { ExactPath.precedes($0.key, $1.key) }.map {
            UsedMedia(contentPath: $0.key, original: $0.value)
        }
        return rewriter.report
    }

    private func location(_ node: CmarkNode) -> SourceLocation {
        SourceLocation(line: node.startLine + context.lineOffset, column: max(1, node.startColumn))
    }

    private mutating func error(_ node: CmarkNode, _ message: String, hint: String) {
        let at = location(node)
        report.diagnostics.append(Diagnostic(file: context.file, line: at.line, column: at.column, message: message, hint: hint))
    }

    private func isDataURL(_ url: String) -> Bool {
        !unsafe && url.trimmingWhitespace().lowercased().hasPrefix("data:")
    }

    /// The URL of a site path as written (`/x/`): with the base path, recorded for the check.
    private mutating func sitePath(_ path: String, suffix: String, node: CmarkNode, source: String? = nil) -> String {
        report.siteReferences.append(SiteReference(path: path, location: location(node), articleSource: source))
        return context.basePath + path + suffix
    }

    /// The URL of the explainer a link to an article source leads to: this one's own slug for
    /// its own source, else the slug the other's file or folder name gives.
    private mutating func articleURL(
        _ contentPath: String, slug: String, suffix: String, language: LanguageTag?, node: CmarkNode, written: String
    ) -> String {
        let own = contentPath == context.articlePath || ownBundle.map { contentPath == $0 + "/" } == true
        let space = language.flatMap { SiteURLs.spaceLanguage(of: $0, site: context.siteLanguage) }
        let folder = own ? context.slug : (space.map { SiteURLs.spaceFolder($0) + "/" } ?? "") + slug
        let path = "/" + URLResolver.percentEncoded(folder) + "/"
        return sitePath(path, suffix: suffix, node: node, source: own ? nil : contentPath)
    }

    private mutating func link(_ node: CmarkNode) {
        guard let url = node.url else { return }
        if isDataURL(url) {
            node.url = ""
            return
        }
        switch resolver.resolve(url) {
        case .unchanged: break
        case .site(let path, let suffix): node.url = sitePath(path, suffix: suffix, node: node)
        case .article(let contentPath, let slug, let suffix, let language):
            node.url = articleURL(contentPath, slug: slug, suffix: suffix, language: language, node: node, written: url)
        case .file(let contentPath, let suffix):
            guard let entry = entry(contentPath, written: url, node: node, asImage: false) else { return }
            used[contentPath, default: false] = true
            node.url = folderURL + URLResolver.percentEncoded(entry.pathInBundle) + suffix
        case .outsideContent: outside(url, node: node)
        }
    }

    private mutating func image(_ node: CmarkNode) {
        let url = node.url ?? ""
        let written = node.plainText
        var alt = written.trimmingWhitespace()
        if alt.isEmpty {
            error(
                node, "This image has no alt text: a reader who cannot see it is told nothing.",
                hint:
                    "Describe the image between the brackets, `![What it shows](\(url))`, or mark it decorative: `![\(ImageMarkup.decorativeAlt)](\(url))`."
            )
        } else if alt.lowercased() == ImageMarkup.decorativeAlt {
            alt = ""
        } else {
            alt = written
        }
        var image = ImageMarkup.Image(src: url, alt: alt, title: node.title.flatMap { $0.isEmpty ? nil : $0 })
        if isDataURL(url) {
            image.src = ""
        } else {
            switch resolver.resolve(url) {
            case .unchanged:
                let lowered = url.lowercased()
                let web = lowered.hasPrefix("http:") || lowered.hasPrefix("https:")
                image.src = !unsafe && URLResolver.hasScheme(url) && !web ? "" : URLResolver.percentEncoded(url, asWritten: true)
            case .site(let path, let suffix):
                image.src = URLResolver.percentEncoded(sitePath(path, suffix: suffix, node: node), asWritten: true)
            case .article:
                error(
                    node, "This image names an explainer's Markdown file (`\(url)`), not an image.",
                    hint: "Point the image at an image file beside the article, e.g. `images/map.png`.")
            case .file(let contentPath, _):
                if let entry = entry(contentPath, written: url, node: node, asImage: true) {
                    if used[contentPath] == nil { used[contentPath] = false }
                    image.src = folderURL + URLResolver.percentEncoded(entry.pathInBundle)
                    image.info = entry.image
                    image.folderURL = folderURL
                }
            case .outsideContent: outside(url, node: node)
            }
        }
        // Alone in its paragraph: a figure, captioned by the title.
        if let paragraph = node.parent, paragraph.type == CMARK_NODE_PARAGRAPH, paragraph.firstChild?.pointer == node.pointer,
            node.next == nil
        {
            paragraph.replace(withHTML: ImageMarkup.html(image, figure: true) + "\n", type: CMARK_NODE_CUSTOM_BLOCK)
        } else {
            node.replace(withHTML: ImageMarkup.html(image, figure: false), type: CMARK_NODE_CUSTOM_INLINE)
        }
    }

    private mutating func outside(_ url: String, node: CmarkNode) {
        error(
            node, "`\(url)` leads out of \(context.contentFolder) (too many `../`).",
            hint: "Point it at a file beside the article, or at a page of the site from its root, e.g. `/other-explainer/`.")
    }

    /// The catalog's entry for the bundle file `contentPath`, when it may be used here: it
    /// exists, is in this article's own bundle, is readable and (`asImage`) is a good image.
    /// Otherwise the error, at the reference, and nil.
    private mutating func entry(_ contentPath: String, written: String, node: CmarkNode, asImage: Bool) -> MediaEntry? {
        let shown = SiteSourceReader.join(context.contentFolder, contentPath)
        guard let entry = context.media[contentPath] else {
            missing(contentPath, written: written, node: node)
            return nil
        }
        guard entry.bundle == ownBundle else {
            let other = SiteSourceReader.join(context.contentFolder, entry.bundle + "/index.md")
            error(
                node, "`\(written)` is \(shown), a file of another explainer (\(other)).",
                hint: "Copy it into this explainer's folder, or link to that explainer's page instead.")
            return nil
        }
        if let problem = entry.problem {
            error(node, "`\(written)` (\(shown)) cannot be used: \(problem.message)", hint: problem.hint)
            return nil
        }
        guard asImage else { return entry }
        guard let info = entry.image else {
            error(
                node, "`\(written)` (\(shown)) is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG).",
                hint: "Link to it with `[text](\(written))` instead of `![…](…)`, or use an image file.")
            return nil
        }
        if let problem = info.problem {
            error(node, "The image \(shown) cannot be published: \(problem).", hint: "Replace the file with a good copy of the image.")
            return nil
        }
        return entry
    }

    /// The error for a bundle file that is not there, naming the nearest one that is.
    private mutating func missing(_ contentPath: String, written: String, node: CmarkNode) {
        let shown = SiteSourceReader.join(context.contentFolder, contentPath)
        guard let bundle = ownBundle else {
            let folder = String(context.articlePath.dropLast(".md".count))
            error(
                node, "`\(written)` refers to \(shown), which is not a file of this explainer.",
                hint:
                    "Only an explainer in a folder has files beside it: move \(context.file) to \(SiteSourceReader.join(context.contentFolder, folder + "/index.md")) and put the file in that folder."
            )
            return
        }
        let prefix = bundle + "/"
        let names = context.media.files.values.filter { $0.bundle == bundle }.map(\.pathInBundle).sorted()
        let requested = contentPath.hasPrefix(prefix) ? String(contentPath.dropFirst(prefix.count)) : contentPath
        let nearest = EditDistance.nearest(to: requested, in: names)
        error(
            node, "`\(written)` refers to \(shown), which does not exist.",
            hint: nearest.map { "Did you mean `\($0)` (\(SiteSourceReader.join(context.contentFolder, prefix + $0)))?" }
                ?? "Put the file at \(shown), or correct the path (it is relative to \(context.file))."
        )
    }
}
