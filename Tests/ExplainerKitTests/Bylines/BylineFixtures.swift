import Foundation

@testable import ExplainerKit

/// Small sites with an authors file, for the byline and scheduling suites.
enum BylineFixtures {
    static let authorsYML = """
        ana-diaz:
          name: Ana Díaz
          role: Chief correspondent
          url: https://example.org/ana
          bio: Covers Central Asia.
          links:
            - { text: Mastodon, url: "https://example.social/@ana" }
        ben-lee:
          name: Ben Lee
          role: Data editor
        """

    /// An article dated `date`, with `authors:` as given (nothing when nil) and more front matter.
    static func article(
        title: String = "Test explainer", date: String = "2025-01-02", authors: String? = nil, extra: String = ""
    ) -> String {
        Fixtures.article(
            title: title, date: date, extraFrontMatter: (authors.map { "authors: \($0)\n" } ?? "") + extra)
    }

    /// The sources of `articles` (name → text) with `authors` as `Content/authors.yml` (none when nil).
    static func sources(_ articles: [(String, String)], authors: String? = authorsYML) -> SiteSources {
        var sources = Fixtures.sources(articles: articles)
        sources.authors = authors.map { SourceFile(path: "Content/authors.yml", text: $0) }
        return sources
    }

    /// The build's settings on `today` (`2026-07-01` unless told).
    static func settings(
        today: (year: Int, month: Int, day: Int) = (2026, 7, 1), drafts: Bool = false, future: Bool = false,
        production: Bool = false
    ) -> BuildSettings {
        BuildSettings(includeDrafts: drafts, includeFuture: future, today: today, production: production)
    }

    /// The problems of a build that must fail.
    static func failure(_ sources: SiteSources, settings: BuildSettings = settings()) -> [Diagnostic] {
        thrownFailure { try SiteBuilder.build(sources, settings: settings) }?.diagnostics ?? []
    }

    /// The JSON-LD object of an HTML page.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/ld+json\">"
        guard let start = html.range(of: open), let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return [:] }
        let data = Data(html[start.upperBound..<end.lowerBound].utf8)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

extension SiteBuild {
    /// The text of the file at `path`, or an error naming it (not the whole build).
    func page(_ path: String) throws -> String {
        guard let text = text(path) else { throw Missing(path: path) }
        return text
    }

    struct Missing: Error { let path: String }
}
