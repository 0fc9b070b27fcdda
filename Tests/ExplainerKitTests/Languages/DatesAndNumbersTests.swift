import Testing

@testable import ExplainerKit

/// Part B of the languages issue: dates, numbers and plural forms from the platform's locale
/// data (ICU through Foundation), pinned per shipped language so that a change of the locale
/// data shows here.
@Suite("Languages: dates, numbers and plurals")
struct DatesAndNumbersTests {
    static func tag(_ text: String) -> LanguageTag { LanguageTag(text)! }
    static func strings(_ text: String) -> LocalizedStrings { Translations.embedded.strings(for: tag(text)) }
    static let november21 = ArticleDate(year: 2025, month: 11, day: 21)!
    static let july3 = ArticleDate(year: 2025, month: 7, day: 3)!

    /// What ICU writes for each shipped language (and a few regional variants): the output
    /// the pages show, byte for byte.
    static let pinnedDates: [(String, String, String)] = [
        ("en", "21 November 2025", "3 July 2025"),
        ("en-GB", "21 November 2025", "3 July 2025"),
        ("en-US", "November 21, 2025", "July 3, 2025"),
        ("de", "21. November 2025", "3. Juli 2025"),
        ("de-CH", "21. November 2025", "3. Juli 2025"),
        ("fr", "21 novembre 2025", "3 juillet 2025"),
        ("es", "21 de noviembre de 2025", "3 de julio de 2025"),
        ("ar", "21 نوفمبر، 2025", "3 يوليو، 2025"),
        ("ar-EG", "٢١ نوفمبر، ٢٠٢٥", "٣ يوليو، ٢٠٢٥"),
    ]

    @Test("Each language's dates are pinned: ICU's day, month name, year, in the locale's order and words")
    func pinnedDateOutput() {
        for (language, november, july) in Self.pinnedDates {
            let strings = Self.strings(language)
            #expect(strings.date(Self.november21) == november, "\(language)")
            #expect(strings.date(Self.july3) == july, "\(language)")
        }
    }

    @Test("Each language's numbers are pinned: digits and grouping of the locale")
    func pinnedNumberOutput() {
        let expected: [(String, String, String)] = [
            ("en", "7", "12,345"), ("de", "7", "12.345"), ("fr", "7", "12\u{202F}345"), ("es", "7", "12.345"),
            ("ar", "7", "12,345"), ("ar-EG", "٧", "١٢٬٣٤٥"), ("de-CH", "7", "12’345"),
        ]
        for (language, seven, big) in expected {
            #expect(Self.strings(language).number(7) == seven, "\(language)")
            #expect(Self.strings(language).number(12_345) == big, "\(language)")
        }
    }

    @Test("A time keeps its 24-hour form and offset after the localized date; plain English is the theme's form")
    func timestampsAndEnglish() throws {
        let stamp = try #require(ArticleTimestamp(iso: "2025-07-05T09:30:00+02:00"))
        #expect(Self.strings("de").timestamp(stamp) == "5. Juli 2025, 09:30 UTC+02:00")
        #expect(Self.strings("es").timestamp(stamp) == "5 de julio de 2025, 09:30 UTC+02:00")
        #expect(Self.strings("ar-EG").timestamp(stamp) == "٥ يوليو، ٢٠٢٥, ٠٩:٣٠ UTC+٠٢:٠٠")
        #expect(stamp.long == "5 July 2025, 09:30 UTC+02:00")
        #expect(Self.july3.long == "3 July 2025")
        // The year 1 and 9999 still format (every date `ArticleDate` allows).
        #expect(Self.strings("en").date(ArticleDate(year: 1, month: 1, day: 1)!) == "1 January 1")
        #expect(Self.strings("de").date(ArticleDate(year: 9999, month: 12, day: 31)!) == "31. Dezember 9999")
    }

    @Test("The same dates and numbers come out of a second, separately made formatter")
    func deterministic() {
        for (language, _, _) in Self.pinnedDates {
            let cached = LocaleFormat.of(Self.tag(language))
            let again = LocalizedStrings(language: Self.tag(language), messages: [:]).format
            var dates: [String] = []
            for day in stride(from: 0, to: 3_000, by: 37) {
                let date = ArticleDate(year: 2020 + day / 365, month: 1 + day % 12, day: 1 + day % 28)!
                dates.append(cached.date(date))
                #expect(again.date(date) == dates.last, "\(language) \(date)")
            }
            #expect(Set(dates).count == dates.count, "\(language): distinct dates, distinct texts")
        }
    }

    @Test("Plural categories are CLDR's, from ICU: English, German, French, Spanish, Arabic")
    func pluralCategories() {
        func categories(_ language: String, _ counts: [Int]) -> [PluralCategory] {
            counts.map(Self.strings(language).pluralCategory)
        }
        #expect(categories("en", [0, 1, 2, 21]) == [.other, .one, .other, .other])
        #expect(categories("de", [0, 1, 2, 1000]) == [.other, .one, .other, .other])
        #expect(categories("fr", [0, 1, 2, 1_000_000]) == [.one, .one, .other, .many])
        #expect(categories("es", [0, 1, 2, 1_000_000]) == [.other, .one, .other, .many])
        #expect(categories("ar", [0, 1, 2, 3, 10, 11, 99, 100, 102]) == [.zero, .one, .two, .few, .few, .many, .many, .other, .other])
        #expect(PluralRules.rules(for: Self.tag("ar")).categories == PluralCategory.allCases)
        #expect(PluralRules.rules(for: Self.tag("en")).categories == [.one, .other])
    }

    @Test("Every plural message of every shipped table has each form its language uses")
    func tablesHaveEveryPluralForm() {
        for (tag, table) in Translations.embedded.tables {
            let needed = PluralRules.rules(for: Self.tag(tag)).categories
            for (key, message) in table {
                guard case .plural(let forms) = message else { continue }
                for category in needed { #expect(forms[category] != nil, "\(tag).yml: \(key) lacks \(category)") }
            }
        }
    }

    @Test("A count message takes the language's form and digits: reading times in the five languages")
    func readingTimes() {
        #expect(Self.strings("en").readingTime(minutes: 1) == "1 min read")
        #expect(Self.strings("en").readingTime(minutes: 1_234) == "1,234 min read")
        #expect(Self.strings("en").readingTimeInAll(minutes: 12) == "12 min read in all")
        #expect(Self.strings("de").readingTime(minutes: 5) == "5 Min. Lesezeit")
        #expect(Self.strings("de").readingTimeInAll(minutes: 1_500) == "1.500 Min. Lesezeit insgesamt")
        #expect(Self.strings("fr").readingTime(minutes: 4) == "4 min de lecture")
        #expect(Self.strings("es").readingTimeInAll(minutes: 2) == "2 min de lectura en total")
        #expect(Self.strings("ar").readingTime(minutes: 1) == "دقيقة واحدة للقراءة")
        #expect(Self.strings("ar").readingTime(minutes: 2) == "دقيقتان للقراءة")
        #expect(Self.strings("ar").readingTime(minutes: 5) == "5 دقائق للقراءة")
        #expect(Self.strings("ar").readingTime(minutes: 11) == "11 دقيقة للقراءة")
        #expect(Self.strings("ar-EG").readingTime(minutes: 5) == "٥ دقائق للقراءة")
    }

    @Test("The English quote reading's month names are ICU's English ones")
    func englishMonthNamesAgreeWithICU() {
        let icu = LocaleFormat.of(.english).monthNames.map { $0[0].lowercased() }
        #expect(icu == QuoteAttribution.months)
    }
}
