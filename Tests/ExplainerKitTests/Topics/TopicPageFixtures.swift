import Foundation

@testable import ExplainerKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small in-memory sites whose explainers have tags, for the topic pages' tests.
enum TopicPageFixtures {
    /// A short explainer (one section) dated `date`, tagged `tags` (line 5 of the file).
    static func explainer(_ title: String, date: String, tags: [String], extra: String = "") -> String {
        """
        ---
        title: "\(title)"
        summary: "About \(title)."
        date: \(date)
        tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]
        \(extra)
        ---
        The lede of \(title).

        ## Background

        Some background.
        """
    }

    /// The site of `articles` (file name → text), with `homePageSize` when given.
    static func sources(_ articles: [(String, String)], homePageSize: Int? = nil) -> SiteSources {
        Fixtures.sources(
            articles: articles, siteYML: Fixtures.siteYML + (homePageSize.map { "\nhomePageSize: \($0)" } ?? ""))
    }

    /// Builds `articles` in memory.
    static func build(
        _ articles: [(String, String)], homePageSize: Int? = nil, settings: BuildSettings = BuildSettings()
    ) throws -> SiteBuild {
        try SiteBuilder.build(sources(articles, homePageSize: homePageSize), settings: settings)
    }

    /// Whether `needles` are in `text` in that order, each after the one before.
    static func inOrder(_ needles: [String], in text: String) -> Bool {
        var rest = text[...]
        for needle in needles {
            guard let found = rest.range(of: needle) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

/// A feed or a sitemap, parsed by Foundation's `XMLParser`: each element's name, attributes
/// and text, in document order (a document that is not well-formed gives nil).
final class ParsedXML: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The names of the elements it is in, outermost first.
        var path: [String]
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> ParsedXML? {
        let parsed = ParsedXML()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = parsed
        return parser.parse() ? parsed : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes, text: "", path: open.map { elements[$0].name }))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    /// The elements named `name` directly inside an element named `parent`.
    func all(_ name: String, in parent: String) -> [Element] {
        elements.filter { $0.name == name && $0.path.last == parent }
    }
}
