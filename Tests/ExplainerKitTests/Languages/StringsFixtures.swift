import Foundation

@testable import ExplainerKit

/// A small site with every page kind (and a redirect page), its content in Latin so that no
/// word of it is one of the theme's English strings, and a scan of built HTML for the
/// theme's English strings: the strings suite's fixtures.
enum StringsFixtures {
    /// The five languages the theme ships tables for.
    static let languages = ["en", "de", "fr", "es", "ar"]

    static func siteYML(language: String) -> String {
        """
        title: Specimen
        baseURL: https://test.example
        language: \(language)
        author: Redactio
        description: Situs probationis.
        search: true
        """
    }

    static let authorsYML = """
        ana-diaz:
          name: Ana Díaz
          role: Correspondens
          bio: Scribit de rebus.
        ben-lee:
          name: Ben Lee
        chloe-martin:
          name: Chloé Martin
        """

    /// An explainer with a lede, two sections (one with a table of contents), quotes, key
    /// points, "what we know", a timeline on the overview, three updates (one a correction),
    /// three authors, two topics and an old path.
    static func explainer(title: String = "Lorem ipsum", extra: String = "") -> String {
        """
        ---
        title: "\(title)"
        summary: "Dolor sit amet."
        date: 2025-01-02
        tags: [Alpha, Beta]
        authors: [ana-diaz, ben-lee, chloe-martin]
        sections:
          prima: "Prima pars"
        keyPoints: ["Punctum unum"]
        known: ["Notum"]
        unknown: ["Ignotum"]
        timeline:
          - { date: "1990", event: "Initium" }
          - { date: "2020", event: "Mutatio" }
        updates:
          - { date: 2025-01-03, kind: correction, text: "Erratum correctum." }
          - { date: 2025-01-04, kind: clarification, text: "Clarius dictum." }
          - { date: 2025-01-05, kind: update, text: "Novum additum." }
        \(extra)
        ---
        Initium textus, [fons](https://example.com/fons).

        > "Verba in initio."
        >
        > — Ada Lovelace, mathematica

        ## Prima pars

        Textus primus.

        ### Sub una

        Sub textus.

        ### Sub duo

        Sub textus.

        > "Verba secunda."
        >
        > — Grace Hopper, praefecta

        ## Secunda pars

        Textus secundus.
        """
    }

    /// The site in `language`: the explainer, a draft and a scheduled explainer (built with
    /// `--drafts --future`), site tables `tables` (path → text) over the embedded ones.
    static func sources(language: String, tables: [String: String] = [:], articleExtra: String = "") -> SiteSources {
        var sources = Fixtures.sources(
            articles: [
                ("lorem.md", explainer(extra: "aliases: [/vetus-lorem/]\n" + articleExtra)),
                ("draft.md", explainer(title: "Schedula", extra: "draft: true")),
                ("futurum.md", explainer(title: "Futurum").replacingOccurrences(of: "date: 2025-01-0", with: "date: 2026-03-0")),
            ],
            siteYML: siteYML(language: language))
        sources.authors = SourceFile(path: "Content/authors.yml", text: authorsYML)
        sources.translations += tables.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) }
        return sources
    }

    static let settings = BuildSettings(includeDrafts: true, includeFuture: true, today: (2025, 6, 1))

    /// The built site in `language`.
    static func build(language: String, tables: [String: String] = [:], articleExtra: String = "") throws -> SiteBuild {
        try SiteBuilder.build(sources(language: language, tables: tables, articleExtra: articleExtra), settings: settings)
    }

    /// The HTML pages of `build`, path → text.
    static func pages(_ build: SiteBuild) -> [String: String] {
        var out: [String: String] = [:]
        for file in build.files where file.path.hasSuffix(".html") { out[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return out
    }

    /// What a reader is shown of `html`: its text (not scripts, not styles) and the attributes
    /// read out or shown (`aria-label`, `title`, `alt`, `content`, Pagefind's metadata), with
    /// the entities HTML escaping writes undone.
    static func readerText(_ html: String) -> String {
        var html = html
        for element in ["script", "style"] {
            html = html.replacingOccurrences(of: "<\(element)[^>]*>[\\s\\S]*?</\(element)>", with: " ", options: .regularExpression)
        }
        var parts: [String] = []
        let attributes = try! NSRegularExpression(pattern: #"\s(?:aria-label|title|alt|content|data-pagefind-meta)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        for match in attributes.matches(in: html, range: range) {
            if let value = Range(match.range(at: 1), in: html) { parts.append(String(html[value])) }
        }
        parts.append(html.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression))
        return unescape(parts.joined(separator: "\n"))
    }

    static func unescape(_ text: String) -> String {
        var text = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The pieces of English text to look for in pages in `language`: for each key whose
    /// text in the language differs from English, each run of the English text between its
    /// placeholders (`{count} min read` → `min read`) that has a letter.
    static func englishPieces(notIn language: String) -> [(key: String, piece: String)] {
        let english = Translations.embedded.tables["en"] ?? [:]
        let strings = Translations.embedded.strings(for: LanguageTag(language)!)
        // A piece the language's own texts use as well ("Page" of French "Page précédente")
        // cannot tell English from the translation: it is left out.
        let own = strings.messages.values.flatMap { message in PluralCategory.allCases.map { message.text(for: $0) } }
            .joined(separator: "\n")
        var out: [(String, String)] = []
        for key in english.keys.sorted() {
            let forms = PluralCategory.allCases.map { english[key]?.text(for: $0) ?? "" }
            let theirs = Set(PluralCategory.allCases.map { strings.messages[key]?.text(for: $0) ?? "" })
            for form in Set(forms) where !theirs.contains(form) {
                for piece in form.split(separator: /\{[a-zA-Z]+\}/) {
                    let piece = piece.trimmingCharacters(in: .whitespaces)
                    if piece.contains(where: \.isLetter), !contains(own, piece: piece) { out.append((key, piece)) }
                }
            }
        }
        return out
    }

    /// Whether `text` holds `piece` as words: not inside a longer word (`Correction` is not
    /// found in `Corrections`).
    static func contains(_ text: String, piece: String) -> Bool {
        var pattern = NSRegularExpression.escapedPattern(for: piece)
        if piece.first?.isLetter == true || piece.first?.isNumber == true { pattern = #"(?<![\p{L}\p{N}])"# + pattern }
        if piece.last?.isLetter == true || piece.last?.isNumber == true { pattern += #"(?![\p{L}\p{N}])"# }
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
