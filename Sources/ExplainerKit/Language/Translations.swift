import Foundation
import Synchronization

/// Every language's table of the theme's strings: the embedded theme's tables
/// (`Templates/i18n/<tag>.yml`), each overridden key by key by the site's table of the same
/// language (a newsroom changes one string, not the table), and the site's tables of
/// languages the theme does not ship.
///
/// English is the reference: its table has every key, and a key another table lacks falls
/// back (`de-CH` → `de` → `en`) with a warning naming the key and the language.
package final class Translations: Sendable {
    /// Language tag → key → message, each table merged from the theme's and the site's.
    let tables: [String: [String: TranslationMessage]]
    /// Problems with the tables (missing keys, keys English does not have…).
    let warnings: [Diagnostic]
    /// `strings(for:)`'s results, one per language asked for.
    private let cache = Mutex<[LanguageTag: LocalizedStrings]>([:])

    init(tables: [String: [String: TranslationMessage]], warnings: [Diagnostic] = []) {
        self.tables = tables
        self.warnings = warnings
    }

    /// The tables of `files` (the embedded theme's first, then the site's: a later table of a
    /// language overrides an earlier one key by key), checked against `reference`, the theme's
    /// English table (nil: the English of `files`, as for the embedded theme itself). A table
    /// that does not read is an error at its line; a key `reference` lacks is a warning at its
    /// line (no page shows it), and so is every key of `reference` a language lacks (after its
    /// fallbacks: `de-CH` → `de`) that falls back to English.
    static func load(
        _ files: [SourceFile], reference: [String: TranslationMessage]? = Translations.embedded.english
    ) throws(BuildFailure) -> Translations {
        var tables: [String: [String: TranslationMessage]] = [:]
        /// The last file of each language: where its missing keys are to be added.
        var lastFile: [String: String] = [:]
        var decoded: [(file: String, table: TranslationTableDecoder.Table)] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let table = try TranslationTableDecoder.decode(file)
                tables[table.language.identifier, default: [:]].merge(table.messages) { _, site in site }
                lastFile[table.language.identifier] = file.path
                decoded.append((file.path, table))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let english = reference ?? tables[LanguageTag.english.identifier] ?? [:]
        var warnings: [Diagnostic] = []
        for (file, table) in decoded {
            for (key, location) in table.locations.sorted(by: { $0.value.line < $1.value.line }) where english[key] == nil {
                let near = EditDistance.nearest(to: key, in: english.keys.sorted())
                warnings.append(
                    Diagnostic(
                        .warning, file: file, line: location.line, column: location.column,
                        message: "`\(key)` is not a key of the theme's strings, so no page shows it.",
                        hint: (near.map { "Did you mean `\($0)`? " } ?? "")
                            + "The keys are those of the English table (docs/languages.md, “Translation tables”)."))
            }
        }
        for tag in tables.keys.sorted() where tag != LanguageTag.english.identifier {
            guard let language = LanguageTag(tag) else { continue }
            let own = language.fallbacks.filter { $0 != LanguageTag.english.identifier }.compactMap { tables[$0] }
            let name = Self.englishName(of: language)
            for key in english.keys.sorted() where !own.contains(where: { $0[key] != nil }) {
                let text = english[key]?.text(for: .other) ?? ""
                warnings.append(
                    Diagnostic(
                        .warning, file: lastFile[tag] ?? tag,
                        message: "The key `\(key)` has no \(name) (`\(tag)`) text: pages in \(name) show the English “\(text)”.",
                        hint: "Add `\(key): …` to \(lastFile[tag] ?? "the table"), in \(name)."))
            }
        }
        return Translations(tables: tables, warnings: warnings)
    }

    /// The embedded theme's tables alone (what a site without tables of its own reads).
    static let embedded: Translations = {
        do {
            return try load(EmbeddedTheme.translationTables, reference: nil)
        } catch {
            preconditionFailure("the embedded theme's translation tables do not read: \(error)")
        }
    }()

    /// The English table: every key of the theme's strings.
    var english: [String: TranslationMessage] {
        tables[LanguageTag.english.identifier] ?? [:]
    }

    /// Every key of the English table, sorted.
    var keys: [String] {
        (tables[LanguageTag.english.identifier] ?? [:]).keys.sorted()
    }

    /// The strings of `language`: each key from the most specific table that has it
    /// (`language.fallbacks`).
    func strings(for language: LanguageTag) -> LocalizedStrings {
        if let made = cache.withLock({ $0[language] }) { return made }
        var messages: [String: TranslationMessage] = [:]
        for tag in language.fallbacks.reversed() {
            if let table = tables[tag] { messages.merge(table) { _, specific in specific } }
        }
        let strings = LocalizedStrings(language: language, messages: messages)
        cache.withLock { $0[language] = strings }
        return strings
    }

    /// The warning for a page language no table has (nor its fallbacks but English): every
    /// string of its pages is English. `file` is what names the language (`site.yml`, an
    /// explainer); nil for English and for a language with a table.
    func missingTable(for language: LanguageTag, file: String) -> Diagnostic? {
        let english = LanguageTag.english.identifier
        guard language.languageCode != english, !language.fallbacks.contains(where: { $0 != english && tables[$0] != nil })
        else { return nil }
        let name = Self.englishName(of: language)
        return Diagnostic(
            .warning, file: file,
            message: "The theme has no strings in \(name) (`\(language.identifier)`): its pages show them in English.",
            hint:
                "Add Templates/i18n/\(language.languageCode).yml with the keys of the English table (docs/languages.md), or name a language with a table: \(tables.keys.sorted().joined(separator: ", "))."
        )
    }

    /// `language`'s name in English (`German`), as the platform's locale data gives it, for
    /// messages to the site's editors; the tag itself when the data has none.
    static func englishName(of language: LanguageTag) -> String {
        Locale(identifier: "en").localizedString(forIdentifier: language.identifier) ?? language.identifier
    }
}
