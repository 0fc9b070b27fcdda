import Foundation

/// Turns human text into URL- and file-safe slugs.
///
/// A slug is lowercase ASCII letters, digits and single hyphens: never `/`, `..`, spaces or
/// anything a file system or URL would treat specially. Letters with diacritics are folded
/// to ASCII (`é` → `e`); other characters become separators.
public enum Slug {
    /// The slug of `text`; empty when `text` has no letters or digits.
    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded: Substring
            if scalar.isASCII {
                folded = Substring(String(scalar))
            } else {
                folded = Substring(String(scalar).applyingASCIIFold())
            }
            for ch in folded.unicodeScalars {
                let v = ch.value
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if pendingHyphen && !out.isEmpty { out.append("-") }
                    pendingHyphen = false
                    out.unicodeScalars.append(ch)
                } else if v >= 0x41 && v <= 0x5A {
                    if pendingHyphen && !out.isEmpty { out.append("-") }
                    pendingHyphen = false
                    out.unicodeScalars.append(Unicode.Scalar(v + 32)!)
                } else if v == 0x27 || v == 0x2019 {
                    // apostrophes join words: "Afghanistan's" → "afghanistans"
                    continue
                } else {
                    pendingHyphen = true
                }
            }
        }
        return out
    }

    /// Whether `text` is already a valid slug (what `make` would return for it).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}

extension String {
    /// Strips diacritics by Unicode decomposition, keeping only ASCII scalars.
    fileprivate func applyingASCIIFold() -> String {
        var out = ""
        for scalar in self.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.isASCII {
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
