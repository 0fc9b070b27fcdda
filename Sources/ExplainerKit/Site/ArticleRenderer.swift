/// The "render" step: runs an article's body through the Markdown stage and binds its H2
/// sections to the page slugs its front matter names. Pure.
public enum ArticleRenderer {
    /// Slugs a section page may not take: they are pages Explainer makes itself.
    static let reservedKeys: Set<String> = ["quotes", "all", "assets"]

    /// The rendered article (when there was no error) and the diagnostics.
    public struct Outcome: Sendable {
        public var article: RenderedArticle?
        public var diagnostics: [Diagnostic]
    }

    public static func render(_ article: Article, unsafeHTML: Bool = false) -> Outcome {
        let markdown = MarkdownRenderer.render(article.body, unsafe: unsafeHTML)
        var diagnostics: [Diagnostic] = []
        let bindings = article.frontMatter.sections
        let byHeading = Dictionary(bindings.map { ($0.heading, $0) }, uniquingKeysWith: { a, _ in a })

        // Every `sections:` entry must name an H2 of the body.
        let headings = Set(markdown.sections.map { $0.heading!.text })
        for binding in bindings where !headings.contains(binding.heading) {
            let available = markdown.sections.map { "\"\($0.heading!.text)\"" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(
                file: article.sourcePath, line: binding.location?.line, column: binding.location?.column,
                message: "`sections.\(binding.key)` names the heading \"\(binding.heading)\", which the body does not have.",
                hint: available.isEmpty
                    ? "Add a line `## \(binding.heading)` to the body, or remove this entry."
                    : "Use one of the body's H2 headings: \(available)."))
        }

        var usedKeys = reservedKeys
        var sections: [RenderedSection] = []
        for chunk in markdown.sections {
            let heading = chunk.heading!
            let key: String
            let label: String
            if let binding = byHeading[heading.text] {
                key = binding.key
                label = binding.key.prefix(1).uppercased() + binding.key.dropFirst().replacingHyphens()
            } else {
                var base = Slug.make(heading.text)
                if base.isEmpty { base = "section" }
                var candidate = base, n = 2
                while usedKeys.contains(candidate) || bindings.contains(where: { $0.key == candidate }) {
                    candidate = "\(base)-\(n)"
                    n += 1
                }
                key = candidate
                label = heading.text
            }
            if usedKeys.contains(key) {
                diagnostics.append(Diagnostic(
                    file: article.sourcePath, line: heading.line + article.bodyStartLine - 1, column: 1,
                    message: "Two sections would both be the page `\(key)`.",
                    hint: "Give each H2 heading different text, or name them in `sections:`."))
                continue
            }
            usedKeys.insert(key)
            sections.append(RenderedSection(
                key: key, label: label, chunk: chunk,
                description: Excerpt.plainText(fromHTML: chunk.excerptHTML, limit: 160)))
        }
        guard diagnostics.isEmpty else { return Outcome(article: nil, diagnostics: diagnostics) }

        var quotes = markdown.lede.quotes.map { RenderedArticle.PlacedQuote(quote: $0, sectionKey: nil) }
        for section in sections {
            quotes += section.chunk.quotes.map { RenderedArticle.PlacedQuote(quote: $0, sectionKey: section.key) }
        }
        // The Markdown now lives on as `lede` and `sections`; every page of a site keeps its
        // article until the build ends, so the source text is not kept twice.
        var article = article
        article.body = ""
        let rendered = RenderedArticle(article: article, lede: markdown.lede, sections: sections, quotes: quotes)
        return Outcome(article: rendered, diagnostics: [])
    }
}

extension Substring {
    fileprivate func replacingHyphens() -> String {
        String(map { $0 == "-" ? " " : $0 })
    }
}
