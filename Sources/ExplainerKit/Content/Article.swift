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
