/// Counts words and turns them into reading time.
public enum WordCounter {
    /// Words per minute of an average adult reading on screen.
    public static let wordsPerMinute = 220

    /// Runs of letters or digits separated by anything else (apostrophes and hyphens join).
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordChar = scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39)
                || (inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-"))
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
