/// A minimal, deterministic JSON writer (keys in the order given), safe to embed in an HTML
/// `<script type="application/ld+json">` block: `<`, `>` and `&` are written as `\u003c`…
/// so the text can never close the script element.
package indirect enum JSONText: Sendable, Hashable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    package static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.rendered == rhs.rendered }
    package func hash(into hasher: inout Hasher) { hasher.combine(rendered) }

    package var rendered: String {
        var writer = Writer()
        write(into: &writer)
        return writer.text
    }

    private func write(into writer: inout Writer) {
        switch self {
        case .string(let s): writer.string(s)
        case .number(let n): writer.number(n)
        case .bool(let b): writer.bool(b)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(into: &writer) }
            writer.endArray()
        case .object(let pairs):
            writer.beginObject()
            for (key, value) in pairs {
                writer.key(string: key)
                value.write(into: &writer)
            }
            writer.endObject()
        }
    }

    /// Writes the same text as a `JSONText` value, straight to UTF-8 bytes without building the
    /// value first: `key` before each member of an object, commas are added.
    struct Writer {
        private var out: UTF8Builder
        private var needsComma = false

        init(capacity: Int = 64) {
            out = UTF8Builder(capacity: capacity)
        }

        /// The JSON written so far.
        var text: String { out.string }

        mutating func beginObject() { open(UInt8(ascii: "{")) }
        mutating func endObject() { close(UInt8(ascii: "}")) }
        mutating func beginArray() { open(UInt8(ascii: "[")) }
        mutating func endArray() { close(UInt8(ascii: "]")) }

        mutating func key(string key: String) {
            comma()
            Self.quote(key, into: &out)
            out.append(byte: UInt8(ascii: ":"))
        }

        mutating func key(_ key: StaticString) {
            comma()
            out.append(byte: UInt8(ascii: "\""))
            key.withUTF8Buffer { Self.escape($0, into: &out) }
            out.append("\":")
        }

        mutating func string(literal s: StaticString) {
            comma()
            out.append(byte: UInt8(ascii: "\""))
            s.withUTF8Buffer { Self.escape($0, into: &out) }
            out.append(byte: UInt8(ascii: "\""))
            needsComma = true
        }

        mutating func string(_ s: String) {
            comma()
            Self.quote(s, into: &out)
            needsComma = true
        }

        /// The string `prefix + rest`, without making it.
        mutating func string(_ prefix: String, _ rest: String) {
            comma()
            out.append(byte: UInt8(ascii: "\""))
            Self.escape(prefix, into: &out)
            Self.escape(rest, into: &out)
            out.append(byte: UInt8(ascii: "\""))
            needsComma = true
        }

        mutating func number(_ n: Int) {
            comma()
            out.append(decimal: n)
            needsComma = true
        }

        mutating func bool(_ b: Bool) {
            comma()
            out.append(b ? "true" : "false")
            needsComma = true
        }

        private mutating func open(_ bracket: UInt8) {
            comma()
            out.append(byte: bracket)
        }

        private mutating func close(_ bracket: UInt8) {
            out.append(byte: bracket)
            needsComma = true
        }

        /// A comma if a value came before (a key clears the need).
        private mutating func comma() {
            if needsComma { out.append(byte: UInt8(ascii: ",")) }
            needsComma = false
        }

        static func quote(_ s: String, into out: inout UTF8Builder) {
            out.append(byte: UInt8(ascii: "\""))
            escape(s, into: &out)
            out.append(byte: UInt8(ascii: "\""))
        }

        /// `s` without its quotes: `"` `\` and control characters escaped, `<>&` and
        /// U+2028/U+2029 (UTF-8 E2 80 A8/A9) as `\u` escapes. Escaping is per character, so
        /// escaping two strings one after the other is escaping their concatenation.
        static func escape(_ s: String, into out: inout UTF8Builder) {
            var s = s
            s.withUTF8 { escape($0, into: &out) }
        }

        /// Bytes below 0x40 that are escaped: the controls, `"`, `&`, `<` and `>`.
        private static let escapedBelow0x40: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

        /// Whether `escape` may write `byte` otherwise: those of `escapedBelow0x40`, `\\`, and the
        /// lead byte of U+2028/U+2029.
        @inline(__always)
        private static func mayChange(_ byte: UInt8) -> Bool {
            byte < 0x40 ? escapedBelow0x40 >> byte & 1 != 0 : byte == 0x5C || byte == 0xE2
        }

        static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout UTF8Builder) {
            ByteEscaping.append(utf8, to: &out.bytes, where: mayChange) { utf8, i in
                let byte = utf8[i]
                switch byte {
                case 0x22: return ("\\\"", 1)
                case 0x5C: return ("\\\\", 1)
                case 0x0A: return ("\\n", 1)
                case 0x0D: return ("\\r", 1)
                case 0x09: return ("\\t", 1)
                case 0x3C: return ("\\u003c", 1)
                case 0x3E: return ("\\u003e", 1)
                case 0x26: return ("\\u0026", 1)
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA8: return ("\\u2028", 3)
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA9: return ("\\u2029", 3)
                case 0..<0x20: return (controlEscapes[Int(byte)], 1)
                default: return nil
                }
            }
        }

        /// `\u0000` … `\u001f`: the other control characters (lower-case hex, as before).
        private static let controlEscapes: [StaticString] = [
            "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
            "\\u0008", "\\u0009", "\\u000a", "\\u000b", "\\u000c", "\\u000d", "\\u000e", "\\u000f",
            "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
            "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
        ]
    }
}
