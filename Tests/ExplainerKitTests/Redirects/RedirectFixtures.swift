@testable import ExplainerKit

/// Small sites of explainers with `aliases:`, for the redirect tests.
enum RedirectFixtures {
    /// An explainer titled `title` with `lines` added to its front matter (e.g. `aliases: [old]`).
    static func explainer(_ title: String, _ lines: String = "", date: String = "2025-01-02") -> String {
        """
        ---
        title: "\(title)"
        summary: "About \(title)."
        date: \(date)
        sections:
          history: "The past"
        \(lines)
        ---
        The lede.

        ## The past

        History.
        """
    }

    /// The sources of a site of `articles` (file name, text), with the given base URL.
    static func sources(_ articles: [(String, String)], baseURL: String = "https://test.example") -> SiteSources {
        Fixtures.sources(
            articles: articles,
            siteYML: Fixtures.siteYML.replacingOccurrences(of: "baseURL: https://test.example", with: "baseURL: \(baseURL)"))
    }

    /// The build's problems (none when it succeeds).
    static func problems(_ sources: SiteSources) -> [Diagnostic] {
        outcome { () throws(BuildFailure) in try SiteBuilder.build(sources) }.diagnostics
    }

    /// The line of `text` (from 1) on which `needle` first stands.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}
