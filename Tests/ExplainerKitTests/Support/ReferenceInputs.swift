/// Strings for comparing the byte-level rewrites with their references: hand-picked edge cases
/// and seeded random strings made of ASCII, white space, line endings, every JSON- and
/// XML-escaped character, HTML tags and entities, combining marks, emoji, CJK and controls.
enum ReferenceInputs {
    static let fragments: [String] = [
        "a", "Z", "9", "word", "explainer", " ", "  ", "\n", "\r", "\r\n", "\t", "-", "'", "\u{2019}", "_",
        "é", "e\u{301}", "\u{301}", " \u{301}", "\u{0600}", "\u{0600} ", "\u{200D}", "👍🏽", "👩‍👩‍👧", "🇫🇷🇩🇪", "日本語", "한국어", "ß", "İ", "Ω",
        "\u{2028}", "\u{2029}", "\u{2027}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{E2}",
        "\"", "\\", "/", "<", ">", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&bogus;", "&amp",
        "<b>", "</p>", "<a href=\"x\">", "<br/>", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}",
        String(repeating: "x", count: 40), String(repeating: "long", count: 30), "1979", "19th century",
    ]

    static let fixed: [String] = [
        "", " ", "   ", "a", "one two three four five six seven eight nine ten eleven twelve",
        "  leading and trailing  ", "averyveryverylongwordthatexceedsthewidthonitsown next",
        "café au lait", "naïve façade déjà vu", "日本語 の テキスト と 言葉", "a\r\nb c\r\n\r\nd",
        "e\u{301} \u{301}x y\u{301}", "👩‍👩‍👧 family 🇫🇷 flags 👍🏽 ok", "\u{0600} a \u{0600}  b",
        String(repeating: "word ", count: 200), String(repeating: "é", count: 300),
        String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + "\"\\<>&\u{2028}\u{2029}\u{7F}",
        "it's co-op don\u{2019}t 'quoted' -dash- ’x", "<p>Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;yo&#39;</p>\n<ul>\n<li>x</li></ul>",
    ]

    /// `fixed` and `count` random strings of up to `maxFragments` fragments.
    static func strings(count: Int = 2000, maxFragments: Int = 60, seed: UInt64 = 0x5EED) -> [String] {
        var random = SeededRandom(seed: seed)
        var result = fixed
        for _ in 0..<count {
            let n = Int(random.next() % UInt64(maxFragments + 1))
            var s = ""
            for _ in 0..<n { s += fragments[Int(random.next() % UInt64(fragments.count))] }
            result.append(s)
        }
        return result
    }

    /// Random byte strings: valid and invalid UTF-8, with byte-order marks and NULs.
    static func byteStrings(count: Int = 1000, seed: UInt64 = 0xB17E5) -> [[UInt8]] {
        var random = SeededRandom(seed: seed)
        let pieces: [[UInt8]] =
            strings(count: 200, maxFragments: 8, seed: seed).map { Array($0.utf8) }
            + [
                [0xEF, 0xBB, 0xBF], [0], [0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80],
            ]
        var result: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x41], [0x0D], [0x41, 0x00]]
        for _ in 0..<count {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            result.append(bytes)
        }
        return result
    }
}
