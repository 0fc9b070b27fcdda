import Foundation

/// Turns human text into URL- and file-safe slugs.
///
/// A slug is lowercase letters and digits joined by single hyphens: never `/`, `..`, spaces,
/// control characters or anything a file system or URL would treat specially. ASCII letters
/// with diacritics are folded to ASCII (`Crème brûlée` → `creme-brulee`); letters and digits
/// of other scripts are kept, lowercased, in Unicode's composed form (NFC), so `日本語` →
/// `日本語` and `Ελληνικά` → `ελληνικά` (a URL may hold them). Everything else (punctuation,
/// symbols, emoji) separates words; text with no letters or digits gives an empty slug.
/// Apostrophes (`'`, `’`, and `‘`, which smart punctuation may make of `'`) join words, so a
/// heading has the same slug with smart punctuation on or off (`SmartTextTests`).
enum Slug {
    /// The slug of `text`; empty when `text` has no letters or digits.
    static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        // Whether the last scalar kept is a letter of another script than ASCII: the marks
        // that follow it are part of it (Devanagari vowel signs), not diacritics to fold.
        var inOtherScript = false
        func keep(_ scalars: some Sequence<Unicode.Scalar>) {
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.append(contentsOf: scalars)
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            if scalar.isASCII {
                inOtherScript = false
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    keep(CollectionOfOne(scalar))
                } else if v >= 0x41 && v <= 0x5A {
                    keep(CollectionOfOne(Unicode.Scalar(v + 32)!))
                } else if v != 0x27 {
                    pendingHyphen = true
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A diacritic on an ASCII letter is folded away; a mark of another script stays.
                if inOtherScript { out.append(scalar) }
            case .decimalNumber, .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                keep(scalar.properties.lowercaseMapping.unicodeScalars)
                inOtherScript = true
            default:
                inOtherScript = false
                // apostrophes join words: "Afghanistan’s" → "afghanistans"; smart punctuation
                // makes `'` one of the two single quotes, so neither separates (as `'` does not)
                if v != 0x2019 && v != 0x2018 { pendingHyphen = true }
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// `make` for ASCII text, byte by byte (heading ids of a large site go through it).
    private static func makeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte + 32
            case UInt8(ascii: "'"): continue  // apostrophes join words: "Afghanistan's" → "afghanistans"
            default:
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(lower)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is already a valid slug (what `make` would return for it, byte for byte:
    /// a decomposed `café` is not the slug `café`).
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text).utf8.elementsEqual(text.utf8)
    }
}
