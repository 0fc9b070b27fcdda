/// Everything a build reads, held in memory: the site configuration, the articles, the
/// templates and the static assets. Made by `SiteSourceReader` from disk, or by a test.
package struct SiteSources: Sendable {
    var config: SourceFile
    /// `authors.yml`, the site's authors (nil when the site has none).
    var authors: SourceFile?
    /// `Content/*.md` and the bundles' `Content/*/index.md`, sorted by path.
    package var articles: [SourceFile]
    /// `Templates/**/*.mustache`, over the embedded theme's (`ThemeFiles`).
    var templates: [SourceFile]
    /// `Templates/assets/**` over the embedded theme's, with paths relative to the assets folder (`style.css`).
    var assets: [SourceFile]
    /// The translation tables (`i18n/<tag>.yml`): the embedded theme's, then the site's
    /// (`ThemeFiles.translationTables`).
    var translations: [SourceFile]
    /// Display prefix of template paths (`Templates`).
    var templatesFolder: String
    /// Problems met while reading (unreadable files, symlink loops…).
    var readDiagnostics: [Diagnostic]
    /// The content folder as the articles' paths spell it (`Content`).
    var contentFolder: String
    /// The files of the explainers' bundles (`Content/x/…` beside `Content/x/index.md`),
    /// listed with their sizes, not read; sorted by `source`.
    package var bundleFiles: [BundleFile]
    /// The names of `assets` that come from the embedded theme (`ThemeFiles`), not the folder.
    var embeddedAssets: Set<String>

    init(
        config: SourceFile, articles: [SourceFile], templates: [SourceFile], assets: [SourceFile],
        translations: [SourceFile] = EmbeddedTheme.translationTables, templatesFolder: String = "Templates",
        readDiagnostics: [Diagnostic] = [], contentFolder: String = "Content",
        bundleFiles: [BundleFile] = [], embeddedAssets: Set<String> = [], authors: SourceFile? = nil
    ) {
        self.config = config
        self.authors = authors
        // Usually already in order (folders are listed sorted): check before sorting.
        let inOrder: (SourceFile, SourceFile) -> Bool = { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.articles = zip(articles, articles.dropFirst()).allSatisfy { !inOrder($1, $0) } ? articles : articles.sorted(by: inOrder)
        self.templates = templates
        self.assets = assets
        self.translations = translations
        self.templatesFolder = templatesFolder
        self.readDiagnostics = readDiagnostics
        self.contentFolder = contentFolder
        self.bundleFiles = bundleFiles.sorted { ExactPath.precedes($0.source, $1.source) }
        self.embeddedAssets = embeddedAssets
    }

    /// The asset named `name` (below `assets/`) as messages name it: `Templates/assets/style.css`,
    /// or `(embedded theme)/assets/style.css`.
    func assetSource(_ name: String) -> String {
        (embeddedAssets.contains(name) ? EmbeddedTheme.folder : templatesFolder) + "/" + SiteURLs.assetsFolder + "/" + name
    }
}
