/// Splits the context of a quote's attribution into its role or occasion and the date it
/// mentions, for the quote cards: "in a statement on 3 July" → "in a statement" and 3 July.
/// A date without a year takes the latest year that does not put it after the explainer's date.
///
/// Words are the text's runs between spaces (`withSpaceSeparatedWords`); each is tried as a
/// date part on its UTF-8 bytes. A date part (a month's name or prefix, a
/// day, a year, `2025-07-03`) is ASCII, and no non-ASCII text lowercases into one, so a
/// word with any other byte is none. The readable `Character` version this replaced is the
/// tests' reference (`QuoteAttributionTests`).
///
/// This is the reading of English attributions; `QuoteDateReader` chooses it for an English
/// explainer and reads other languages' dates with the locale's month names.
enum QuoteAttribution {
    static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The connectives of the English table (`quoteDateConnectives`), lowercased.
    static let englishConnectives: [[UInt8]] = [Array("on".utf8), Array("dated".utf8), Array("of".utf8)]

    /// `context` split into its role and its date; `connectives` (lowercase ASCII words: the
    /// table's `quoteDateConnectives`) are the words before a date that go with it.
    static func split(
        _ context: String, published: ArticleDate, connectives: [[UInt8]] = englishConnectives
    ) -> (role: String, date: ArticleDate?) {
        context.withSpaceSeparatedWords { bytes, words in
            for start in words.indices {
                guard let (date, end) = date(bytes, words, at: start, published: published) else { continue }
                var before = words[..<start]
                if let last = before.last, isConnective(bytes[last], connectives) { before.removeLast() }
                var role: [UInt8] = []
                for word in before + words[end...] {
                    if !role.isEmpty { role.append(0x20) }
                    role.append(contentsOf: bytes[word])
                }
                return (trimPunctuation(String(decoding: role, as: UTF8.self)), date)
            }
            return (context, nil)
        }
    }

    /// A date starting at `words[start]`: `3 July [2025]`, `July 3[,] [2025]`, `2025-07-03`.
    /// Returns it with the index just past its last word.
    private static func date(_ bytes: Bytes, _ words: [Range<Int>], at start: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        let first = bytes[words[start]]
        // Only a digit, a sign (`+5` is a day, as `Int("+5")` reads it), a dropped `,.;:` or
        // a month's first letter can start a date: this skips the cleaning of most words.
        guard let firstByte = first.first,
            (firstByte >= 0x30 && firstByte <= 0x39) || firstByte == 0x2B || isDropped(firstByte)
                || monthInitials.contains(firstByte | 0x20)
        else { return nil }
        if first.count >= 10, let clean = cleaned(first, lowercase: false), clean.count == 10,
            let date = ArticleDate(iso: String(decoding: clean, as: UTF8.self))
        {
            return (date, start + 1)
        }
        guard start + 1 < words.count else { return nil }
        let second = bytes[words[start + 1]]
        if let d = day(first), first.last != 0x2C, let m = month(second) {
            let y = second.last == 0x2C ? nil : year(bytes, words, start + 2)
            return resolve(d, m, y, end: start + 2, published: published)
        }
        if let m = month(first), let d = day(second) {
            return resolve(d, m, year(bytes, words, start + 2), end: start + 2, published: published)
        }
        return nil
    }

    /// Day `d` of month `m`, in year `y`, or else in the latest year not after `published`;
    /// with the index past the date (`end + 1` when the year was a word of it).
    static func resolve(_ d: Int, _ m: Int, _ y: Int?, end: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        if let y { return ArticleDate(year: y, month: m, day: d).map { ($0, end + 1) } }
        guard let date = ArticleDate(year: published.year, month: m, day: d) else { return nil }
        return date > published ? ArticleDate(year: published.year - 1, month: m, day: d).map { ($0, end) } : (date, end)
    }

    /// The role's ends lose spaces and `,;:–—-` (as `Character`s: a mark joined to one keeps it),
    /// and `extra`.
    static func trimPunctuation(_ text: String, extra: Set<Character> = []) -> String {
        let junk: Set<Character> = extra.union([" ", ",", ";", ":", "–", "—", "-"])
        var s = Substring(text)
        while let c = s.first, junk.contains(c) { s.removeFirst() }
        while let c = s.last, junk.contains(c) { s.removeLast() }
        return String(s)
    }

    /// One of `connectives` (`on`, `dated`, `of`), in any case.
    private static func isConnective(_ word: Slice<Bytes>, _ connectives: [[UInt8]]) -> Bool {
        connectives.contains { equalsLowercased(word, $0) }
    }

    /// `,.;:` are dropped from a word before it is read as a date part.
    private static func isDropped(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A
    }

    /// The word's bytes without `,.;:`, ASCII letters lowercased if asked; `nil` when the word
    /// has a byte outside printable ASCII (then it is no date part).
    private static func cleaned(_ word: Slice<Bytes>, lowercase: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        for byte in word where !isDropped(byte) {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            out.append(lowercase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return out
    }

    private static func equalsLowercased(_ word: Slice<Bytes>, _ name: [UInt8]) -> Bool {
        guard word.count == name.count else { return false }
        var other = name.startIndex
        for byte in word {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != name[other] { return false }
            other += 1
        }
        return true
    }

    /// First letters of month names, lowercase.
    private static let monthInitials: [UInt8] = Array("jfmasond".utf8)

    private static let monthNames: [[UInt8]] = months.map { Array($0.utf8) }

    /// A month's name, or a prefix of three or four letters (not of `may`).
    private static func month(_ word: Slice<Bytes>) -> Int? {
        guard let w = cleaned(word, lowercase: true), w.count >= 3 else { return nil }
        for (index, name) in monthNames.enumerated() {
            if name == w { return index + 1 }
            if w.count <= 4, index != 4, name.starts(with: w) { return index + 1 }
        }
        return nil
    }

    /// `3`, `03`, `3rd`…: 1 to 31.
    private static func day(_ word: Slice<Bytes>) -> Int? {
        guard var w = cleaned(word, lowercase: true) else { return nil }
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

    /// Four digits, 1000 to 9999.
    private static func year(_ bytes: Bytes, _ words: [Range<Int>], _ index: Int) -> Int? {
        guard index < words.count, let w = cleaned(bytes[words[index]], lowercase: false), w.count == 4,
            let y = integer(w), (1000...9999).contains(y)
        else { return nil }
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
