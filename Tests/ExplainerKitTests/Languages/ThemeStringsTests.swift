import Foundation
import Testing

@testable import ExplainerKit

private typealias F = StringsFixtures

@Suite("Languages: the theme's strings")
struct ThemeStringsTests {
    /// Every page kind's file in the fixture site, and the redirect page of its old path.
    static let pageFiles = [
        "index.html", "lorem/index.html", "lorem/prima/index.html", "lorem/quotes/index.html", "lorem/all/index.html",
        "corrections/index.html", "404.html", "authors/index.html", "authors/ana-diaz/index.html",
        "authors/chloe-martin/index.html", "topics/index.html", "topics/alpha/index.html", "search/index.html",
        "vetus-lorem/index.html", "draft/index.html", "futurum/index.html",
    ]

    @Test(
        "Every page kind, in each shipped language, shows no English string where the language's table has another",
        arguments: ["de", "fr", "es", "ar"])
    func noEnglishLeft(language: String) throws {
        let pages = F.pages(try F.build(language: language))
        for file in Self.pageFiles { #expect(pages[file] != nil, "\(file) is built") }
        #expect(Set(pages.values.compactMap { Self.kind(of: $0) }) == Set(Page.Kind.allCases.map(\.rawValue)))
        let pieces = F.englishPieces(notIn: language)
        #expect(pieces.count > 60)
        var left: [String] = []
        for (file, html) in pages.sorted(by: { $0.key < $1.key }) {
            let text = F.readerText(html)
            for (key, piece) in pieces where F.contains(text, piece: piece) { left.append("\(file): `\(key)` “\(piece)”") }
        }
        #expect(left.isEmpty, "\(left.joined(separator: "\n"))")
        // And the language's own strings are there.
        let text = pages.values.map(F.readerText).joined(separator: "\n")
        let strings = Translations.embedded.strings(for: LanguageTag(language)!)
        let own = Translations.embedded.english.keys.filter { key in
            let theirs = strings.text(key)
            return theirs != Translations.embedded.english[key]?.text(for: .other) && !theirs.contains("{")
                && F.contains(text, piece: theirs.trimmingCharacters(in: .whitespaces))
        }
        #expect(own.count > 40, "\(own.count)")
    }

    @Test("The scan finds the English strings on the English site (so it can fail)")
    func scanFindsEnglish() throws {
        let pages = F.pages(try F.build(language: "en"))
        for file in Self.pageFiles { #expect(pages[file] != nil, "\(file) is built") }
        let text = pages.values.map(F.readerText).joined(separator: "\n")
        let found = Set(F.englishPieces(notIn: "de").filter { F.contains(text, piece: $0.piece) }.map(\.key))
        for key in [
            "overview", "keyPoints", "readingTime", "readingTimeInAll", "whatWasSaid", "readInContext", "by", "bylineAnd",
            "correction", "clarification", "update", "notFoundTitle", "searchNeedsJavaScript", "redirectHeading", "draft",
            "scheduledBanner",
            "explainerCount", "topicNewestFirst", "explainersBy", "asOf", "quotesTitle", "section",
        ] {
            #expect(found.contains(key), "\(key)")
        }
        #expect(found.count > 50)
    }

    @Test("German pages read in German: labels, counts, bylines, titles")
    func germanPages() throws {
        let pages = F.pages(try F.build(language: "de"))
        let overview = try #require(pages["lorem/index.html"])
        #expect(overview.contains("<h2 id=\"key-points\">Das Wichtigste</h2>"))
        #expect(overview.contains("Min. Lesezeit insgesamt"))
        #expect(overview.contains(">Ben Lee</bdi></a> und <a"))
        #expect(overview.contains("<p class=\"byline\">Von <a"))
        #expect(overview.contains("<strong class=\"update-kind\">Klarstellung</strong>"))
        let quotes = try #require(pages["lorem/quotes/index.html"])
        #expect(quotes.contains("<title>Zitate: Lorem ipsum – Specimen</title>"))
        #expect(quotes.contains("Im Zusammenhang lesen: Überblick"))
        #expect(quotes.contains("Die Zitate in „Lorem ipsum“"))
        let topics = try #require(pages["topics/index.html"])
        #expect(topics.contains("<span class=\"topic-count\">3 Erklärstücke</span>"))
        #expect(try #require(pages["vetus-lorem/index.html"]).contains("<h1>Diese Seite ist umgezogen</h1>"))
        #expect(try #require(pages["search/index.html"]).contains("<h1>Suche</h1>"))
        #expect(overview.contains("data-pagefind-meta=\"kind:Überblick\""))
    }

    @Test("An explainer's own language decides its pages' strings on a site in another")
    func explainerLanguage() throws {
        let pages = F.pages(try F.build(language: "en", articleExtra: "language: fr-FR"))
        #expect(try #require(pages["lorem/index.html"]).contains("<h2 id=\"key-points\">L’essentiel</h2>"))
        #expect(try #require(pages["lorem/quotes/index.html"]).contains("<title>Citations : Lorem ipsum – Specimen</title>"))
        #expect(try #require(pages["vetus-lorem/index.html"]).contains("Cette page a été déplacée"))
        // The listings stay in the site's language.
        #expect(try #require(pages["index.html"]).contains("<h2 class=\"list-heading\">Explainers</h2>"))
    }

    @Test("Arabic messages with a count give all six CLDR forms; one explainer is said as Arabic says it")
    func arabicPlurals() {
        let arabic = Translations.embedded.tables["ar"] ?? [:]
        for (key, message) in Translations.embedded.english {
            guard case .plural = message else { continue }
            guard case .plural(let forms) = arabic[key] else {
                Issue.record("`\(key)` is not plural in Arabic")
                continue
            }
            #expect(Set(forms.keys) == Set(PluralCategory.allCases), "\(key)")
        }
        #expect(Translations.embedded.strings(for: LanguageTag("ar")!).text("explainerCount", count: 1) == "شرح واحد")
    }

    @Test("Listing pages past the first are titled in their language")
    func laterListingPages() {
        let strings = Translations.embedded.strings(for: LanguageTag("es")!)
        let slice = ListingPagination.pages(of: [], size: 1) { "/page/\($0)/" }[0]
        var second = slice
        second.number = 2
        second.count = 3
        #expect(slice.title("Specimen", strings) == "Specimen")
        #expect(second.title("Specimen", strings) == "Specimen, página 2")
        #expect(second.description("Situs", strings) == "Situs (página 2 de 3)")
    }

    /// The `page.kind` a page's `<body class="page-KIND">` names.
    static func kind(of html: String) -> String? {
        guard let range = html.range(of: #"<body class="page-[a-z0-9]+"#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst("<body class=\"page-".count))
    }
}
