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
    /// language overrides an earlier one key by key).
    static func load(_ files: [SourceFile]) throws(BuildFailure) -> Translations {
        var tables: [String: [String: TranslationMessage]] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let table = try TranslationTableDecoder.decode(file)
                tables[table.language.identifier, default: [:]].merge(table.messages) { _, site in site }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return Translations(tables: tables)
    }

    /// The embedded theme's tables alone (what a site without tables of its own reads).
    static let embedded: Translations = {
        do {
            return try load(EmbeddedTheme.translationTables)
        } catch {
            preconditionFailure("the embedded theme's translation tables do not read: \(error)")
        }
    }()

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
}
