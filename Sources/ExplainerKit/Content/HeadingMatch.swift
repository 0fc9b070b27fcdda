/// How a `sections:` entry names an H2 heading: the one rule, applied to both sides.
///
/// Two texts name the same heading when their `key`s are equal: case is ignored, curly and
/// straight quotes and apostrophes are one (with `SmartText.fold`'s other pairs: dashes,
/// ellipses), every run of white space (no-break spaces and tabs too) is one space, invisible
/// characters (zero-width spaces, soft hyphens, byte-order marks) are dropped, and trailing
/// punctuation (`?`, `.`, `:`, `!`…) does not count. When nothing matches, `nearest` and
/// `difference` say which heading was probably meant and what differs.
enum HeadingMatch {
    /// The form two texts are compared in: `What's next?` and `what’s  NEXT` give `what's next`.
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isIgnored(scalar) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: fold(scalar).unicodeScalars)
        }
        // Trailing punctuation is dropped (a bounded walk back: each step removes a scalar).
        while let last = out.last, trailingPunctuation.contains(last) || last == " " { out.removeLast() }
        return String(out).lowercased()
    }

    /// The entry of `candidates` whose key is nearest to `text`'s by edit distance (the first
    /// of equals), whatever the distance: the hint shows it with the difference marked.
    static func nearest(to text: String, in candidates: [String]) -> String? {
        let wanted = key(text)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.between(wanted, key(candidate))
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `entry` and `heading` as written, with the part that differs between `⟦` and `⟧` (from
    /// the first character that differs to the last, compared as `key` compares them), and any
    /// character outside ASCII in that part named by its code: `Kabul⟦ ⟧falls` against
    /// `Kabul⟦<U+00A0 NO-BREAK SPACE>⟧falls`.
    /// Trailing punctuation and white space, which `key` ignores, stay outside the marks.
    static func difference(_ entry: String, _ heading: String) -> (entry: String, heading: String) {
        let (a, aTail) = splitIgnoredTail(Array(entry))
        let (b, bTail) = splitIgnoredTail(Array(heading))
        var prefix = 0
        while prefix < a.count, prefix < b.count, same(a[prefix], b[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, same(a[a.count - 1 - suffix], b[b.count - 1 - suffix]) {
            suffix += 1
        }
        func marked(_ characters: [Character]) -> String {
            let middle = characters[prefix..<(characters.count - suffix)].map(visible).joined()
            return String(characters[..<prefix]) + "\u{27E6}" + middle + "\u{27E7}" + String(characters[(characters.count - suffix)...])
        }
        return (marked(a) + aTail, marked(b) + bTail)
    }

    /// `characters` without what `key` drops at the end (trailing punctuation, white space,
    /// invisible characters), and that end as written.
    private static func splitIgnoredTail(_ characters: [Character]) -> ([Character], String) {
        var end = characters.count
        while end > 0,
            characters[end - 1].unicodeScalars.allSatisfy({
                trailingPunctuation.contains($0) || $0.properties.isWhitespace || isIgnored($0)
            })
        {
            end -= 1
        }
        return (Array(characters[..<end]), String(characters[end...]))
    }

    /// A character as the hint shows it: itself when ASCII and visible, else each scalar's
    /// code and name (`<U+2019 RIGHT SINGLE QUOTATION MARK>`).
    static func visible(_ character: Character) -> String {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F { return String(character) }
        return character.unicodeScalars.map { scalar in
            let name = scalar.properties.name ?? scalar.properties.nameAlias ?? ""
            return "<" + UnsafeCharacters.code(scalar) + (name.isEmpty ? "" : " " + name) + ">"
        }.joined()
    }

    /// Whether two characters are the same to `key` (case, quotes, white space).
    private static func same(_ a: Character, _ b: Character) -> Bool {
        a == b || characterKey(a) == characterKey(b)
    }

    private static func characterKey(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars where !isIgnored(scalar) {
            out += scalar.properties.isWhitespace ? " " : fold(scalar)
        }
        return out.lowercased()
    }

    /// One scalar as `key` compares it: curly quotes and apostrophes straight, dashes and the
    /// ellipsis as `SmartText.fold` writes them.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x02BC, 0x2032, 0x00B4, 0x0060: return "'"  // modifier apostrophe, prime, accents typed as one
        case 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: return "\""
        case 0x201A, 0x201B: return "'"
        default: return SmartText.fold(String(scalar))
        }
    }

    /// Invisible characters a copy from a word processor brings: zero-width spaces and
    /// joiners, the word joiner, soft hyphen, byte-order mark.
    private static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// What may end a heading without counting: `?`, `.`, `:`, `!`, `;`, `,` (and an
    /// ellipsis, folded to dots).
    private static let trailingPunctuation: Set<Unicode.Scalar> = ["?", ".", ":", "!", ";", ","]
}
