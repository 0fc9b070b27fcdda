/// A calendar date (no time, no time zone) as authors write it: `2025-07-04`.
///
/// Kept as plain numbers so that output never depends on the machine's time zone or locale.
public struct ArticleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a trailing time such as `T10:00:00Z` is ignored).
    public init?(iso text: String) {
        // Fast answers for the two common cases (words that are no date, and `YYYY-MM-DD`);
        // anything else the general way below.
        var text = text
        guard text.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let quick = text.withUTF8 { utf8 -> (Int, Int, Int)? in
            guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
            var fields = (0, 0, 0)
            for (i, byte) in utf8.enumerated() where i != 4 && i != 7 {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if i < 4 { fields.0 = fields.0 * 10 + digit } else if i < 7 { fields.1 = fields.1 * 10 + digit } else { fields.2 = fields.2 * 10 + digit }
            }
            return fields
        }
        if let fields = quick {
            self.init(year: fields.0, month: fields.1, day: fields.2)
            return
        }
        let datePart = text.split(separator: "T", maxSplits: 1).first.map(String.init) ?? text
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `2025-07-04`.
    public var iso: String { text(time: false) }

    /// `4 July 2025`.
    public var long: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// `2025-07-04T00:00:00Z`, for feeds and sitemaps.
    public var rfc3339: String { text(time: true) }

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

    public var description: String { iso }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
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
