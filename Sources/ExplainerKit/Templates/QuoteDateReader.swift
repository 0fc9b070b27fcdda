import Foundation
import Synchronization

/// Reads the date a quote's attribution names in the explainer's language, and splits the
/// attribution into its role and that date: "in einer Erklärung am 3. Juli" → "in einer
/// Erklärung" and 3 July; "dans un communiqué le 3 juillet 2025"; "en un comunicado el 3 de
/// julio"; "في بيان في 3 يوليو".
///
/// English is `QuoteAttribution`'s (its fast byte reading, with the table's connectives). Any
/// other language is read with the locale's data (`LocaleFormat`): its month names (full and
/// short, in a date and standing alone, any case and accent), the order of day and month and the
/// words of its date pattern (Spanish `de`), any decimal digits (`٣`), a day written `3.`,
/// `1er` or `1º`; in figures, day first, after a connective (`am 3.7.`, `le 3/7/2019`); and
/// `2025-07-03` in every language. The word before a date that the table's
/// `quoteDateConnectives` names ("am", "le", "el", "في") goes with it. A date without a year
/// takes the latest year that does not put it after the explainer's date (`QuoteAttribution`'s
/// rule).
struct QuoteDateReader: Sendable {
    let language: LanguageTag
    /// `quoteDateConnectives`, folded (`fold(_:)`).
    private let connectives: Set<String>
    /// The same as lowercase bytes, for the English reading.
    private let englishConnectives: [[UInt8]]
    /// Folded month name (and its short forms without a final dot) → month 1…12.
    private let months: [String: Int]
    private let dayBeforeMonth: Bool
    /// The words the locale's date pattern writes between day, month and year (folded).
    private let dateWords: Set<String>
    private let locale: Locale

    /// The reader of `strings`' language and connectives, made once for each.
    static func of(_ strings: LocalizedStrings) -> QuoteDateReader {
        let key = strings.language.identifier + "\u{0}" + strings.quoteDateConnectives.joined(separator: " ")
        if let made = cache.withLock({ $0[key] }) { return made }
        let reader = QuoteDateReader(strings)
        cache.withLock { $0[key] = reader }
        return reader
    }

    private static let cache = Mutex<[String: QuoteDateReader]>([:])

    init(_ strings: LocalizedStrings) {
        language = strings.language
        locale = strings.language.locale
        let format = strings.format
        let locale = self.locale
        let fold = { (text: String) in Self.fold(text, locale: locale) }
        connectives = Set(strings.quoteDateConnectives.map(fold))
        englishConnectives = strings.quoteDateConnectives.map { Array($0.utf8) }
        var months: [String: Int] = [:]
        for (index, names) in format.monthNames.enumerated() {
            for name in names {
                let folded = fold(name)
                guard !folded.isEmpty else { continue }
                months[folded] = months[folded] ?? index + 1
                // `juil.` is also written `juil`.
                if folded.hasSuffix("."), folded.count > 1 {
                    months[String(folded.dropLast())] = months[String(folded.dropLast())] ?? index + 1
                }
            }
        }
        self.months = months
        dayBeforeMonth = format.dayBeforeMonth
        dateWords = Set(format.dateWords.map(fold))
    }

    /// Whether the language is read by `QuoteAttribution`'s English reading.
    var readsEnglish: Bool { language.languageCode == LanguageTag.english.identifier }

    /// `context` split into its role and the date it names (nil when it names none).
    func split(_ context: String, published: ArticleDate) -> (role: String, date: ArticleDate?) {
        if readsEnglish { return QuoteAttribution.split(context, published: published, connectives: englishConnectives) }
        let words = context.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }).map(String.init)
        for start in words.indices {
            let connective = start > 0 && connectives.contains(Self.fold(Self.stripped(words[start - 1]), locale: locale))
            guard let (date, end) = date(words, at: start, published: published) ?? numericDate(words, at: start, connective, published)
            else { continue }
            var before = words[..<start]
            if connective { before.removeLast() }
            let role = (before + words[end...]).joined(separator: " ")
            return (QuoteAttribution.trimPunctuation(role, extra: ["،", "؛"]), date)
        }
        return (context, nil)
    }

    /// A date starting at `words[start]`, with the index just past its last word.
    private func date(_ words: [String], at start: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        let first = Self.stripped(words[start])
        if first.count == 10, let date = ArticleDate(iso: Self.asciiDigits(first)) { return (date, start + 1) }
        var index = start
        let day: Int
        let month: Int
        if dayBeforeMonth {
            guard let d = Self.day(first) else { return nil }
            index = skipDateWords(words, from: start + 1)
            guard index < words.count, let m = self.month(words[index]) else { return nil }
            (day, month) = (d, m)
        } else {
            guard let m = self.month(words[start]) else { return nil }
            index = skipDateWords(words, from: start + 1)
            guard index < words.count, let d = Self.day(Self.stripped(words[index])) else { return nil }
            (day, month) = (d, m)
        }
        let afterYearWords = skipDateWords(words, from: index + 1)
        let year = afterYearWords < words.count ? Self.year(Self.stripped(words[afterYearWords])) : nil
        if let year {
            return ArticleDate(year: year, month: month, day: day).map { ($0, afterYearWords + 1) }
        }
        return QuoteAttribution.resolve(day, month, nil, end: index + 1, published: published)
    }

    /// A date in figures, day first (`3.7.`, `3.7.2025`, `3/7/2025`), read only after a
    /// connective (`am 3.7.`: a figure such as `3.5` alone is no date) and in a language that
    /// writes the day before the month; with the index just past it.
    private func numericDate(
        _ words: [String], at start: Int, _ connective: Bool, _ published: ArticleDate
    ) -> (ArticleDate, Int)? {
        guard connective, dayBeforeMonth else { return nil }
        let parts = Self.stripped(words[start]).split(separator: ".", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "/", omittingEmptySubsequences: false) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }),
            let day = Self.decimal(parts[0]), parts[0].count <= 2, (1...31).contains(day),
            let month = Self.decimal(parts[1]), parts[1].count <= 2, (1...12).contains(month)
        else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 4, let year = Self.decimal(parts[2]), (1000...9999).contains(year) else { return nil }
            return ArticleDate(year: year, month: month, day: day).map { ($0, start + 1) }
        }
        return QuoteAttribution.resolve(day, month, nil, end: start + 1, published: published)
    }

    /// The index of the first word from `index` on that is not a word of the date pattern.
    private func skipDateWords(_ words: [String], from index: Int) -> Int {
        var index = index
        while index < words.count, dateWords.contains(Self.fold(Self.stripped(words[index]), locale: locale)) { index += 1 }
        return index
    }

    /// The month `word` names, in any of the locale's forms.
    private func month(_ word: String) -> Int? {
        let trimmed = Self.stripped(word, keepingDot: true)
        let folded = Self.fold(trimmed, locale: locale)
        return months[folded] ?? months[Self.fold(Self.stripped(word), locale: locale)]
    }

    /// `3`, `03`, `3.`, `1er`, `1º`, `٣`: 1 to 31.
    private static func day(_ word: String) -> Int? {
        var text = Substring(word)
        for suffix in ["er", "º", "°", "ª"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text = text.dropLast(suffix.count)
        }
        guard (1...2).contains(text.count), let value = decimal(text), (1...31).contains(value) else { return nil }
        return value
    }

    /// Four decimal digits, 1000 to 9999.
    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let value = decimal(Substring(word)), (1000...9999).contains(value) else { return nil }
        return value
    }

    /// The value of a run of decimal digits of any script, nil if any character is not one.
    private static func decimal(_ text: Substring) -> Int? {
        var value = 0
        for character in text {
            guard let digit = digit(character) else { return nil }
            value = value * 10 + digit
        }
        return text.isEmpty ? nil : value
    }

    private static func digit(_ character: Character) -> Int? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
            scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// `word` with its decimal digits of any script written in ASCII (`٢٠٢٥-٠٧-٠٣` → `2025-07-03`).
    private static func asciiDigits(_ word: String) -> String {
        String(word.map { character in digit(character).map { Character(String($0)) } ?? character })
    }

    /// `word` without the punctuation that may stand around a date part: `,.;:،؛()` (a dot is
    /// kept at the end if asked: `juil.`).
    private static func stripped(_ word: String, keepingDot: Bool = false) -> String {
        let junk: Set<Character> = [",", ".", ";", ":", "،", "؛", "(", ")"]
        var text = Substring(word)
        while let c = text.first, junk.contains(c) { text.removeFirst() }
        while let c = text.last, junk.contains(c), !(keepingDot && c == ".") { text.removeLast() }
        return String(text)
    }

    /// Case and accents folded the locale's way (`Août` → `aout`), for comparing words.
    private static func fold(_ text: String, locale: Locale) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: locale)
    }
}
