import Foundation
import Testing

@testable import ExplainerKit

private typealias F = StringsFixtures

@Suite("Languages: translation tables")
struct TranslationTablesTests {
    @Test("The shipped tables are complete: every English key, with the same placeholders, and no warning")
    func shippedTablesComplete() {
        let embedded = Translations.embedded
        #expect(embedded.warnings.isEmpty, "\(embedded.warnings.map(\.message))")
        let english = embedded.english
        #expect(english.count > 60)
        for language in F.languages {
            let table = embedded.tables[language] ?? [:]
            #expect(Set(table.keys) == Set(english.keys), "\(language): \(Set(english.keys).symmetricDifference(table.keys).sorted())")
            for (key, message) in english {
                let theirs = table[key]
                #expect(Self.placeholders(message) == theirs.map(Self.placeholders), "\(language) `\(key)`")
            }
        }
    }

    @Test("A site's table overrides one string; the language's other strings stay the theme's")
    func siteOverridesOneKey() throws {
        let build = try F.build(language: "de", tables: ["Templates/i18n/de.yml": "keyPoints: \"Kurz gesagt\"\n"])
        let overview = try #require(F.pages(build)["lorem/index.html"])
        #expect(overview.contains("<h2 id=\"key-points\">Kurz gesagt</h2>"))
        #expect(!overview.contains("Das Wichtigste"))
        #expect(overview.contains("<h2 id=\"sections\">In diesem Erklärstück</h2>"))
        #expect(!build.summary.warnings.contains { $0.file.contains("i18n") })
    }

    @Test("A key a site's table lacks falls back to English, with a warning naming the key and the language")
    func missingKeyWarns() throws {
        let build = try F.build(language: "it", tables: ["Templates/i18n/it.yml": "overview: Panoramica\n"])
        let overview = try #require(F.pages(build)["lorem/index.html"])
        #expect(overview.contains(">Panoramica</a>"))
        #expect(overview.contains("<h2 id=\"key-points\">Key points</h2>"))
        let missing = build.summary.warnings.filter { $0.file == "Templates/i18n/it.yml" && $0.message.contains("`keyPoints`") }
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .warning)
        #expect(missing.first?.message.contains("Italian (`it`)") == true)
        #expect(missing.first?.message.contains("“Key points”") == true)
        #expect(!build.summary.warnings.contains { $0.message.contains("`overview`") })
        // A regional table falls back to its language's before English: no warning for `de-CH`.
        let swiss = try Translations.load(
            EmbeddedTheme.translationTables + [SourceFile(path: "Templates/i18n/de-CH.yml", text: "next: Vorwärts\n")])
        #expect(swiss.warnings.isEmpty)
        #expect(swiss.strings(for: LanguageTag("de-CH")!).text("next") == "Vorwärts")
        #expect(swiss.strings(for: LanguageTag("de-CH")!).text("keyPoints") == "Das Wichtigste")
    }

    @Test("A key English does not have is a warning at its line, with the nearest key")
    func unknownKeyWarns() throws {
        let table = "keyPoints: \"Kurz gesagt\"\nkeyPionts: \"Vertippt\"\n"
        let translations = try Translations.load(EmbeddedTheme.translationTables + [SourceFile(path: "Templates/i18n/de.yml", text: table)])
        let warning = try #require(translations.warnings.first)
        #expect(translations.warnings.count == 1)
        #expect(warning.severity == .warning && warning.file == "Templates/i18n/de.yml" && warning.line == 2 && warning.column == 1)
        #expect(warning.message.contains("`keyPionts`"))
        #expect(warning.hint.contains("`keyPoints`"))
    }

    @Test(
        "A table that does not read is an error at its line, and the build fails",
        arguments: [
            ("keyPoints: [unclosed\n", 2),
            ("overview: Überblick\nreadingTime:\n  one: \"{count} Minute\"\n", 3),
            ("overview: Überblick\nreadingTime:\n  eine: \"{count} Minute\"\n  other: \"{count} Minuten\"\n", 3),
        ])
    func badTable(text: String, line: Int) throws {
        #expect {
            try F.build(language: "de", tables: ["Templates/i18n/de.yml": text])
        } throws: { error in
            guard let failure = error as? BuildFailure else { return false }
            return failure.diagnostics.contains {
                $0.severity == .error && $0.file == "Templates/i18n/de.yml" && $0.line == line && !$0.hint.isEmpty
            }
        }
    }

    @Test("The template check accepts `t.KEY` only for a key of the theme's strings")
    func templateCheck() throws {
        let (templates, _) = Fixtures.repoTemplates()
        let repo = try TemplateSet.load(templates, folder: Fixtures.path("Templates"))
        #expect(repo.warnings.isEmpty, "\(repo.warnings.map(\.message))")
        let custom = SourceFile(
            path: Fixtures.path("Templates") + "/partials/extra.mustache",
            text: "<p>{{t.overview}}</p>\n<p>{{t.overveiw}}</p>\n{{t.readingTime}}\n{{t.quotesIntro}} {{t.search}}\n")
        let set = try TemplateSet.load(templates + [custom], folder: Fixtures.path("Templates"))
        let warnings = set.warnings.filter { $0.file == custom.path }
        #expect(warnings.map(\.line) == [2, 3, 4])
        #expect(warnings.first?.column == 4)
        #expect(warnings.first?.message.contains("`overveiw`") == true)
        #expect(warnings.first?.hint.contains("`t.overview`") == true)
    }

    /// The `{name}` placeholders of every form of `message`.
    static func placeholders(_ message: TranslationMessage) -> Set<String> {
        let texts: [String]
        switch message {
        case .text(let text): texts = [text]
        case .plural(let forms): texts = [forms[.other] ?? ""]
        }
        return Set(texts.flatMap { $0.matches(of: /\{([a-zA-Z]+)\}/).map { String($0.output.1) } })
    }
}

@Suite("Languages: the tables' documentation")
struct TranslationTablesDocumentationTests {
    @Test("docs/languages.md lists every key of the English table, with its English text")
    func documented() throws {
        let doc = try String(contentsOfFile: Fixtures.path("docs/languages.md"), encoding: .utf8)
        for (key, message) in Translations.embedded.english {
            let row = doc.split(separator: "\n").first { $0.hasPrefix("| `\(key)` |") }
            #expect(row != nil, "\(key)")
            #expect(row?.contains("“\(message.text(for: .other).replacingOccurrences(of: "|", with: "\\|"))”") == true, "\(key)")
        }
    }
}

@Suite("Languages: a language without a table")
struct MissingTableTests {
    @Test("A site or an explainer in a language no table has is a warning naming the language; its pages are English")
    func languageWithoutTable() throws {
        let build = try F.build(language: "ja", articleExtra: "language: it-IT")
        let warnings = build.summary.warnings.filter { $0.message.contains("The theme has no strings") }
        #expect(warnings.map(\.file) == ["Content/site.yml", "Content/lorem.md"])
        #expect(warnings.first?.message.contains("Japanese (`ja`)") == true)
        #expect(warnings.first?.hint.contains("Templates/i18n/ja.yml") == true)
        #expect(warnings.last?.message.contains("(`it-IT`)") == true)
        #expect(try #require(F.pages(build)["index.html"]).contains("<h2 class=\"list-heading\">Explainers</h2>"))
        // English, a regional English, and a language the theme ships: no warning.
        for language in ["en", "en-GB", "de-AT"] {
            #expect(!(try F.build(language: language)).summary.warnings.contains { $0.message.contains("The theme has no strings") })
        }
    }
}
