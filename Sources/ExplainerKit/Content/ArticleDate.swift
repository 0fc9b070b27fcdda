/// A calendar date (no time, no time zone) as authors write it: `2025-07-04`.
///
/// Kept as plain numbers so that output never depends on the machine's time zone or locale.
package struct ArticleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by the time of a YAML timestamp
    /// (`2025-07-04T10:00:00Z`, `2025-07-04 10:00:00.5 +02:00`): the time must exist (hours
    /// 0-23, minutes and seconds 0-59, a zone of at most 23:59) and is then ignored, so the
    /// date is the calendar date as written, whatever the zone (`ArticleTimestamp` keeps it).
    init?(iso text: String) {
        guard let timestamp = ArticleTimestamp(iso: text) else { return nil }
        self = timestamp.date
    }

    /// Days from 1970-01-01 to this date (negative before it), in the proleptic Gregorian
    /// calendar.
    var daysSinceEpoch: Int {
        // Howard Hinnant's `days_from_civil`: years counted from March, so that the leap day
        // ends a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2025-07-04`.
    var iso: String { text(time: false) }

    /// `4 July 2025`: the date in English (`LocaleFormat`, as a page in English shows it), for
    /// messages to the author; a page shows it in its own language (`LocalizedStrings.date`).
    var long: String { LocaleFormat.of(.english).date(self) }

    /// `2025-07-04T00:00:00Z`, for feeds and sitemaps.
    var rfc3339: String { text(time: true) }

    /// `iso`, followed by `T00:00:00Z` when `time`: written straight to the string's bytes
    /// (years 0–9999, as `init` allows; other values the padded way).
    private func text(time: Bool) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            let iso = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
            return time ? iso + "T00:00:00Z" : iso
        }
        return String(unsafeUninitializedCapacity: time ? 20 : 10) { buffer in
            func put(_ n: Int, digits: Int, at offset: Int) {
                var n = n
                for i in (0..<digits).reversed() {
                    buffer[offset + i] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                }
            }
            put(year, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            guard time else { return 10 }
            for (i, byte) in "T00:00:00Z".utf8.enumerated() { buffer[10 + i] = byte }
            return 20
        }
    }

    package var description: String { iso }

    package static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(in month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
