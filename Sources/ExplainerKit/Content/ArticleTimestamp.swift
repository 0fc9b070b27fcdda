/// A date as authors write it, with the time of day when they give one: `2025-07-04`,
/// `2025-07-04T10:00:00+02:00`, `2025-07-04 10:00:00.5` (a YAML timestamp).
///
/// The date is the calendar date as written, whatever the zone (`ArticleDate`); the time, when
/// there is one, orders timestamps of one day and is kept for ISO output. A time without a
/// zone is UTC (as YAML reads it); a date without a time stands for its midnight UTC, which is
/// what the feeds have always written for it (`T00:00:00Z`). Plain numbers throughout: output
/// never depends on the machine's time zone or locale.
struct ArticleTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    var date: ArticleDate
    var time: ArticleTime?

    init(date: ArticleDate, time: ArticleTime? = nil) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DD`, optionally followed by the time of a YAML timestamp: `T` (or
    /// spaces), `H:MM:SS`, an optional fraction, an optional zone (`Z`, `+H`, `-HH:MM`). The
    /// date and the time must exist (hours 0-23, minutes and seconds 0-59, a zone of at most
    /// 23:59).
    init?(iso text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> ArticleTimestamp? {
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = number(utf8, 0..<4), let month = number(utf8, 5..<7), let day = number(utf8, 8..<10),
            let date = ArticleDate(year: year, month: month, day: day)
        else { return nil }
        if utf8.count == 10 { return ArticleTimestamp(date: date) }
        guard let time = time(utf8[10...]) else { return nil }
        return ArticleTimestamp(date: date, time: time)
    }

    /// The decimal number written in `range` of `utf8` (digits only).
    private static func number(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = utf8[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The time `rest` writes, if it is a YAML timestamp's time part and one that exists.
    private static func time(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> ArticleTime? {
        var index = rest.startIndex
        let end = rest.endIndex
        func skip(_ allowed: (UInt8) -> Bool) -> Range<Int> {
            let start = index
            while index < end, allowed(rest[index]) { index += 1 }
            return start..<index
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func take(_ byte: UInt8) -> Bool {
            guard index < end, rest[index] == byte else { return false }
            index += 1
            return true
        }
        /// One or two digits (exactly two when `two`) at most `limit`.
        func field(two: Bool, limit: Int) -> Int? {
            let start = index
            var count = 0
            while index < end, count < 2, isDigit(rest[index]) { index += 1; count += 1 }
            guard count == 2 || (!two && count == 1), let value = number(rest.base, start..<index), value <= limit else {
                return nil
            }
            return value
        }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || !skip(isBlank).isEmpty,
            let hour = field(two: false, limit: 23), take(UInt8(ascii: ":")), let minute = field(two: true, limit: 59),
            take(UInt8(ascii: ":")), let second = field(two: true, limit: 59)
        else { return nil }
        var fraction = ""
        if take(UInt8(ascii: ".")) {
            let digits = rest.base[skip(isDigit)]
            // Nanoseconds at the most, without trailing zeros: one instant, one spelling.
            fraction = String(decoding: digits.prefix(ArticleTime.fractionDigits), as: UTF8.self)
            while fraction.last == "0" { fraction.removeLast() }
        }
        _ = skip(isBlank)
        if index == end || take(UInt8(ascii: "Z")) {
            return index == end ? ArticleTime(hour: hour, minute: minute, second: second, fraction: fraction, zoneMinutes: 0) : nil
        }
        let sign = rest[index] == UInt8(ascii: "-") ? -1 : 1
        guard take(UInt8(ascii: "+")) || take(UInt8(ascii: "-")), let zoneHours = field(two: false, limit: 23) else { return nil }
        var zoneMinutes = 0
        if take(UInt8(ascii: ":")) {
            guard let minutes = field(two: true, limit: 59) else { return nil }
            zoneMinutes = minutes
        }
        guard index == end else { return nil }
        return ArticleTime(
            hour: hour, minute: minute, second: second, fraction: fraction, zoneMinutes: sign * (zoneHours * 60 + zoneMinutes))
    }

    /// `2025-07-04`, or with its time `2025-07-04T10:00:00+02:00` (`Z` for UTC): ISO 8601,
    /// for `<time datetime>`, JSON-LD and sitemaps.
    var iso: String {
        guard let time else { return date.iso }
        return date.iso + "T" + time.iso
    }

    /// RFC 3339, for Atom: `iso` with its time, or midnight UTC (`2025-07-04T00:00:00Z`).
    var rfc3339: String { time == nil ? date.rfc3339 : iso }

    /// `4 July 2025`, or with its time `4 July 2025, 10:00 UTC+02:00`: in English
    /// (`LocaleFormat.timestamp`, as `ArticleDate.long`).
    var long: String { LocaleFormat.of(.english).timestamp(self) }

    var description: String { iso }

    /// Seconds from 1970-01-01T00:00:00Z to this instant (a date alone: its midnight UTC).
    var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + (time.map { $0.hour * 3600 + $0.minute * 60 + $0.second - $0.zoneMinutes * 60 } ?? 0)
    }

    /// Earlier instants first; at the same instant (`10:00+02:00` and `08:00Z`), a date alone
    /// before a time, then by zone, so that the order is total and agrees with `==`.
    static func < (lhs: ArticleTimestamp, rhs: ArticleTimestamp) -> Bool {
        func key(_ stamp: ArticleTimestamp) -> (Int, Int, Int, Int) {
            (stamp.secondsSinceEpoch, stamp.time?.nanoseconds ?? 0, stamp.time == nil ? 0 : 1, stamp.time?.zoneMinutes ?? 0)
        }
        return key(lhs) < key(rhs)
    }
}

/// The time of day of an `ArticleTimestamp`, with its zone.
struct ArticleTime: Sendable, Hashable {
    /// How many digits of a fraction of a second are kept (nanoseconds).
    static let fractionDigits = 9

    var hour: Int
    var minute: Int
    var second: Int
    /// The digits of the fraction of a second, without trailing zeros (`"5"` for `.50`; `""`
    /// for none).
    var fraction: String
    /// The zone's offset east of UTC, in minutes: 120 for `+02:00`, 0 for `Z` or no zone.
    var zoneMinutes: Int

    /// `fraction` as nanoseconds.
    var nanoseconds: Int {
        let padded = fraction + String(repeating: "0", count: max(0, Self.fractionDigits - fraction.count))
        return Int(padded) ?? 0
    }

    /// `10:00:00+02:00`, `08:00:00.5Z`.
    var iso: String {
        var text = Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second)
        if !fraction.isEmpty { text += "." + fraction }
        return text + zone(utc: "Z")
    }

    /// `10:00 UTC+02:00`, `08:00:30 UTC` (seconds only when there are some).
    var long: String {
        var text = Self.two(hour) + ":" + Self.two(minute)
        if second != 0 || !fraction.isEmpty { text += ":" + Self.two(second) + (fraction.isEmpty ? "" : "." + fraction) }
        return text + " UTC" + zone(utc: "")
    }

    /// `+02:00`, `-05:30`, or `utc` for an offset of zero.
    private func zone(utc: String) -> String {
        guard zoneMinutes != 0 else { return utc }
        let size = abs(zoneMinutes)
        return (zoneMinutes < 0 ? "-" : "+") + Self.two(size / 60) + ":" + Self.two(size % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
