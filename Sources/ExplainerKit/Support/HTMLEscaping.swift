/// Escapes text for HTML text and attribute values (`&`, `<`, `>`, `"`, `'`).
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        ByteEscaping.escaped(text, when: mayChange) { append($0, to: &$1) }
    }

    /// Whether `append` writes `byte` otherwise: `&`, `<`, `>`, `"`, `'`.
    @inline(__always)
    private static func mayChange(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Appends `text` escaped.
    static func append(_ text: String, to out: inout UTF8Builder) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// Appends the UTF-8 `text` escaped.
    static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout UTF8Builder) {
        append(text, to: &out.bytes)
    }

    /// Appends the UTF-8 `text` escaped.
    static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        ByteEscaping.append(text, to: &out, where: mayChange) { text, i in
            switch text[i] {
            case 0x26: ("&amp;", 1)
            case 0x3C: ("&lt;", 1)
            case 0x3E: ("&gt;", 1)
            case 0x22: ("&quot;", 1)
            case 0x27: ("&#39;", 1)
            default: nil
            }
        }
    }
}
