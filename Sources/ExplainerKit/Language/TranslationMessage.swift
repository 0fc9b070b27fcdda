/// One entry of a translation table: a text, or a text per plural category (CLDR's `zero`,
/// `one`, `two`, `few`, `many`, `other`) for a message that shows a count.
///
/// Texts may hold `{name}` placeholders, filled by `LocalizedStrings` (`{count}` with the
/// count, written in the language's digits).
enum TranslationMessage: Sendable, Hashable {
    case text(String)
    /// Every form a table gives; `other` is always among them.
    case plural([PluralCategory: String])

    /// The text for the plural category `category` (`other` when the table has no such form);
    /// a plain text is the same for every count.
    func text(for category: PluralCategory) -> String {
        switch self {
        case .text(let text): text
        case .plural(let forms): forms[category] ?? forms[.other] ?? ""
        }
    }
}

/// A CLDR plural category: which form of a message a count takes in a language.
enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other
}
