import Foundation

@testable import ExplainerKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Sites made in memory and in temporary folders for the publish tests (article shape with links to check).
enum PublishFixtures {
    static let packageRoot: String = Fixtures.root.path

    static let siteYML = """
        title: Test Site
        baseURL: https://test.example.org
        language: en
        author: Test Desk
        description: A site for tests.
        search: false
        """

    /// An article with a lede and two sections; `extra` is appended to the first section.
    static func article(title: String, date: String, updated: String? = nil, draft: Bool = false, extra: String = "") -> String {
        """
        ---
        title: "\(title)"
        summary: "Summary of \(title) & friends <b>."
        date: \(date)
        \(updated.map { "updated: \($0)\n" } ?? "")draft: \(draft)
        ---
        The lede of \(title), with a [link to the site](/) and an [external one](https://example.com/x).

        ## Background

        Some background. See [the feed](/feed.xml) and [the top](#main).\(extra)

        ## Risks

        Some risks.
        """
    }

    static func sources(_ articles: [String: String]) -> SiteSources {
        Fixtures.sources(articles: articles.map { ("\($0.key).md", $0.value) }, siteYML: siteYML)
    }

    static func build(_ articles: [String: String], settings: BuildSettings = BuildSettings()) throws -> SiteBuild {
        try SiteBuilder.build(sources(articles), settings: settings)
    }

    /// Writes `Content/` with `site.yml` and the articles into `root`; returns the folder.
    static func writeContent(_ articles: [String: String], in root: String) throws -> String {
        let content = root + "/Content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try siteYML.write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        for (slug, text) in articles {
            try text.write(toFile: "\(content)/\(slug).md", atomically: true, encoding: .utf8)
        }
        return content
    }
}

/// Collects the text of every element with a given name, and whether the document parsed.
final class XMLTextCollector: NSObject, XMLParserDelegate {
    let element: String
    var texts: [String] = []
    var failed = false
    private var current: String?

    init(element: String) {
        self.element = element
    }

    /// Parses `text`; `nil` when it is not well-formed.
    static func collect(_ element: String, in text: String) -> [String]? {
        let collector = XMLTextCollector(element: element)
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        let parsed = withExtendedLifetime(collector) { parser.parse() }
        return parsed && !collector.failed ? collector.texts : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == element { current = "" }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true  // on Linux, parse() returns true even for malformed XML
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == element, let current { texts.append(current) }
        if elementName == element { current = nil }
    }
}

extension PublishRunner {
    /// What `run()` threw, or nil when the publish succeeded: for the tests that look at how
    /// a publish failed.
    func runFailure() -> BuildFailure? {
        do {
            _ = try run()
            return nil
        } catch {
            return error
        }
    }
}
