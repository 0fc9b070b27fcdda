/// Plain-text excerpts from rendered HTML, for meta descriptions.
public enum Excerpt {
    /// Strips tags, decodes the entities cmark writes (`&amp;` `&lt;` `&gt;` `&quot;`, and
    /// `&#39;`), collapses white space, and cuts at a word boundary so that the result has at
    /// most `limit` characters, ending in `…` when cut. Linear in the input.
    public static func plainText(fromHTML html: String, limit: Int) -> String {
        var html = html
        let bytes = html.withUTF8 { text(of: $0) }
        // A `Character` is at least one byte, and a byte when the text is ASCII (white space
        // is collapsed to single spaces, so no CR LF pair is left).
        if bytes.count <= limit { return String(decoding: bytes, as: UTF8.self) }
        if limit >= 0, bytes.allSatisfy({ $0 < 0x80 }) { return cut(ascii: bytes, limit: limit) }
        return cut(String(decoding: bytes, as: UTF8.self), limit: limit)
    }

    /// The text of UTF-8 HTML: tags dropped, the five entities decoded, white space collapsed.
    private static func text(of html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.count)
        var inTag = false
        var pendingSpace = false
        var i = 0
        while i < html.count {
            let byte = html[i]
            i += 1
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                inTag = true
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(UInt8(ascii: " ")); pendingSpace = false }
                if byte == UInt8(ascii: "&"), let (decoded, length) = entity(UnsafeBufferPointer(rebasing: html[i...])) {
                    bytes.append(decoded)
                    i += length
                } else {
                    bytes.append(byte)
                }
            }
        }
        return bytes
    }

    /// `cut(_:limit:)` for ASCII text longer than `limit`, where a `Character` is a byte.
    private static func cut(ascii bytes: [UInt8], limit: Int) -> String {
        var cut = 0
        for index in 0..<limit where bytes[index] == UInt8(ascii: " ") { cut = index }
        if bytes[limit] == UInt8(ascii: " ") { cut = limit }
        return String(decoding: bytes[..<cut], as: UTF8.self) + "\u{2026}"
    }

    /// Cuts `text` at the last space that leaves room for the ellipsis, if it is longer than
    /// `limit` `Character`s.
    static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.startIndex
        var count = 0
        var index = text.startIndex
        while index < text.endIndex, count < limit {
            if text[index] == " " { cut = index }
            count += 1
            index = text.index(after: index)
        }
        if index < text.endIndex, text[index] == " " { cut = index }
        return String(text[..<cut]) + "\u{2026}"
    }

    /// The entity after a `&` (already consumed): its byte and length, for the five cmark uses.
    private static func entity(_ rest: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        func starts(with name: StaticString) -> Bool {
            name.withUTF8Buffer { rest.starts(with: $0) }
        }
        if starts(with: "amp;") { return (0x26, 4) }
        if starts(with: "lt;") { return (0x3C, 3) }
        if starts(with: "gt;") { return (0x3E, 3) }
        if starts(with: "quot;") { return (0x22, 5) }
        if starts(with: "#39;") { return (0x27, 4) }
        return nil
    }
}
