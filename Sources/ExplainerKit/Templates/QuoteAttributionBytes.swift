/// `QuoteAttribution.split` for ASCII text, read as bytes: the same results, without building
/// a `String` per word, filtering `Character`s and lowercasing for every word tried as a date.
///
/// In ASCII without a carriage return every `Character` is one byte, so splitting at spaces,
/// dropping `,.;:`, lowercasing, `Int(_:)` and the suffix and prefix tests all have exact
/// byte equivalents. Other text returns nil (the caller reads it as `Character`s).
enum QuoteAttributionBytes {
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    static func split(_ context: String, published: ArticleDate) -> (role: String, date: ArticleDate?)? {
        let original = context
        var context = context
        return context.withUTF8 { bytes -> (role: String, date: ArticleDate?)? in
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
            var words: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 { index += 1; continue }
                let start = index
                while index < bytes.count, bytes[index] != 0x20 { index += 1 }
                words.append(start..<index)
            }
            for start in words.indices {
                guard let (date, end) = date(bytes, words, at: start, published: published) else { continue }
                var before = words[..<start]
                if let last = before.last, isConnective(bytes, last) { before.removeLast() }
                var role: [UInt8] = []
                for word in before + words[end...] {
                    if !role.isEmpty { role.append(0x20) }
                    role.append(contentsOf: bytes[word])
                }
                // `role` joins non-empty words: it can be empty only when both parts are.
                var lower = 0, upper = role.count
                while lower < upper, isJunk(role[lower]) { lower += 1 }
                while upper > lower, isJunk(role[upper - 1]) { upper -= 1 }
                return (String(decoding: role[lower..<upper], as: UTF8.self), date)
            }
            return (original, nil)
        }
    }

    /// `on`, `dated` or `of`, in any case.
    private static func isConnective(_ bytes: Bytes, _ word: Range<Int>) -> Bool {
        equalsLowercased(bytes[word], "on") || equalsLowercased(bytes[word], "dated") || equalsLowercased(bytes[word], "of")
    }

    /// The ASCII characters `QuoteAttribution.trimPunctuation` trims: space , ; : -
    private static func isJunk(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x2D
    }

    /// `,.;:` are dropped from a word before it is read as a date part.
    private static func isDropped(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A
    }

    private static func cleaned(_ bytes: Bytes, _ word: Range<Int>, lowercase: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        for byte in bytes[word] where !isDropped(byte) {
            out.append(lowercase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return out
    }

    private static func equalsLowercased(_ bytes: Slice<Bytes>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        var other = word.utf8Start
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != other.pointee { return false }
            other += 1
        }
        return true
    }

    private static func date(_ bytes: Bytes, _ words: [Range<Int>], at start: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        let first = words[start]
        let firstByte = bytes[first.lowerBound]
        // Only a digit, a sign (`+5` is a day, as `Int("+5")` reads it) or a month's first
        // letter can start a date; this skips the cleaning of most words.
        let couldStart = (firstByte >= 0x30 && firstByte <= 0x39) || firstByte == 0x2B || isDropped(firstByte)
            || monthInitials.contains(firstByte | 0x20)
        guard couldStart else { return nil }
        if first.count >= 10 {
            let clean = cleaned(bytes, first, lowercase: false)
            if clean.count == 10, let date = ArticleDate(iso: String(decoding: clean, as: UTF8.self)) {
                return (date, start + 1)
            }
        }
        guard start + 1 < words.count else { return nil }
        let second = words[start + 1]
        if let d = day(bytes, first), bytes[first.upperBound - 1] != 0x2C, let m = month(bytes, second) {
            let y = bytes[second.upperBound - 1] == 0x2C ? nil : year(bytes, words, start + 2)
            return QuoteAttribution.resolve(d, m, y, end: start + 2, published: published)
        }
        if let m = month(bytes, first), let d = day(bytes, second) {
            return QuoteAttribution.resolve(d, m, year(bytes, words, start + 2), end: start + 2, published: published)
        }
        return nil
    }

    /// First letters of month names, lowercase (`,.;:` before one are dropped too).
    private static let monthInitials: [UInt8] = Array("jfmasond".utf8)

    private static let monthNames: [[UInt8]] = QuoteAttribution.months.map { Array($0.utf8) }

    private static func month(_ bytes: Bytes, _ word: Range<Int>) -> Int? {
        let w = cleaned(bytes, word, lowercase: true)
        guard w.count >= 3 else { return nil }
        for (index, name) in monthNames.enumerated() {
            if name == w { return index + 1 }
            if w.count <= 4, index != 4, name.starts(with: w) { return index + 1 }
        }
        return nil
    }

    private static func day(_ bytes: Bytes, _ word: Range<Int>) -> Int? {
        var w = cleaned(bytes, word, lowercase: true)
        for suffix in daySuffixes where w.count >= 2 && w[w.count - 2] == suffix.0 && w[w.count - 1] == suffix.1 {
            w.removeLast(2)
        }
        guard (1...2).contains(w.count), let d = integer(w), (1...31).contains(d) else { return nil }
        return d
    }

    private static let daySuffixes: [(UInt8, UInt8)] = [
        (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
        (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")),
    ]

    private static func year(_ bytes: Bytes, _ words: [Range<Int>], _ index: Int) -> Int? {
        guard index < words.count else { return nil }
        let w = cleaned(bytes, words[index], lowercase: false)
        guard w.count == 4, let y = integer(w), (1000...9999).contains(y) else { return nil }
        return y
    }

    /// `Int(_:)` of a short ASCII text: an optional `+` or `-`, then one or more digits.
    private static func integer(_ w: [UInt8]) -> Int? {
        guard !w.isEmpty else { return nil }
        var index = 0
        var negative = false
        if w[0] == UInt8(ascii: "+") || w[0] == UInt8(ascii: "-") {
            negative = w[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < w.count else { return nil }
        var value = 0
        while index < w.count {
            let digit = w[index] &- 0x30
            guard digit <= 9 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }
}
