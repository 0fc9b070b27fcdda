/// `t`: the theme's strings in the page's language (`{{t.overview}}`, `{{t.next}}`), one
/// variable per key of the English table that is a plain text without placeholders. (Messages
/// with a count or a `{name}` are given filled in by the view models: `section.readingTime`,
/// `explainer.quotesIntro`.)
struct TranslationValues: TemplateObject, Sendable {
    let strings: LocalizedStrings

    /// One field per plain key of the embedded English table, documented by its English text.
    static let templateFields: TemplateFields<TranslationValues> = {
        let english = Translations.embedded.tables[LanguageTag.english.identifier] ?? [:]
        return TemplateFields(
            english.keys.sorted().compactMap { key -> TemplateField<TranslationValues>? in
                guard case .text(let text) = english[key], text.firstMatch(of: /\{[A-Za-z]+\}/) == nil else { return nil }
                return .field(key, "“\(text)”", { $0.strings.text(key) })
            })
    }()

    /// The keys `t` has.
    static let keys: Set<String> = Set(templateFields.all.map(\.name))

    /// The warning for `reference` (a variable of the template at `path`) when it is `t.KEY`
    /// and the theme's strings have no plain text `KEY`; nil otherwise.
    static func problem(with reference: TemplateScanner.Reference, in path: String) -> Diagnostic? {
        guard reference.name.hasPrefix("t.") else { return nil }
        let key = String(reference.name.dropFirst(2))
        guard !keys.contains(key) else { return nil }
        let near = EditDistance.nearest(to: key, in: keys.sorted())
        return Diagnostic(
            .warning, file: path, line: reference.location.line, column: reference.location.column,
            message: "`\(key)` is not a key of the theme's strings: `\(reference.name)` renders as nothing.",
            hint: (near.map { "Did you mean `t.\($0)`? " } ?? "")
                + "The keys are those of the English table (docs/languages.md, “Translation tables”); a count is shown by the view models.")
    }
}
