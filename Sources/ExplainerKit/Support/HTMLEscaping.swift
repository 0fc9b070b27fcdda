/// Escapes text for HTML text and attribute values (`&`, `<`, `>`, `"`, `'`).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var text = text
        let needs = text.withUTF8 { utf8 in
            utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard needs else { return text }
        var out = UTF8Builder(capacity: text.utf8.count + 16)
        append(text, to: &out)
        return out.string
    }

    /// Appends `text` escaped.
    static func append(_ text: String, to out: inout UTF8Builder) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// Appends the UTF-8 `text` escaped.
    static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout UTF8Builder) {
        var start = 0
        for i in 0..<text.count {
            let replacement: StaticString
            switch text[i] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
            out.append(replacement)
            start = i + 1
        }
        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }
}
