/// Text made safe to print to a terminal: control characters, which could retitle, clear or
/// reorder it (an escape sequence in a file name), are shown escaped instead of sent.
public enum TerminalText {
    /// `text` with every C0 control, DEL, C1 control and bidirectional-text control
    /// (U+061C, U+200E–200F, U+202A–202E, U+2066–2069) written as `\x1B` or `\u{202E}`.
    /// `keepingNewlines` leaves line breaks alone (for text of several lines).
    public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
        func shown(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v == 0x0A && keepingNewlines { return true }
            return
                !(v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0x061C || v == 0x200E || v == 0x200F
                || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069))
        }
        guard !text.unicodeScalars.allSatisfy(shown) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if shown(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFF {
                out += escaped(UInt8(scalar.value))
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `\x1B`: one byte written as an escape.
    static func escaped(_ byte: UInt8) -> String {
        var out = UTF8Builder(capacity: 4)
        out.append("\\x")
        out.append(hex: byte)
        return out.string
    }
}
