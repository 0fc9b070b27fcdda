import Foundation
import Synchronization

/// How one language writes dates and numbers, from the platform's locale data (Foundation's
/// formatters over ICU, CLDR's patterns and names), never from tables of ours: "21 November
/// 2025", "21. November 2025", "21 novembre 2025", "21 de noviembre de 2025", "21 نوفمبر، 2025";
/// "12,345", "12.345", "12 345".
///
/// Deterministic: the Gregorian calendar, UTC, one fixed pattern skeleton (`dMMMMy`: the day,
/// the month's full name, the year, in the order and with the words the locale gives), and
/// nothing from the machine (its time zone, its locale, the user's preferences). What ICU gives
/// for each shipped language is pinned by `DatesAndNumbersTests`, so a toolchain whose locale
/// data changes fails there, not silently in a newsroom's pages.
///
/// One per language, made once (`of(_:)`) and shared.
struct LocaleFormat: Sendable {
    /// The skeleton of a page's dates: day, full month name, year (ICU chooses order and words).
    static let dateSkeleton = "dMMMMy"

    /// The language the formats are for.
    let language: LanguageTag
    /// The locale's pattern for `dateSkeleton` (`d. MMMM y`, `d 'de' MMMM 'de' y`).
    let datePattern: String
    /// Each month's names (1 → index 0), every form the locale has: full and short, in a
    /// date and standing alone (`Juli`; `juillet`, `juil.`), as ICU writes them.
    let monthNames: [[String]]
    private let dateStyle: Date.FormatStyle
    private let numberStyle: IntegerFormatStyle<Int>
    /// The locale's digits 0…9 (`٠`…`٩` for `ar-EG`), as its number format writes them.
    private let digits: [String]

    private init(_ language: LanguageTag) {
        self.language = language
        let locale = language.locale
        let calendar = Self.calendar
        dateStyle = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).day().month(.wide).year()
        let numberStyle = IntegerFormatStyle<Int>(locale: locale)
        self.numberStyle = numberStyle
        digits = (0...9).map { numberStyle.format($0) }
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        datePattern = DateFormatter.dateFormat(fromTemplate: Self.dateSkeleton, options: 0, locale: locale) ?? "d MMMM y"
        let forms = [
            formatter.monthSymbols, formatter.standaloneMonthSymbols,
            formatter.shortMonthSymbols, formatter.shortStandaloneMonthSymbols,
        ]
        monthNames = (0..<12).map { month in
            var names: [String] = []
            for form in forms where month < form.count && !names.contains(form[month]) { names.append(form[month]) }
            return names
        }
    }

    /// The formats of `language`, made once per language.
    static func of(_ language: LanguageTag) -> LocaleFormat {
        if let made = cache.withLock({ $0[language] }) { return made }
        let format = LocaleFormat(language)
        cache.withLock { $0[language] = format }
        return format
    }

    private static let cache = Mutex<[LanguageTag: LocaleFormat]>([:])

    /// The Gregorian calendar in UTC: an `ArticleDate` is a calendar date, and its midnight UTC
    /// is that date in this calendar on every machine.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `date` as the language writes it: "4 July 2025", "4. Juli 2025", "4 juillet 2025".
    ///
    /// Foundation's Gregorian calendar is Julian before its reform of October 1582, where an
    /// `ArticleDate` is proleptic Gregorian; a date before 1583 is therefore given to it by its
    /// day, month and year, so that it shows as written (but for the ten days the reform
    /// dropped, 5–14 October 1582, which it moves on by ten).
    func date(_ date: ArticleDate) -> String {
        if date.year >= 1583 {
            return dateStyle.format(Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400))
        }
        let parts = DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)
        return Self.calendar.date(from: parts).map(dateStyle.format) ?? date.iso
    }

    /// A timestamp: its date as `date(_:)`, then its time as written (24-hour, with its offset
    /// from UTC) in the locale's digits: "5. Juli 2025, 09:30 UTC+02:00".
    func timestamp(_ stamp: ArticleTimestamp) -> String {
        guard let time = stamp.time else { return date(stamp.date) }
        return date(stamp.date) + ", " + localDigits(time.long)
    }

    /// `text` with its ASCII digits written in the locale's digits.
    private func localDigits(_ text: String) -> String {
        guard digits != (0...9).map(String.init) else { return text }
        var out = ""
        for character in text {
            if let ascii = character.asciiValue, (0x30...0x39).contains(ascii) {
                out += digits[Int(ascii - 0x30)]
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `number` in the language's digits and grouping: "12,345", "12.345", "12 345".
    func number(_ number: Int) -> String {
        numberStyle.format(number)
    }

    /// Whether the locale's dates put the day before the month (`d MMMM y`, not `MMMM d, y`).
    var dayBeforeMonth: Bool {
        let unquoted = Self.patternFields(datePattern)
        guard let day = unquoted.firstIndex(of: "d"), let month = unquoted.firstIndex(of: "M") else { return true }
        return day < month
    }

    /// The words the locale's date pattern writes between its fields (Spanish `de` of
    /// `d 'de' MMMM 'de' y`), lowercased: the words a date of the language may hold.
    var dateWords: Set<String> {
        var words: Set<String> = []
        var literal = ""
        var quoted = false
        for character in datePattern {
            if character == "'" {
                quoted.toggle()
            } else if quoted || !character.isASCII || !character.isLetter {
                literal.append(character)
            } else {
                literal.append(" ")
            }
        }
        for word in literal.split(whereSeparator: { !$0.isLetter }) { words.insert(word.lowercased()) }
        return words
    }

    /// The pattern's field letters in order, quoted literals left out (`d 'de' MMMM` → `dMMMM`).
    private static func patternFields(_ pattern: String) -> [Character] {
        var out: [Character] = []
        var quoted = false
        for character in pattern {
            if character == "'" {
                quoted.toggle()
            } else if !quoted, character.isASCII, character.isLetter {
                out.append(character)
            }
        }
        return out
    }
}
