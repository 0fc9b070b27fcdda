/// The "render" step: runs an article's body through the Markdown stage and binds its H2
/// sections to the page slugs its front matter names. Pure.
///
/// Each section is a page of the explainer's folder: its slug is claimed there beside the
/// pages the planner gives every explainer (`SitePlanner.explainerFolder`), so a section can
/// never take the quotes page or another section's page.
package enum ArticleRenderer {
    /// How the site renders Markdown.
    package struct Options: Sendable {
        /// `site.yml`'s `unsafeHTML`.
        var unsafeHTML = false
        /// `site.yml`'s `smartPunctuation`: curly quotes, dashes and ellipses in the body
        /// (`CMARK_OPT_SMART`) and in the front matter shown as text (`FrontMatterTypesetting`).
        var smartPunctuation = true
        /// Ids the templates use, never given to headings (`TemplateSet.elementIDs`).
        var reservedIDs: Set<String> = []
        /// The site's base path, for links from the site's root (`SiteURLs.basePath`).
        var basePath = ""
        /// The site's language: a translation in it (`x.en.md` on an English site) is in the
        /// site's own space (`Article.spaceLanguage` nil).
        var siteLanguage = LanguageTag.english
        /// What the build knows of the bundles' files: every reference to one is checked
        /// against it, and images are written from it (`ImageMarkup`).
        var media = MediaCatalog.empty
        /// The content folder as the articles' paths spell it (`Content`), for messages.
        var contentFolder = "Content"
        /// The providers embeds may show (`site.yml`'s `embeds:` and the built-in ones).
        var embeds = EmbedProviders.standard

        package init(
            unsafeHTML: Bool = false, smartPunctuation: Bool = true, reservedIDs: Set<String> = [], basePath: String = "",
            media: MediaCatalog = .empty, contentFolder: String = "Content"
        ) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
            self.reservedIDs = reservedIDs
            self.basePath = basePath
            self.media = media
            self.contentFolder = contentFolder
        }
    }

    /// The rendered article, or every problem of its body and sections (its warnings are
    /// `RenderedArticle.warnings`).
    ///
    /// Errors quote what the author wrote: when an article has errors with smart punctuation
    /// on, it is rendered again without, and those errors are reported (the same errors: smart
    /// punctuation changes no slug, and `sections:` entries match their headings by
    /// `HeadingMatch.key`, which `SmartText.fold`s), with the headings' text as written rather than typeset.
    package static func render(_ article: Article, options: Options = Options()) throws(BuildFailure) -> RenderedArticle {
        do throws(BuildFailure) {
            return try renderOnce(article, options: options)
        } catch {
            guard options.smartPunctuation else { throw error }
            var plain = options
            plain.smartPunctuation = false
            do throws(BuildFailure) { _ = try renderOnce(article, options: plain) } catch { throw error }
            throw error
        }
    }

    /// `render` with the options as they are.
    private static func renderOnce(_ article: Article, options: Options) throws(BuildFailure) -> RenderedArticle {
        let references = ReferenceContext(
            articlePath: article.contentPath, slug: article.folder, file: article.sourcePath, lineOffset: article.bodyStartLine - 1,
            contentFolder: options.contentFolder, media: options.media, basePath: options.basePath,
            siteLanguage: options.siteLanguage)
        let markdown = MarkdownRenderer.render(
            article.body, unsafe: options.unsafeHTML, reservedIDs: options.reservedIDs, basePath: options.basePath,
            smart: options.smartPunctuation, references: references, embeds: options.embeds)
        var diagnostics = markdown.references.diagnostics
        let notes = markdown.notes.map { $0.diagnostic(file: article.sourcePath, bodyStartLine: article.bodyStartLine) }
        diagnostics += notes.filter { $0.severity == .error }
        // A heading is matched as authors type it (`HeadingMatch.key`: case, curly or straight
        // quotes, trailing punctuation and runs of spaces do not count): `Afghanistan's` names
        // the heading cmark set as `Afghanistan’s`. Each heading and each entry is keyed once.
        let headingTexts = markdown.sections.map { $0.heading!.text }
        let headingKeys = headingTexts.map(HeadingMatch.key)
        let headingByKey = Dictionary(zip(headingKeys, headingTexts), uniquingKeysWith: { first, _ in first })
        // The front matter as the pages show it (its lead image's alt text and credit too).
        let frontMatter =
            options.smartPunctuation
            ? FrontMatterTypesetting.typeset(article.frontMatter, headingByKey: headingByKey)
            : article.frontMatter
        let bindings = frontMatter.sections
        let byHeading = Dictionary(zip(bindings.map { HeadingMatch.key($0.heading) }, bindings), uniquingKeysWith: { a, _ in a })

        // Every `sections:` entry must name an H2 of the body.
        diagnostics += SectionMatching.unmatched(
            article.frontMatter.sections, headings: headingTexts, headingKeys: Set(headingKeys), file: article.sourcePath)

        // Every section is a page that lists every page of the explainer: bounded.
        if markdown.sections.count > SitePlanner.maxSections {
            let heading = markdown.sections[SitePlanner.maxSections].heading!
            diagnostics.append(
                Diagnostic(
                    file: article.sourcePath, line: heading.line + article.bodyStartLine - 1, column: 1,
                    message:
                        "This explainer has \(markdown.sections.count) sections (H2 headings); at most \(SitePlanner.maxSections) are allowed, and this is heading \(SitePlanner.maxSections + 1).",
                    hint:
                        "Each section is a page that links to every other; split the explainer in two, or make some of these headings `###`."
                ))
            throw BuildFailure(diagnostics)
        }

        var folder = SitePlanner.explainerFolder(article.slug)
        // Slugs of unnamed sections never take a page the explainer has, nor a `sections:` key.
        var keys = UniqueNames(reserved: Set(bindings.map(\.key)).union(SitePlanner.explainerPageKeys))
        var sections: [RenderedSection] = []
        for (chunk, headingKey) in zip(markdown.sections, headingKeys) {
            let heading = chunk.heading!
            let key: String
            let binding = byHeading[headingKey]
            if let binding {
                key = binding.key
            } else {
                var base = Slug.make(heading.text)
                if base.isEmpty { base = "section" }
                key = keys.unique(base)
            }
            let label = SectionLabel.of(heading: heading.text, binding: binding)
            // A `sections:` key naming one of the explainer's own pages is the entry's fault;
            // otherwise the heading's (the second of two the same).
            let location =
                binding.flatMap { SitePlanner.explainerPageKeys.contains($0.key) ? $0.location : nil }
                ?? SourceLocation(line: heading.line + article.bodyStartLine - 1, column: 1)
            // Only a `sections:` key can clash with a page (an unnamed section's slug is unique
            // already); any section, with a file of the bundle.
            if let conflict = folder.claim(
                key, isFolder: true, by: .section(key: key, heading: heading.text, file: article.sourcePath, location: location))
            {
                diagnostics.append(conflict)
                continue
            }
            sections.append(
                RenderedSection(
                    key: key, label: label, chunk: chunk,
                    description: Excerpt.plainText(fromHTML: chunk.excerptHTML, limit: 160)))
        }
        if let problem = TimelinePlacement.place(in: &sections, frontMatter: frontMatter, file: article.sourcePath) {
            diagnostics.append(problem)
        }
        // The lead image, and every file the explainer publishes from its bundle, each claimed
        // in its folder (a bundle file may not take a page's place).
        var leadImage: LeadImage?
        if let reference = frontMatter.image {
            do throws(BuildFailure) {
                leadImage = try LeadImage.resolve(
                    reference, articlePath: article.contentPath, catalog: options.media, file: article.sourcePath)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        let media = MediaStage.publication(
            bundle: article.bundle, slug: article.folder, used: markdown.references.usedMedia, lead: leadImage, catalog: options.media)
        var refused: Set<String> = []
        for output in media where !refused.contains(output.entry.source) {
            let path = String(output.path.dropFirst(article.folder.utf8.count + 1))
            if let conflict = folder.claim(path, by: .bundleFile(output.entry.source)) {
                diagnostics.append(conflict)
                refused.insert(output.entry.source)  // one error per file, not one per copy
            }
        }
        guard diagnostics.isEmpty else { throw BuildFailure(diagnostics) }

        var quotes = markdown.lede.quotes.map { RenderedArticle.PlacedQuote(quote: $0, sectionKey: nil) }
        for section in sections {
            quotes += section.chunk.quotes.map { RenderedArticle.PlacedQuote(quote: $0, sectionKey: section.key) }
        }
        // The Markdown now lives on as `lede` and `sections`; every page of a site keeps its
        // article until the build ends, so the source text is not kept twice.
        var article = article
        article.body = ""
        article.frontMatter = frontMatter
        return RenderedArticle(
            article: article, lede: markdown.lede, sections: sections, quotes: quotes, usedMedia: markdown.references.usedMedia,
            siteReferences: markdown.references.siteReferences, leadImage: leadImage, media: media,
            warnings: notes.filter { $0.severity == .warning })
    }
}
