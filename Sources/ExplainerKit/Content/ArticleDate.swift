/// A calendar date (no time, no time zone) as authors write it: `2025-07-04`.
///
/// Kept as plain numbers so that output never depends on the machine's time zone or locale.
struct ArticleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

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
    /// date is the calendar date as written, whatever the zone.
    init?(iso text: String) {
        var text = text
        guard let fields = text.withUTF8({ Self.fields($0) }) else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    private static func fields(_ utf8: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = number(utf8, 0..<4), let month = number(utf8, 5..<7), let day = number(utf8, 8..<10),
            utf8.count == 10 || isTime(utf8[10...])
        else { return nil }
        return (year, month, day)
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

    /// Whether `rest` is a YAML timestamp's time part, one that exists: `T` (or spaces),
    /// `H:MM:SS`, an optional fraction, an optional zone (`Z`, `+H`, `-HH:MM`).
    private static func isTime(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = rest.startIndex
        let end = rest.endIndex
        func skip(_ allowed: (UInt8) -> Bool) -> Int {
            let start = index
            while index < end, allowed(rest[index]) { index += 1 }
            return index - start
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func take(_ byte: UInt8) -> Bool {
            guard index < end, rest[index] == byte else { return false }
            index += 1
            return true
        }
        /// One or two digits (exactly two when `two`) at most `limit`.
        func field(two: Bool, limit: Int) -> Bool {
            let start = index
            var count = 0
            while index < end, count < 2, isDigit(rest[index]) { index += 1; count += 1 }
            guard count == 2 || (!two && count == 1), let value = number(rest.base, start..<index) else { return false }
            return value <= limit
        }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || skip(isBlank) > 0,
            field(two: false, limit: 23), take(UInt8(ascii: ":")), field(two: true, limit: 59),
            take(UInt8(ascii: ":")), field(two: true, limit: 59)
        else { return false }
        if take(UInt8(ascii: ".")) { _ = skip(isDigit) }
        _ = skip(isBlank)
        if index == end || take(UInt8(ascii: "Z")) { return index == end }
        guard take(UInt8(ascii: "+")) || take(UInt8(ascii: "-")), field(two: false, limit: 23) else { return false }
        if take(UInt8(ascii: ":")) { guard field(two: true, limit: 59) else { return false } }
        return index == end
    }

    /// `2025-07-04`.
    var iso: String { text(time: false) }

    /// `4 July 2025`.
    var long: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

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

    var description: String { iso }

    static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

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
