/// Turns one source file into an `Article`: decodes the text, splits off and decodes the
/// front matter. Pure: no disk access.
package enum ArticleParser {
    /// The article of `file`, or every problem of the file (the front matter's all together).
    /// Parsing gives no warnings: every problem it finds is an error.
    ///
    /// - Parameter contentFolder: the content folder as `file.path` spells it: the slug of
    ///   `<contentFolder>/<folder>/index.md` (a bundle) is the folder's name, not `index`.
    ///   `siteLanguage`: the language of an explainer that names none (nor its file name).
    package static func parse(
        _ file: SourceFile, contentFolder: String = "Content", siteLanguage: LanguageTag = .english
    ) throws(BuildFailure) -> Article {
        let text = try TextDecoding.decode(file)
        let parts = try FrontMatterSplitter.split(text, file: file.path)
        let contentPath = ContentNames.contentPath(of: file.path, in: contentFolder)
        let bundle = URLResolver.bundle(ofArticle: contentPath)
        let translation = ContentNames.translation(contentPath)
        var frontMatter = try FrontMatterDecoder.decode(
            yaml: parts.yaml, file: file.path, yamlStartLine: parts.yamlStartLine,
            language: translation?.language ?? siteLanguage)
        if let translation {
            if let written = frontMatter.language, written.languageCode != translation.language.languageCode {
                throw BuildFailure(
                    Diagnostic(
                        file: file.path,
                        message:
                            "The file name says this explainer is in `\(translation.language)`, and its front matter says `language: \(written)`.",
                        hint: "Remove `language:` (the name's code is enough), or rename the file to the language it is in."))
            }
            if frontMatter.language == nil { frontMatter.language = translation.language }
        }
        let slug = frontMatter.slug ?? nameSlug(bundle: bundle, file: file)
        guard !slug.isEmpty else {
            let what = bundle == nil ? "file name" : "folder name"
            throw BuildFailure(
                Diagnostic(
                    file: file.path,
                    message:
                        "The \(what) gives no usable slug: a slug is made of the name's letters and digits (of any script), and it has none.",
                    hint:
                        "Set `slug:` in the front matter (e.g. `slug: my-explainer`, which gives /my-explainer/), or rename the \(bundle == nil ? "file" : "folder")."
                ))
        }
        var article = Article(
            slug: slug, sourcePath: file.path, contentPath: contentPath, frontMatter: frontMatter,
            body: parts.body, bodyStartLine: parts.bodyStartLine)
        article.spaceLanguage = translation?.language
        return article
    }

    /// The slug the name of `file` gives, which `slug:` overrides: the folder's name for a
    /// bundle's `index.md`, else the file's name (empty when the name has no letters or digits).
    static func nameSlug(of file: SourceFile, contentFolder: String) -> String {
        nameSlug(bundle: URLResolver.bundle(ofArticle: ContentNames.contentPath(of: file.path, in: contentFolder)), file: file)
    }

    private static func nameSlug(bundle: String?, file: SourceFile) -> String {
        if let bundle { return Slug.make(bundle) }
        // A translation's slug is its original's (`x.de.md` → `x`, at `/de/x/`).
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return Slug.make(ContentNames.translation(name).map { String($0.original.dropLast(3)) } ?? file.baseName)
    }
}
