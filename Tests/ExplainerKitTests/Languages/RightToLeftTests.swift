import Foundation
import Testing

@testable import ExplainerKit

/// Right to left: `<html dir>` from the page's language on every page (redirect pages too),
/// a stylesheet with no physical left or right, the pagers' words from the tables and their
/// arrows mirrored, the timeline drawn mirrored, and names isolated (`<bdi>`) from the text
/// around them.
@Suite("Languages: right to left")
struct RightToLeftTests {
    /// The test site in `language`, with `extra` lines in `site.yml`.
    static func siteYML(_ language: String, _ extra: String = "") -> String {
        Fixtures.siteYML.replacingOccurrences(of: "language: en", with: "language: \(language)") + "\n" + extra
    }

    /// Three explainers (one with an alias), built for a site in `language`.
    static func build(_ language: String, _ extra: String = "") throws -> SiteBuild {
        try SiteBuilder.build(
            Fixtures.sources(
                articles: [
                    ("a.md", Fixtures.article(title: "First", date: "2025-01-02", extraFrontMatter: "aliases: [old-a]")),
                    ("b.md", Fixtures.article(title: "Second", date: "2025-01-03")),
                    ("c.md", Fixtures.article(title: "Third", date: "2025-01-04")),
                ], siteYML: siteYML(language, extra)))
    }

    /// Every HTML page of `build`, by path.
    static func pages(_ build: SiteBuild) -> [(path: String, html: String)] {
        build.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    @Test(
        "Every page of an Arabic, Hebrew, Persian or Urdu site is dir=rtl; of the others, dir=ltr",
        arguments: [
            ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"),
            ("en", "ltr"), ("de", "ltr"), ("fr", "ltr"), ("es", "ltr"),
        ])
    func htmlDirection(language: String, direction: String) throws {
        let pages = Self.pages(try Self.build(language))
        // Explainer pages, listings (home, topics, corrections, 404) and the redirect page.
        for path in ["a/index.html", "a/history/index.html", "a/quotes/index.html", "index.html", "404.html", "old-a/index.html"] {
            #expect(pages.contains { $0.path == path }, "\(path) is built")
        }
        #expect(pages.count > 10)
        for page in pages {
            #expect(
                page.html.contains("<html lang=\"\(language)\" dir=\"\(direction)\">"),
                "\(page.path): \(page.html.prefix(80))")
        }
    }

    @Test("An Arabic explainer on an English site is right to left; the site's own pages are not")
    func explainerLanguageDecides() throws {
        let build = try SiteBuilder.build(
            Fixtures.sources(articles: [
                ("a.md", Fixtures.article(title: "شرح", extraFrontMatter: "language: ar\naliases: [old-a]"))
            ]))
        #expect(build.text("a/index.html")?.contains("<html lang=\"ar\" dir=\"rtl\">") == true)
        #expect(build.text("a/history/index.html")?.contains("<html lang=\"ar\" dir=\"rtl\">") == true)
        #expect(build.text("index.html")?.contains("<html lang=\"en\" dir=\"ltr\">") == true)
        // Its redirect page is in its language: its words too.
        let redirect = try #require(build.text("old-a/index.html"))
        #expect(redirect.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(redirect.contains("<h1>نُقلت هذه الصفحة</h1>"))
        #expect(redirect.contains("<a href=\"/a/\"><bdi>شرح</bdi></a>"))
        #expect(!redirect.contains("This page has moved") && !redirect.contains("Moved:"))
    }

    @Test("The stylesheet has no physical left or right: every side is logical")
    func stylesheetIsLogical() throws {
        let css = try String(contentsOfFile: Fixtures.path("Templates/assets/style.css"), encoding: .utf8)
        let declarations = Self.declarations(of: css)
        #expect(declarations.count > 200)
        var physical: [String] = []
        for (property, value) in declarations {
            let words = value.lowercased().split(whereSeparator: { " ,()".contains($0) }).map(String.init)
            if property.contains("left") || property.contains("right") { physical.append("\(property): \(value)") }
            if ["text-align", "float", "clear"].contains(property), words.contains(where: { $0 == "left" || $0 == "right" }) {
                physical.append("\(property): \(value)")
            }
            // A shorthand of four sides whose right and left differ does not mirror.
            if ["margin", "padding", "inset", "border-width", "border-style", "border-color", "scroll-margin", "scroll-padding"]
                .contains(property), words.count == 4, words[1] != words[3]
            {
                physical.append("\(property): \(value)")
            }
        }
        #expect(physical == [], "use margin-inline-start, padding-inline, border-inline-start, inset-inline, text-align: start…")
        // The pager's arrows turn with the text.
        #expect(css.contains("[dir=\"rtl\"] .pager-arrow { transform: scaleX(-1); }"))
        #expect(css.contains(".pager-next { text-align: end; }"))
        // A date of the other direction keeps its order.
        #expect(css.contains("time { unicode-bidi: isolate; }"))
    }

    @Test("The scan would catch a physical property")
    func stylesheetScanCatches() {
        let declarations = Self.declarations(
            of: "a { margin-left: 1px; color: red }\n/* left: 0 */ b { padding: 0 1px 0 2px; text-align: right }")
        #expect(declarations.map(\.property) == ["margin-left", "color", "padding", "text-align"])
        #expect(declarations.last?.value == "right")
    }

    /// The `property: value` declarations of `css`, comments left out, properties in lower case.
    static func declarations(of css: String) -> [(property: String, value: String)] {
        var text = css
        while let open = text.range(of: "/*"), let close = text.range(of: "*/", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var out: [(String, String)] = []
        for block in text.split(separator: "{").dropFirst() {
            let body = block.prefix { $0 != "}" }
            for declaration in body.split(separator: ";") {
                guard let colon = declaration.firstIndex(of: ":") else { continue }
                let property = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                let value = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !property.isEmpty, !property.contains(" "), !property.hasPrefix("--") else { continue }
                out.append((property, value))
            }
        }
        return out
    }

    @Test("The explainer's pager and the home pages' pager read the tables; their arrows are marked to mirror")
    func pagersAreTranslated() throws {
        let build = try Self.build("ar", "homePageSize: 1")
        let section = try #require(build.text("a/history/index.html"))
        #expect(section.contains("<nav class=\"pager\" aria-label=\"الصفحة السابقة والتالية\">"))
        #expect(section.contains("<span class=\"pager-dir\"><span class=\"pager-arrow\" aria-hidden=\"true\">←</span> السابق</span>"))
        #expect(section.contains("<span class=\"pager-dir\">التالي <span class=\"pager-arrow\" aria-hidden=\"true\">→</span></span>"))
        let home = try #require(build.text("page/2/index.html"))
        #expect(home.contains("<p class=\"card-meta\">الصفحة 2 من 3</p>"))
        #expect(home.contains("الصفحة السابقة") && home.contains("الصفحة التالية"))
        #expect(home.contains("شروحات أحدث") && home.contains("شروحات أقدم"))
        for english in ["Previous page", "Next page", "Newer explainers", "Older explainers", "Page 2 of 3", "More explainers"] {
            #expect(!home.contains(english), "\(english)")
        }
        // In English, the same pager says it in English.
        let english = try #require(try Self.build("en", "homePageSize: 1").text("page/2/index.html"))
        #expect(english.contains("Page 2 of 3") && english.contains("aria-label=\"More explainers\""))
    }

    @Test("The timeline of a right-to-left explainer is the left-to-right one mirrored")
    func timelineMirrors() throws {
        let entries = TimelineEntry.chronological([
            TimelineEntry(date: "1979", event: String(repeating: "long words here ", count: 5)),
            TimelineEntry(date: "1980", event: "Close"), TimelineEntry(date: "2021", event: "Later"),
        ])
        let ltr = try #require(TimelineGraphic.svg(entries))
        let rtl = try #require(TimelineGraphic.svg(entries, rightToLeft: true))
        #expect(!ltr.contains("direction="))
        #expect(rtl.contains(" direction=\"rtl\" "))
        let width = TimelineGraphic.width
        let xs = Self.horizontalPositions(ltr)
        #expect(xs.count > 10 && xs.contains(TimelineGraphic.axisX) && xs.contains(TimelineGraphic.labelX))
        #expect(Self.horizontalPositions(rtl) == xs.map { width - $0 })
        // Mirrored in x alone: taking the mirrored numbers back gives the same drawing.
        #expect(Self.verticalPositions(rtl) == Self.verticalPositions(ltr))
        // Built: an Arabic explainer's page draws it mirrored, an English one's does not.
        let arabic = try #require(try Self.build("ar").text("a/history/index.html"))
        #expect(arabic.contains("<svg class=\"timeline-graphic\"") && arabic.contains("direction=\"rtl\""))
        #expect(arabic.contains("cx=\"\(width - TimelineGraphic.axisX)\""))
        let english = try #require(try Self.build("en").text("a/history/index.html"))
        #expect(english.contains("<svg class=\"timeline-graphic\"") && !english.contains("direction=\"rtl\""))
    }

    /// Every x of `svg` (`x`, `cx`, `x1`, `x2` and the path's `M x y L x y`), in order.
    static func horizontalPositions(_ svg: String) -> [Int] {
        positions(svg, names: ["x", "cx", "x1", "x2"], pathIndex: { $0 % 2 == 0 })
    }

    /// Every y of `svg`, in order.
    static func verticalPositions(_ svg: String) -> [Int] {
        positions(svg, names: ["y", "cy", "y1", "y2", "dy"], pathIndex: { $0 % 2 == 1 })
    }

    private static func positions(_ svg: String, names: Set<String>, pathIndex: (Int) -> Bool) -> [Int] {
        var out: [Int] = []
        let regex = #/([a-z0-9]+)="([^"]*)"/#
        for match in svg.matches(of: regex) {
            let name = String(match.1)
            if names.contains(name), let value = Int(match.2) { out.append(value) }
            if name == "d" {
                let numbers = match.2.split(whereSeparator: { "ML ".contains($0) }).compactMap { Int($0) }
                out += numbers.enumerated().filter { pathIndex($0.offset) }.map(\.element)
            }
        }
        return out
    }

    @Test("Names and titles of either direction are isolated: bylines, quote speakers, cards, topics")
    func namesAreIsolated() throws {
        let build = try Self.build("ar")
        let section = try #require(build.text("a/index.html"))
        #expect(section.contains("<figcaption><bdi class=\"speaker\">Ada Lovelace</bdi>"))
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<bdi class=\"speaker\">Grace Hopper</bdi>"))
        #expect(!quotes.contains("<span class=\"speaker\">"))
        let home = try #require(build.text("index.html"))
        #expect(home.contains("<a href=\"/a/\"><bdi>First</bdi></a>"))
        let topics = try #require(build.text("topics/index.html"))
        #expect(topics.contains("<a href=\"/topics/one/\"><bdi>One</bdi></a>"))
    }
}
