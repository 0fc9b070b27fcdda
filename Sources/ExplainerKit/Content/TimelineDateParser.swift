/// Reads a timeline date as authors write it into a `TimelineSpan`. Pure, and bounded: one
/// pass over the text into at most `maxTokens` tokens, then a fixed number of passes over them.
///
/// What it reads (case and punctuation style do not matter):
/// - years `1979`, `AD 79`, `79 AD`, `1850 BC`/`BCE`, `CE`; months `March 2024`, `Mar. 2024`;
///   days `15 August 2021`, `August 15, 2021`, `15th of August 2021`, `2021-08-15`;
/// - decades `1990s`, `the 1990s`, `'90s` (`'30s`–`'90s` are the 1900s, `'00s`–`'20s` the
///   2000s); centuries `19th century`, `nineteenth century`, `the 1800s` (a `…00s` is a
///   century, but `2000s` is the decade); millennia `2nd millennium BC`;
/// - `early`, `mid`/`mid-`/`middle`, `late` before any of these: the first, middle or last
///   third of the span (`Late 2023` is September to December);
/// - `c.`, `ca.`, `circa`, `about`, `around`, `approximately`, `~` before it: approximate;
/// - ranges `1979–1989`, `1979-89`, `1979 to 1989`, `from 1979 to 1989`, `between 1979 and
///   1989`, `March–May 2024`, `15–20 August 2021`, `500–400 BC` (the first date takes what it
///   leaves out, year, month or era, from the second).
enum TimelineDateParser {
    /// The span `text` names, or nil.
    static func span(of text: String) -> TimelineSpan? {
        if let iso = isoDay(text) { return iso }
        guard var tokens = tokenize(text) else { return nil }
        var approximate = false
        tokens = normalise(tokens, approximate: &approximate)
        // One range separator at most: a dash, `to`, `until`, or `and` after `between`.
        let separators = tokens.indices.filter { tokens[$0].isRangeSeparator }
        guard separators.count <= 1 else { return nil }
        guard let separator = separators.first else {
            guard let side = side(tokens[...], inheriting: nil) else { return nil }
            let span = side.span
            return TimelineSpan(start: span.start, end: span.end, isApproximate: approximate)
        }
        let leftTokens = tokens[..<separator]
        var rightTokens = tokens[(separator + 1)...]
        // `1979–89`: the second year written with its last two digits.
        if rightTokens.count == 1, case .number(let short, let digits)? = rightTokens.first, digits <= 2,
            case .number(let year, let yearDigits)? = leftTokens.last, yearDigits >= 3
        {
            var full = year - year % 100 + short
            if full < year { full += 100 }
            rightTokens = [.number(full, 4)]
        }
        guard let right = side(rightTokens, inheriting: nil),
            let left = side(leftTokens, inheriting: right)
        else { return nil }
        let first = left.span
        let last = right.span
        guard last.end > first.start, last.start >= first.start else { return nil }
        let point = (first.start + first.end) / 2
        return TimelineSpan(
            start: first.start, end: max(first.end, last.end), point: point,
            isApproximate: approximate)
    }

    // MARK: - Tokens

    /// A piece of a date.
    enum Token: Equatable {
        /// A number and how many digits it was written with.
        case number(Int, Int)
        /// `1990s`, `90s`, `'90s`: the number and its digits.
        case plural(Int, Int)
        /// `19th`, `nineteenth`.
        case ordinal(Int)
        case word(String)
        case dash
        case comma

        var isRangeSeparator: Bool {
            switch self {
            case .dash: return true
            case .word(let word): return ["to", "until", "till", "and"].contains(word)
            default: return false
            }
        }
    }

    /// At most this many tokens: no date needs more.
    static let maxTokens = 24

    /// The tokens of `text`, or nil when it holds a character no date has.
    static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        let scalars = Array(SmartText.fold(text).lowercased().unicodeScalars)
        guard scalars.count <= 200 else { return nil }
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i].value >= 0x30 && scalars[i].value <= 0x39 }
        func isLetter(_ i: Int) -> Bool { i < scalars.count && scalars[i].properties.isAlphabetic && !isDigit(i) }
        while index < scalars.count {
            guard tokens.count <= maxTokens else { return nil }
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || scalar == "." {
                index += 1
            } else if isDigit(index) {
                var value = 0
                var digits = 0
                while isDigit(index)
                    || (index < scalars.count && scalars[index] == "," && isDigit(index + 1) && isDigit(index + 2) && isDigit(index + 3)
                        && !isDigit(index + 4) && digits > 0 && digits <= 3)
                {
                    if scalars[index] != "," {
                        value = value * 10 + Int(scalars[index].value - 0x30)
                        digits += 1
                    }
                    index += 1
                    guard digits <= 7 else { return nil }
                }
                // A suffix: `s`, `'s` (plural), `st`/`nd`/`rd`/`th` (ordinal).
                var suffixEnd = index
                while isLetter(suffixEnd) || (suffixEnd < scalars.count && scalars[suffixEnd] == "'" && isLetter(suffixEnd + 1)) {
                    suffixEnd += 1
                }
                let suffix = String(String.UnicodeScalarView(scalars[index..<suffixEnd]))
                switch suffix {
                case "s", "'s":
                    tokens.append(.plural(value, digits))
                    index = suffixEnd
                case "st", "nd", "rd", "th":
                    tokens.append(.ordinal(value))
                    index = suffixEnd
                default:
                    tokens.append(.number(value, digits))
                }
            } else if scalar == "'", isDigit(index + 1), isDigit(index + 2), index + 3 < scalars.count, scalars[index + 3] == "s" {
                // `'90s`
                let value = Int(scalars[index + 1].value - 0x30) * 10 + Int(scalars[index + 2].value - 0x30)
                tokens.append(.plural(value, 2))
                index += 4
            } else if isLetter(index) {
                var word = String.UnicodeScalarView()
                // Letters, with dots inside (`b.c.`, `a.d.`) dropped.
                while isLetter(index) || (index < scalars.count && scalars[index] == "." && isLetter(index + 1)) {
                    if scalars[index] != "." { word.append(scalars[index]) }
                    index += 1
                }
                let text = String(word)
                if let ordinal = ordinalWords[text] { tokens.append(.ordinal(ordinal)) } else { tokens.append(.word(text)) }
            } else if scalar == "-" || scalar == "/" || (scalar.value >= 0x2010 && scalar.value <= 0x2015) || scalar.value == 0x2212 {
                if tokens.last != .dash { tokens.append(.dash) }
                index += 1
            } else if scalar == "," {
                tokens.append(.comma)
                index += 1
            } else if scalar == "~" {
                tokens.append(.word("circa"))
                index += 1
            } else {
                return nil
            }
        }
        return tokens.isEmpty ? nil : tokens
    }

    /// Drops what carries no date (`the`, `of`, `from`, `between`, the approximate words,
    /// whose presence it reports, the dash of `mid-1990s` and `19th-century`) and joins
    /// `twenty-first`.
    static func normalise(_ tokens: [Token], approximate: inout Bool) -> [Token] {
        var out: [Token] = []
        for token in tokens {
            if case .word(let word) = token {
                if approximateWords.contains(word) {
                    approximate = true
                    continue
                }
                if ["the", "of", "from", "between", "in"].contains(word) { continue }
                if ["century", "millennium"].contains(word), out.last == .dash { out.removeLast() }
            }
            // `twenty-first`, `twenty first`
            if case .ordinal(let n) = token, n < 10 {
                if out.last == .word("twenty") {
                    out.removeLast()
                    out.append(.ordinal(20 + n))
                    continue
                }
                if out.count >= 2, out.last == .dash, out[out.count - 2] == .word("twenty") {
                    out.removeLast(2)
                    out.append(.ordinal(20 + n))
                    continue
                }
            }
            if token == .dash, case .word(let word)? = out.last, qualifiers[word] != nil { continue }
            out.append(token)
        }
        return out
    }

    // MARK: - One date

    /// One side of a range, or the whole date: what it names, and what a first date of a range
    /// may take from it.
    struct Side {
        var span: (start: Double, end: Double)
        var year: Int?
        var month: Int?
        var bc: Bool?
    }

    /// `early`/`mid`/`late` → which third of the span.
    static let qualifiers: [String: Int] = ["early": 0, "mid": 1, "middle": 1, "late": 2]
    static let approximateWords: Set<String> = ["c", "ca", "circa", "about", "around", "approximately", "approx"]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    ]

    /// One date: `[early|mid|late] core [era]` (or the era first: `AD 79`); `context` is the
    /// second date of a range, whose year, month and era a first date may leave out.
    static func side(_ tokens: ArraySlice<Token>, inheriting context: Side?) -> Side? {
        var tokens = tokens
        var third: Int?
        if case .word(let word)? = tokens.first, let q = qualifiers[word] {
            third = q
            tokens = tokens.dropFirst()
        }
        var bc: Bool?
        if case .word(let word)? = tokens.first, let era = era(word) {
            bc = era
            tokens = tokens.dropFirst()
        } else if case .word(let word)? = tokens.last, let era = era(word) {
            bc = era
            tokens = tokens.dropLast()
        }
        let explicitEra = bc != nil
        if bc == nil { bc = context?.bc }
        guard var side = core(Array(tokens), explicitEra: explicitEra, context: context) else { return nil }
        // Years as numbered (`lo...hi`, fractions of the first and last) become time.
        let (lo, hi, fStart, fEnd) = side.numbered
        var start: Double
        var end: Double
        if bc == true {
            start = Double(-hi) + fStart
            end = Double(-lo) + fEnd
        } else {
            start = Double(lo) + fStart
            end = Double(hi) + fEnd
        }
        if let third {
            let length = (end - start) / 3
            start += Double(third) * length
            end = start + length
        }
        side.result.span = (start, end)
        side.result.bc = bc
        return side.result
    }

    /// A date's core as year numbers and what a range's first date may take from it.
    typealias Core = (numbered: (Int, Int, Double, Double), result: Side)

    /// The core of a date, as year numbers (`lo...hi`, the fraction of `lo` it starts at and
    /// of `hi` it ends at) with what a range's first date may take from it.
    static func core(_ tokens: [Token], explicitEra: Bool, context: Side?) -> Core? {
        func year(_ value: Int, digits: Int) -> Int? {
            guard value >= 1, value <= 1_000_000, digits >= 3 || explicitEra else { return nil }
            return value
        }
        func result(_ lo: Int, _ hi: Int, _ fStart: Double = 0, _ fEnd: Double = 1, year: Int? = nil, month: Int? = nil) -> Core {
            (numbered: (lo, hi, fStart, fEnd), result: Side(span: (0, 0), year: year, month: month))
        }
        func day(_ d: Int, _ m: Int, _ y: Int) -> Core? {
            guard let start = dayOfYear(d, m, y) else { return nil }
            let length = Double(daysIn(y))
            return result(y, y, Double(start) / length, Double(start + 1) / length, year: y, month: m)
        }
        func month(_ m: Int, _ y: Int) -> Core {
            let length = Double(daysIn(y))
            let first = dayOfYear(1, m, y) ?? 0
            let next = m == 12 ? daysIn(y) : (dayOfYear(1, m + 1, y) ?? daysIn(y))
            return result(y, y, Double(first) / length, Double(next) / length, year: y, month: m)
        }
        func monthName(_ token: Token) -> Int? {
            if case .word(let word) = token { return months[word] }
            return nil
        }
        let t = tokens.filter { $0 != .comma }
        switch t.count {
        case 1:
            switch t[0] {
            case .number(let value, let digits):
                if let y = year(value, digits: digits) { return result(y, y, year: y) }
                // `15` of `15–20 August 2021`
                if let context, let m = context.month, let y = context.year, digits <= 2 { return day(value, m, y) }
                return nil
            case .plural(let value, let digits):
                if digits <= 2 {
                    guard value % 10 == 0 else { return nil }
                    let decade = (value >= 30 ? 1900 : 2000) + value
                    return result(decade, decade + 9)
                }
                guard value >= 10, value % 10 == 0, value <= 1_000_000 else { return nil }
                if value % 100 == 0, value != 2000 { return result(value, value + 99) }
                return result(value, value + 9)
            case .word(let word):
                // `March` of `March–May 2024`
                if let m = months[word], let y = context?.year { return month(m, y) }
                return nil
            default:
                return nil
            }
        case 2:
            if case .ordinal(let n) = t[0], case .word(let unit) = t[1], n >= 1, n <= 1000 {
                if unit == "century" { return result((n - 1) * 100, (n - 1) * 100 + 99) }
                if unit == "millennium" { return result((n - 1) * 1000, (n - 1) * 1000 + 999) }
                // `15th August` of `15th–20th August 2021`? Only with the context's year.
                if let m = months[unit], let y = context?.year { return day(n, m, y) }
                return nil
            }
            if let m = monthName(t[0]), case .number(let value, let digits) = t[1] {
                if let y = year(value, digits: digits) { return month(m, y) }
                if digits <= 2, let y = context?.year { return day(value, m, y) }  // `August 15` of a range
                return nil
            }
            if case .number(let d, let digits) = t[0], digits <= 2, let m = monthName(t[1]), let y = context?.year {
                return day(d, m, y)
            }
            return nil
        case 3:
            // `15 August 2021`, `15th August 2021`, `August 15, 2021`
            var d: Int?
            var m: Int?
            var yearToken: Token?
            if case .number(let value, let digits) = t[0], digits <= 2, let month = monthName(t[1]) {
                (d, m, yearToken) = (value, month, t[2])
            } else if case .ordinal(let value) = t[0], let month = monthName(t[1]) {
                (d, m, yearToken) = (value, month, t[2])
            } else if let month = monthName(t[0]), case .number(let value, let digits) = t[1], digits <= 2 {
                (d, m, yearToken) = (value, month, t[2])
            } else if let month = monthName(t[0]), case .ordinal(let value) = t[1] {
                (d, m, yearToken) = (value, month, t[2])
            }
            guard let d, let m, case .number(let value, let digits)? = yearToken, let y = year(value, digits: digits) else {
                return nil
            }
            return day(d, m, y)
        default:
            return nil
        }
    }

    /// `bc`/`bce` → true, `ad`/`ce` → false.
    static func era(_ word: String) -> Bool? {
        switch word {
        case "bc", "bce": return true
        case "ad", "ce": return false
        default: return nil
        }
    }

    /// `2021-08-15` (with hyphens and nothing else).
    static func isoDay(_ text: String) -> TimelineSpan? {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y >= 1, let start = dayOfYear(d, m, y)
        else { return nil }
        let length = Double(daysIn(y))
        return TimelineSpan(start: Double(y) + Double(start) / length, end: Double(y) + Double(start + 1) / length)
    }

    // MARK: - The calendar (proleptic Gregorian)

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysIn(_ y: Int) -> Int { isLeap(y) ? 366 : 365 }

    /// Days of the year before day `d` of month `m` (0 for 1 January), or nil for no such day.
    static func dayOfYear(_ d: Int, _ m: Int, _ y: Int) -> Int? {
        let lengths = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard m >= 1, m <= 12, d >= 1, d <= lengths[m - 1] else { return nil }
        return lengths[..<(m - 1)].reduce(0, +) + d - 1
    }
}
