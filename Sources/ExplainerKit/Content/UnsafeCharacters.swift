/// Characters a text field of front matter or `site.yml` may not hold, because they would reach
/// the pages (`<title>`, `<h1>`, feeds, JSON-LD) as they are: C0 controls other than tab and
/// line feed, DEL, C1 controls (all of them typed only through YAML escapes such as `"\0"`,
/// `"\x1b"`, `"\u0085"`), and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), invisible characters that reorder the text after them ("Trojan Source").
/// The bidirectional marks (U+200E, U+200F, U+061C) are allowed: they reorder nothing beyond
/// themselves.
enum UnsafeCharacters {
    /// The first unsafe character of `text`, if any.
    static func first(in text: String) -> Unicode.Scalar? {
        var text = text
        // Every unsafe character is a byte below 0x20, 0x7F, or starts with 0xC2 (C1) or 0xE2
        // (U+2000–U+2FFF): most text has none of these and is looked at byte by byte only.
        let suspicious = text.withUTF8 { bytes in
            bytes.contains { byte in
                (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
            }
        }
        guard suspicious else { return nil }
        return text.unicodeScalars.first(where: isUnsafe)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `the control character U+001B`, `U+202E (RIGHT-TO-LEFT OVERRIDE), which reorders …`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if isBidirectional(scalar) {
            let name = scalar.properties.name.map { " (\($0))" } ?? ""
            return "\(code(scalar))\(name), an invisible character that reorders the text after it"
        }
        return "the control character \(code(scalar)), which would reach the page as it is"
    }

    static func hint(for scalar: Unicode.Scalar) -> String {
        if isBidirectional(scalar) {
            return "Remove it: write right-to-left text as it is, browsers order it themselves."
        }
        return "Remove it: in a double-quoted value it comes from an escape such as `\\0`, `\\e`, `\\x1b` or `\\u0085`; "
            + "write `\\n` for a line break or `\\t` for a tab."
    }

    /// `text` with each unsafe character written as its code (`a U+001B b`), to quote an
    /// author's text in a message without its controls reaching the terminal.
    static func printable(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += code(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `U+001B`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isBidirectional(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x202A
    }
}
