/// Plain-text excerpts from rendered HTML, for meta descriptions.
public enum Excerpt {
    /// Strips tags, decodes the entities cmark writes (`&amp;` `&lt;` `&gt;` `&quot;`, and
    /// `&#39;`), collapses white space, and cuts at a word boundary so that the result has at
    /// most `limit` characters, ending in `…` when cut. Linear in the input.
    public static func plainText(fromHTML html: String, limit: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var utf8 = html.utf8[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
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
                if byte == UInt8(ascii: "&"), let (decoded, length) = entity(utf8) {
                    bytes.append(decoded)
                    utf8 = utf8.dropFirst(length)
                } else {
                    bytes.append(byte)
                }
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.count > limit else { return text }
        // Cut at the last space that leaves room for the ellipsis.
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
    private static func entity(_ rest: Substring.UTF8View) -> (UInt8, Int)? {
        let table: [(String, UInt8)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22), ("#39;", 0x27)]
        for (name, byte) in table where rest.starts(with: name.utf8) {
            return (byte, name.utf8.count)
        }
        return nil
    }
}
