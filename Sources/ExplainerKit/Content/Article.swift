/// One explainer as loaded from `Content/<slug>.md`: typed front matter plus its Markdown body.
package struct Article: Sendable, Hashable {
    /// URL- and file-safe name: `Content/russia-taliban.md` → `russia-taliban`.
    var slug: String
    /// The file it came from, for error messages.
    var sourcePath: String
    var frontMatter: FrontMatter
    /// The Markdown after the front matter (LF line endings, no BOM).
    var body: String
    /// The file line on which `body` starts (1-based), to map Markdown lines back to the file.
    var bodyStartLine: Int

    init(slug: String, sourcePath: String, frontMatter: FrontMatter, body: String, bodyStartLine: Int) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
    }
}
