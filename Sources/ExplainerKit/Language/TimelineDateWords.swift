import Foundation
import Synchronization

/// Rewrites a timeline date written in another language into the words `TimelineDateParser`
/// reads, so that one grammar reads every language's dates: the language's month names
/// (ICU's, full and short, any case, accents optional) become English ones, the words its date
/// pattern writes between the fields (Spanish `de` of `3 de julio de 2025`) are dropped, digits
/// of any script become ASCII (`٣` → `3`), and a day's ordinal ending (`1er`, `1º`) goes.
/// What it does not know stays as written (`1990s`, `March 2024`, `2025-07-03`).
enum TimelineDateWords {
    /// `text` in the parser's words, read as `language` writes dates.
    static func english(_ text: String, from language: LanguageTag) -> String {
        guard language.languageCode != LanguageTag.english.languageCode else { return text }
        let lexicon = Lexicon.of(language)
        var out = ""
        var word = ""
        // Whether the word follows a day's digits (one or two: `1er`, not `1990er`).
        var afterDay = false
        func flush() {
            guard !word.isEmpty else { return }
            let folded = Lexicon.fold(word)
            if let month = lexicon.months[folded] {
                out += Self.englishMonths[month - 1]
            } else if lexicon.dateWords.contains(folded) || (afterDay && Self.ordinalEndings.contains(folded)) {
                // dropped
            } else {
                out += word
            }
            word = ""
        }
        for character in text {
            if character.isLetter || Self.ordinalIndicators.contains(character) {
                if word.isEmpty {
                    let digits = out.reversed().prefix { $0.isASCIIDigit }.count
                    afterDay = digits == 1 || digits == 2
                }
                word.append(character)
                continue
            }
            flush()
            if let digit = character.wholeNumberValue, character.isNumber, digit < 10, !character.isASCII {
                out += String(digit)
            } else {
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// The English month names the parser knows, January first.
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// Endings of a day's ordinal in the languages that write one after the digits: French
    /// `1er`/`1re`, Spanish and Portuguese `1º`/`1ª`.
    static let ordinalEndings: Set<String> = ["er", "re", "o", "a", "º", "ª"]

    /// The ordinal indicators, which Swift does not count as letters.
    static let ordinalIndicators: Set<Character> = ["º", "ª"]

    /// One language's month names and date words, folded.
    struct Lexicon: Sendable {
        /// Folded month name (`juli`, `jul`, `fevrier`, `يوليو`) → month, 1 to 12.
        var months: [String: Int] = [:]
        var dateWords: Set<String> = []

        static func of(_ language: LanguageTag) -> Lexicon {
            if let made = cache.withLock({ $0[language] }) { return made }
            let format = LocaleFormat.of(language)
            var lexicon = Lexicon()
            for (index, names) in format.monthNames.enumerated() {
                for name in names {
                    let folded = fold(name)
                    if !folded.isEmpty, lexicon.months[folded] == nil { lexicon.months[folded] = index + 1 }
                }
            }
            lexicon.dateWords = Set(format.dateWords.map(fold))
            cache.withLock { $0[language] = lexicon }
            return lexicon
        }

        private static let cache = Mutex<[LanguageTag: Lexicon]>([:])

        /// Lowercased, without accents, without a trailing dot: `Févr.` → `fevr`.
        static func fold(_ word: String) -> String {
            var folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            while folded.hasSuffix(".") { folded.removeLast() }
            return folded
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
