/// `t`: the theme's strings in the page's language (`{{t.overview}}`, `{{t.next}}`), one
/// variable per key of the English table that is a plain text. (Messages with a count are
/// given filled in by the view models: `section.readingTime`.)
struct TranslationValues: TemplateObject, Sendable {
    let strings: LocalizedStrings

    /// One field per plain key of the embedded English table, documented by its English text.
    static let templateFields: TemplateFields<TranslationValues> = {
        let english = Translations.embedded.tables[LanguageTag.english.identifier] ?? [:]
        return TemplateFields(
            english.keys.sorted().compactMap { key -> TemplateField<TranslationValues>? in
                guard case .text(let text) = english[key] else { return nil }
                return .field(key, "“\(text)”", { $0.strings.text(key) })
            })
    }()
}
