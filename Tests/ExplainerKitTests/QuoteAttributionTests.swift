import Testing

@testable import ExplainerKit

/// `QuoteAttribution.split` reads words as bytes; these tests hold it to the `Character`-based
/// implementation it replaced, kept here verbatim as `ReferenceQuoteAttribution`, on every
/// date form it accepts and on many generated contexts.
@Suite("Quote attribution")
struct QuoteAttributionTests {
    static let publishedDates = [
        ArticleDate(year: 2025, month: 7, day: 4)!, ArticleDate(year: 2024, month: 2, day: 29)!,
        ArticleDate(year: 2023, month: 1, day: 1)!, ArticleDate(year: 2023, month: 12, day: 31)!,
        ArticleDate(year: 1, month: 3, day: 1)!,
    ]

    static let monthWords: [String] = {
        var out: [String] = []
        for name in QuoteAttribution.months {
            let capitalized = name.prefix(1).uppercased() + name.dropFirst()
            for length in 2...name.count {
                let prefix = String(name.prefix(length))
                out += [prefix, prefix.uppercased(), String(capitalized.prefix(length)), prefix + ",", prefix + ".", ";" + prefix + ":"]
            }
        }
        return out
    }()

    static let dayWords: [String] = {
        var out: [String] = []
        for day in 0...33 {
            let suffixes =
                [1, 2, 3, 31, 32].contains(day)
                ? ["", "st", "nd", "rd", "th", "ST", "Th", "stnd", "ndst", "thst", ",", "th,", "."]
                : ["", "th", ","]
            for suffix in suffixes { out.append("\(day)\(suffix)") }
            if day < 10 { out += ["0\(day)", "+\(day)", "-\(day)", "0\(day)th"] }
        }
        return out + ["st", "th", "+", "-", "+0", "1,2", "1.5", "3:"]
    }()

    static let yearWords = ["2019", "2019,", "2019.", "1999;", "0999", "999", "10000", "+999", "1000", "9999", "2O19", "", "in"]

    static let otherWords = [
        "on", "On", "ON", "dated", "DATED", "of", "Of", "in", "a", "statement", "told", "reporters", "Kabul", ",", "-", "--",
        ":", ";", "–", "—", "-on", "2025-07-03", "2025-02-30", "2024-02-29", "+202-07-04", "2025-07-03,", "2025-07-03T10:00",
        "T2025-07-04", "2025-7-3", "20250703xx", ",2025-07-03", "é", "Ünited", "Mär", "\u{212A}", "ſt", "3\u{301}",
        "July\u{301}", "\u{301}", "jülY", "Ｊｕｌｙ", "١٢", "\t", "x\ty", "\r\n", "\n", "mayo", "Mayday", "Sept", "sept.",
    ]

    /// Whether the reference found a date.
    @discardableResult
    func expectSame(_ context: String, _ published: ArticleDate, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let expected = ReferenceQuoteAttribution.split(context, published: published)
        let actual = QuoteAttribution.split(context, published: published)
        if actual.role != expected.role || actual.date != expected.date {
            Issue.record(
                "\(context.debugDescription) on \(published.iso): \(actual) instead of \(expected)", sourceLocation: sourceLocation)
        }
        return expected.date != nil
    }

    @Test func everyDateFormMatchesTheReference() {
        var checked = 0
        var dated = 0
        let years = ["", "2019", "2019,", "999"]
        for (round, published) in Self.publishedDates.prefix(2).enumerated() {
            for month in Self.monthWords {
                for (index, day) in Self.dayWords.enumerated() {
                    let year = years[(index + round) % years.count]
                    for context in ["on \(day) \(month) \(year)", "\(month) \(day) \(year) in Kabul"] {
                        if expectSame(context, published) { dated += 1 }
                        checked += 1
                    }
                }
            }
        }
        // The forms do find dates (and not everything is one).
        #expect(dated > 5_000 && dated < checked)
    }

    @Test func generatedContextsMatchTheReference() {
        var random = SplitMix(seed: 0x5EED)
        let vocabulary = Self.monthWords + Self.dayWords + Self.yearWords + Self.otherWords
        let separators = [" ", " ", " ", "  ", "\t", " \u{301}", ""]
        var dated = 0
        for round in 0..<40_000 {
            var context = random.next(below: 4) == 0 ? " " : ""
            for index in 0..<random.next(below: 8) {
                if index > 0 { context += separators[random.next(below: separators.count)] }
                context += vocabulary[random.next(below: vocabulary.count)]
            }
            if random.next(below: 4) == 0 { context += " " }
            let published = Self.publishedDates[round % Self.publishedDates.count]
            if expectSame(context, published) { dated += 1 }
        }
        #expect(dated > 1_000)
    }

    @Test func asciiAndOtherTextAreReadAlike() throws {
        let published = Self.publishedDates[0]
        let ascii = QuoteAttribution.split("told reporters on March 3, 2019, in Kabul", published: published)
        #expect(ascii.role == "told reporters in Kabul" && ascii.date?.iso == "2019-03-03")
        #expect(QuoteAttribution.split("à Kaboul le 3 juillet", published: published).date == nil)
        #expect(QuoteAttribution.split("on 3 July\r\n", published: published).date == nil)
        let other = QuoteAttribution.split("à Kaboul on 3 July", published: published)
        #expect(other.role == "à Kaboul" && other.date?.iso == "2025-07-03")
        // A space joined to a combining mark separates no words.
        let joined = QuoteAttribution.split("said on 3 \u{301}July", published: published)
        #expect(joined.date == nil)
        expectSame("said on 3 \u{301}July", published)
        expectSame("— Kabul, on 3 July –", published)
    }
}

/// A small deterministic random number generator (SplitMix64), so failures reproduce.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}

/// The implementation `QuoteAttribution` had before it read ASCII as bytes, unchanged.
private enum ReferenceQuoteAttribution {
    static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    static func split(_ context: String, published: ArticleDate) -> (role: String, date: ArticleDate?) {
        let words = context.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for start in words.indices {
            guard let (date, end) = date(in: words, at: start, published: published) else { continue }
            var before = Array(words[..<start])
            if let word = before.last?.lowercased(), ["on", "dated", "of"].contains(word) { before.removeLast() }
            let after = words[end...].joined(separator: " ")
            var role = before.joined(separator: " ")
            if !after.isEmpty { role += (role.isEmpty ? "" : " ") + after }
            return (trimPunctuation(role), date)
        }
        return (context, nil)
    }

    /// A date starting at `words[start]`: `3 July [2025]`, `July 3[,] [2025]`, `2025-07-03`.
    /// Returns it with the index just past its last word.
    static func date(in words: [String], at start: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        func clean(_ word: String) -> String { String(word.filter { !",.;:".contains($0) }) }
        func month(_ word: String) -> Int? {
            let w = clean(word).lowercased()
            guard w.count >= 3 else { return nil }
            return months.firstIndex { $0 == w || ($0.hasPrefix(w) && w.count <= 4 && $0 != "may") }.map { $0 + 1 }
        }
        func day(_ word: String) -> Int? {
            var w = clean(word).lowercased()
            for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w.removeLast(2) }
            guard (1...2).contains(w.count), let d = Int(w), (1...31).contains(d) else { return nil }
            return d
        }
        func year(_ index: Int) -> Int? {
            guard index < words.count else { return nil }
            let w = clean(words[index])
            guard w.count == 4, let y = Int(w), (1000...9999).contains(y) else { return nil }
            return y
        }
        func resolve(_ d: Int, _ m: Int, _ y: Int?, end: Int) -> (ArticleDate, Int)? {
            if let y { return ArticleDate(year: y, month: m, day: d).map { ($0, end + 1) } }
            guard let date = ArticleDate(year: published.year, month: m, day: d) else { return nil }
            return date > published ? ArticleDate(year: published.year - 1, month: m, day: d).map { ($0, end) } : (date, end)
        }
        let first = words[start]
        if let date = ArticleDate(iso: clean(first)), clean(first).count == 10 { return (date, start + 1) }
        if start + 1 < words.count {
            if let d = day(first), !first.hasSuffix(","), let m = month(words[start + 1]) {
                return resolve(d, m, words[start + 1].hasSuffix(",") ? nil : year(start + 2), end: start + 2)
            }
            if let m = month(first), let d = day(words[start + 1]) {
                return resolve(d, m, year(start + 2), end: start + 2)
            }
        }
        return nil
    }

    static func trimPunctuation(_ text: String) -> String {
        let junk: Set<Character> = [" ", ",", ";", ":", "–", "—", "-"]
        var s = Substring(text)
        while let c = s.first, junk.contains(c) { s.removeFirst() }
        while let c = s.last, junk.contains(c) { s.removeLast() }
        return String(s)
    }
}
