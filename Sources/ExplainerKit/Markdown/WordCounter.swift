/// Counts words and turns them into reading time.
enum WordCounter {
    /// Words per minute of an average adult reading on screen.
    static let wordsPerMinute = 220

    /// Runs of letters or digits separated by anything else (apostrophes and hyphens join).
    ///
    /// Reads UTF-8 bytes: ASCII is classified by value (the only Alphabetic ASCII scalars are
    /// A–Z and a–z), other scalars are decoded and asked for their `isAlphabetic` property.
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var words = 0
            var inWord = false
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                let isWordChar: Bool
                if byte < 0x80 {
                    i += 1
                    isWordChar =
                        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                        || (inWord && (byte == 0x27 || byte == 0x2D))
                } else {
                    // Valid UTF-8 (a `String`): a lead byte and its continuation bytes.
                    let value: UInt32
                    if byte < 0xE0 {
                        value = UInt32(byte & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if byte < 0xF0 {
                        value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value =
                            UInt32(byte & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                            | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    isWordChar =
                        (inWord && value == 0x2019)
                        || Unicode.Scalar(value).map { $0.properties.isAlphabetic } == true
                }
                if isWordChar {
                    if !inWord { words += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
            }
            return words
        }
    }

    /// Whole minutes, at least one.
    static func minutes(forWords words: Int) -> Int {
        max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }
}
