import Foundation

@testable import ExplainerKit

/// Small explainers for the related-explainers tests: each a title, a date and tags, with one
/// section (its last page is that section's) or, with `quotes`, a quote too (its last page is
/// the quotes page).
enum RelatedFixtures {
    /// One explainer's source: `Content/<slug>.md`.
    struct Explainer {
        var slug: String
        var title: String
        var date: String
        var tags: [String]
        var quotes = false

        var path: String { "Content/\(slug).md" }

        var text: String {
            let tagList = tags.map { "\"\($0)\"" }.joined(separator: ", ")
            let quote = quotes ? "\n> \"Something said.\"\n>\n> — Ada Lovelace, mathematician\n" : ""
            return """
                ---
                title: "\(title)"
                summary: "What \(title) is about."
                date: \(date)
                tags: [\(tagList)]
                ---
                The lede of \(title).
                \(quote)
                ## Background

                The background of \(title).

                ## What next

                What comes next for \(title).
                """
        }
    }

    /// The explainer parsed and rendered, as the build has it.
    static func rendered(_ explainer: Explainer) throws -> RenderedArticle {
        try ArticleRenderer.render(ArticleParser.parse(SourceFile(path: explainer.path, text: explainer.text)))
    }

    /// The site's sources: the repository's templates and these explainers.
    static func sources(_ explainers: [Explainer]) -> SiteSources {
        Fixtures.sources(articles: explainers.map { ("\($0.slug).md", $0.text) })
    }

    /// The text of the file at `path` in `build`, or "" when there is none.
    static func page(_ build: SiteBuild, _ path: String) -> String {
        build.text(path) ?? ""
    }

    /// The "Related explainers" section of `html` (nil when it has none).
    static func relatedSection(_ html: String) -> String? {
        guard let start = html.range(of: "<section class=\"related\""),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The overview URLs the related section of `html` links to, in order.
    static func relatedLinks(_ html: String) -> [String] {
        guard let section = relatedSection(html) else { return [] }
        return section.components(separatedBy: "<a href=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }
}
