/// One explainer as loaded from `Content/<slug>.md` or `Content/<slug>/index.md` (a bundle):
/// typed front matter plus its Markdown body.
package struct Article: Sendable, Hashable {
    /// URL- and file-safe name: `Content/russia-taliban.md` → `russia-taliban`,
    /// `Content/map-story/index.md` → `map-story` (unless `slug:` says otherwise).
    var slug: String
    /// The file it came from, for error messages.
    var sourcePath: String
    /// The file's path in the content folder (`russia-taliban.md`, `map-story/index.md`):
    /// what its relative links are resolved against.
    var contentPath: String
    var frontMatter: FrontMatter
    /// The Markdown after the front matter (LF line endings, no BOM).
    var body: String
    /// The file line on which `body` starts (1-based), to map Markdown lines back to the file.
    var bodyStartLine: Int
    /// Published, a draft or scheduled, as of the build's day (set when the build loads it).
    var status = PublicationStatus.published
    /// The language its file name gives (`x.de.md`, `x/index.de.md`: `ContentNames.translation`),
    /// nil for a file without a code. The build keeps it only when it is not the site's
    /// language: it is then the language space the explainer is in (`/de/<slug>/`), and nil is
    /// the site's own space, at the root.
    var spaceLanguage: LanguageTag?

    /// What ties the translations of one explainer together: the content path of its file
    /// without a language code (`x.md` for `x.md` and `x.de.md`).
    var translationKey: String { ContentNames.translation(contentPath)?.original ?? contentPath }

    /// Its folder in the output, below its space's (`x`, `de/x`): where its pages and bundle
    /// files are.
    var folder: String { spaceLanguage.map { SiteURLs.spaceFolder($0) + "/" + slug } ?? slug }

    init(
        slug: String, sourcePath: String, contentPath: String? = nil, frontMatter: FrontMatter, body: String, bodyStartLine: Int
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.contentPath = contentPath ?? String(sourcePath.split(separator: "/").last ?? Substring(sourcePath))
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    /// The bundle folder it is the `index.md` of (`map-story`), nil for `Content/<slug>.md`.
    var bundle: String? { URLResolver.bundle(ofArticle: contentPath) }
}
