import Foundation
import Testing

@testable import ExplainerKit

/// The template variables are defined once, in the view models' tables: docs/templates.md documents
/// exactly those, the template check accepts exactly those, and each answers what its table
/// says.
@Suite("Template vocabulary")
struct TemplateVocabularyTests {
    /// docs/templates.md's table of template variables (from its header row to the first line that
    /// is not a table row).
    static func documentedTable() throws -> String {
        let readme = try String(contentsOfFile: Fixtures.path("docs/templates.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| variable | on | what |") })
        let end = lines[start...].firstIndex { !$0.hasPrefix("|") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n") + "\n"
    }

    /// With `EXPLAINER_UPDATE_TEMPLATE_DOCS=1` in the environment, the test first writes the
    /// code's table into docs/templates.md (after a template variable was added or changed).
    @Test func documentedTableIsTheTablesOfTheCode() throws {
        let expected = TemplateVocabulary.markdownTable
        if ProcessInfo.processInfo.environment["EXPLAINER_UPDATE_TEMPLATE_DOCS"] == "1" {
            let path = Fixtures.path("docs/templates.md")
            let current = try Self.documentedTable()
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: current, with: expected)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let actual = try Self.documentedTable()
        #expect(actual == expected, "docs/templates.md's variable table differs from the code's; replace it with:\n\(expected)")
    }

    @Test func everyVariableTheShippedTemplatesUseIsDocumented() throws {
        // The variables `quotes.mustache` used without the documentation naming them, among others.
        let paths = Set(TemplateVocabulary.variables.map(\.path))
        for path in [
            "explainer.quotes[].role", "explainer.quotes[].hasRole", "explainer.quotes[].hasDate",
            "explainer.quotes[].date", "explainer.quotes[].dateISO", "section.toc[].level", "explainer.pages[].current",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        let (templates, _) = Fixtures.repoTemplates()
        for file in templates {
            for reference in TemplateScanner.scan(String(decoding: file.bytes, as: UTF8.self)).references
            where reference.kind == .variable && reference.name != "." {
                let root = String(reference.name.split(separator: ".").first ?? "")
                #expect(PageContext.knownNames.contains(root), "\(file.path): \(reference.name)")
            }
        }
    }

    @Test func pageKindsAreWhereTheContextHasThem() {
        func kinds(_ path: String) -> String? {
            TemplateVocabulary.variables.first { $0.path == path }.map { TemplateVocabulary.describe($0.pageKinds) }
        }
        #expect(kinds("site.title") == "all")
        #expect(kinds("explainer.quotes[].role") == "explainer pages")
        #expect(kinds("section.toc[].text") == "section")
        #expect(kinds("cards[].excerptHTML") == "overview")
        #expect(kinds("articles[].dateISO") == "home, 404, author, topic")
        #expect(kinds("pagination.nextURL") == "home, topic")
        // An object type is listed once, under the first path that reaches it.
        #expect(kinds("allSections[]") == "all" && kinds("allSections[].title") == nil)
        #expect(kinds("explainer.previous") == "explainer pages" && kinds("explainer.previous.url") == nil)
    }

    @Test func namesAreInternedOnceAndLookedUpByKey() {
        #expect(TemplateKey("title") == TemplateKey("title"))
        #expect(TemplateKey("title") != TemplateKey("summary"))
        let link = PageLink(label: "History", title: "A history", url: "/a/history/", isCurrent: true, readingMinutes: nil)
        guard case .string(let label)? = link.value(for: TemplateKey("label")) else { Issue.record("label"); return }
        #expect(label == "History")
        guard case .bool(true)? = link.value(for: TemplateKey("current")) else { Issue.record("current"); return }
        // Absent optionals and names of other types answer nothing, so the lookup goes on.
        #expect(link.value(for: TemplateKey("minutes")) == nil)
        #expect(link.value(for: TemplateKey("summary")) == nil)
        #expect(link.value(for: TemplateKey("no such name anywhere")) == nil)
        // swift-mustache sees the same names through `MustacheView`.
        #expect(MustacheView(object: link).child(named: "url") as? String == "/a/history/")
        #expect(MustacheView(object: link).child(named: "isCurrent") == nil)
    }
}
