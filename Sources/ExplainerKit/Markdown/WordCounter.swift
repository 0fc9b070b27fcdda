/// Counts words and turns them into reading time.
public enum WordCounter {
    /// Words per minute of an average adult reading on screen.
    public static let wordsPerMinute = 220

    /// Runs of letters or digits separated by anything else (apostrophes and hyphens join).
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordChar: Bool
            if value < 0x80 {
                // ASCII fast path: the only Alphabetic ASCII scalars are A–Z and a–z.
                isWordChar = (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
                    || (inWord && (value == 0x27 || value == 0x2D))
            } else {
                isWordChar = scalar.properties.isAlphabetic || (inWord && value == 0x2019)
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

    /// Whole minutes, at least one.
    public static func minutes(forWords words: Int) -> Int {
        max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }
}
