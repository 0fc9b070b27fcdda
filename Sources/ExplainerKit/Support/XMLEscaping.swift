/// Escapes text for XML text and attribute values, and drops the characters XML 1.0 cannot
/// carry at all (C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF).
package enum XMLEscaping {
    package static func escape(_ text: String) -> String {
        ByteEscaping.escaped(text, when: mayChange) { append($0, to: &$1) }
    }

    /// Whether `append` may write `byte` otherwise: controls, `&<>"'`, and the lead byte of U+FFFE/U+FFFF.
    @inline(__always)
    private static func mayChange(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
    }

    /// Appends `text` escaped.
    static func append(_ text: String, to out: inout UTF8Builder) {
        var text = text
        text.withUTF8 { utf8 in
            ByteEscaping.append(utf8, to: &out.bytes, where: mayChange) { utf8, i in
                switch utf8[i] {
                case 0x26: ("&amp;", 1)
                case 0x3C: ("&lt;", 1)
                case 0x3E: ("&gt;", 1)
                case 0x22: ("&quot;", 1)
                case 0x27: ("&apos;", 1)
                case 0x09, 0x0A, 0x0D: nil
                case 0..<0x20: ("", 1)
                // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
                case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF): ("", 3)
                default: nil
                }
            }
        }
    }
}
