/// The theme's strings in one language: what every template (`t`) and view model shows in
/// that language, every key of English present (a key its table lacks has its English text;
/// `Translations` warns about it).
///
/// Pure and cheap to share: one per language of the site, made once per build.
struct LocalizedStrings: Sendable {
    /// The language the strings are for (the page's): dates, numbers and plural forms follow it.
    let language: LanguageTag
    /// Key → message, for every key of the English table.
    let messages: [String: TranslationMessage]
    /// How the language writes dates and numbers (the platform's locale data).
    let format: LocaleFormat
    /// CLDR's plural rules of the language (the platform's ICU).
    let plurals: PluralRules

    init(language: LanguageTag, messages: [String: TranslationMessage]) {
        self.language = language
        self.messages = messages
        format = LocaleFormat.of(language)
        plurals = PluralRules.rules(for: language)
    }

    /// The embedded theme's English strings (what a plan or a view model made without a
    /// language shows).
    static var english: LocalizedStrings { Translations.embedded.strings(for: .english) }

    /// The text of `key` (the `other` form of a plural message); the key itself when no table
    /// has it, so that a missing string shows on the page rather than vanishing.
    func text(_ key: String) -> String {
        messages[key]?.text(for: .other) ?? key
    }

    /// The text of `key` with its `{name}` placeholders filled from `values`.
    func text(_ key: String, _ values: [String: String]) -> String {
        Self.fill(text(key), values)
    }

    /// The form of `key` that `count` takes in the language, with `{count}` filled with the
    /// count in the language's digits (`number(_:)`), and any other placeholder from `values`.
    func text(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        let form = messages[key]?.text(for: pluralCategory(count)) ?? key
        var values = values
        values["count"] = values["count"] ?? number(count)
        return Self.fill(form, values)
    }

    /// The plural category `count` falls in, in the language (CLDR's rules, from ICU).
    func pluralCategory(_ count: Int) -> PluralCategory {
        plurals.category(count)
    }

    /// `date` as the language writes it: "4 July 2025", "4. Juli 2025", "4 de julio de 2025".
    func date(_ date: ArticleDate) -> String { format.date(date) }

    /// A timestamp as the language writes its date, with its time: "5. Juli 2025, 09:30 UTC+02:00".
    func timestamp(_ stamp: ArticleTimestamp) -> String { format.timestamp(stamp) }

    /// `number` in the language's digits and grouping: "1,234", "1.234", "1 234".
    func number(_ number: Int) -> String { format.number(number) }

    /// "12 min read": the reading time of a section or a card (`readingTime`).
    func readingTime(minutes: Int) -> String { text("readingTime", count: minutes) }

    /// "12 min read in all": the reading time of a whole explainer (`readingTimeInAll`).
    func readingTimeInAll(minutes: Int) -> String { text("readingTimeInAll", count: minutes) }

    /// The words that may stand before a quote's date, lowercased (`quoteDateConnectives`:
    /// "on", "am", "le", "el", "في"), dropped with the date from the attribution's role.
    var quoteDateConnectives: [String] {
        text("quoteDateConnectives").split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
    }

    /// `text` with each `{name}` whose name `values` has replaced by its value; any other
    /// brace is kept as written.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[after...]
            }
        }
        return out + rest
    }
}
