/// Escapes text for XML text and attribute values, and drops the characters XML 1.0 cannot
/// carry at all (C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF).
public enum XMLEscaping {
    public static func escape(_ text: String) -> String {
        // Most text (URLs, dates, plain titles) needs nothing: return it as it is.
        var text = text
        let needsWork = text.withUTF8 { utf8 in
            utf8.contains { byte in
                byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
            }
        }
        guard needsWork else { return text }
        var out = UTF8Builder(capacity: text.utf8.count + 16)
        append(text, to: &out)
        return out.string
    }

    /// Appends `text` escaped.
    static func append(_ text: String, to out: inout UTF8Builder) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                let replacement: StaticString
                var length = 1
                switch byte {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&apos;"
                case 0x09, 0x0A, 0x0D:
                    i += 1
                    continue
                case 0..<0x20:
                    replacement = ""
                // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
                case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    replacement = ""
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                out.append(replacement)
                i += length
                start = i
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}
