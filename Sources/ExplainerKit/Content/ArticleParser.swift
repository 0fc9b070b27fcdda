/// Turns one source file into an `Article`: decodes the text, splits off and decodes the
/// front matter. Pure: no disk access.
public enum ArticleParser {
    /// The article (when there was no error) and every diagnostic, warnings included.
    public struct Outcome: Sendable {
        public var article: Article?
        public var diagnostics: [Diagnostic]
    }

    public static func parse(_ file: SourceFile) -> Outcome {
        let text: String
        switch TextDecoding.decode(file) {
        case .failure(let f): return Outcome(article: nil, diagnostics: f.diagnostics)
        case .success(let t): text = t
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(text, file: file.path) {
        case .failure(let f): return Outcome(article: nil, diagnostics: f.diagnostics)
        case .success(let p): parts = p
        }
        let decoded = FrontMatterDecoder.decode(yaml: parts.yaml, file: file.path, yamlStartLine: parts.yamlStartLine)
        guard let frontMatter = decoded.frontMatter else {
            return Outcome(article: nil, diagnostics: decoded.diagnostics)
        }
        var diagnostics = decoded.diagnostics
        let slug = frontMatter.slug ?? Slug.make(file.baseName)
        guard !slug.isEmpty else {
            diagnostics.append(Diagnostic(
                file: file.path,
                message: "The file name gives no usable slug: a slug is made of the name's letters and digits (of any script), and it has none.",
                hint: "Set `slug:` in the front matter (e.g. `slug: my-explainer`, which gives /my-explainer/), or rename the file."))
            return Outcome(article: nil, diagnostics: diagnostics)
        }
        let article = Article(
            slug: slug, sourcePath: file.path, frontMatter: frontMatter,
            body: parts.body, bodyStartLine: parts.bodyStartLine)
        return Outcome(article: article, diagnostics: diagnostics)
    }
}
