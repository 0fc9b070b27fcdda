@testable import ExplainerKit

/// Articles for the sections tests: a body of H2 headings as given, with `sections:` and any
/// other front matter lines.
enum SectionFixtures {
    /// An article whose body has one H2 per `headings` (each with a paragraph) and whose front
    /// matter ends with `frontMatter` (lines, already indented as YAML wants them).
    static func article(headings: [String], frontMatter: String) -> String {
        var text = "---\ntitle: \"Sections test\"\nsummary: \"S.\"\ndate: 2025-01-02\n" + frontMatter + "\n---\nThe lede.\n"
        for (index, heading) in headings.enumerated() { text += "\n## \(heading)\n\nParagraph \(index).\n" }
        return text
    }

    /// The site built from one article `a.md`.
    static func build(_ article: String) throws -> SiteBuild {
        try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
    }

    /// The build's failure for one article `a.md` (nil when it builds).
    static func failure(_ article: String) -> BuildFailure? {
        thrownFailure { try build(article) }
    }
}
