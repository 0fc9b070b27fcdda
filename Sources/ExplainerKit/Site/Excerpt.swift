/// Plain-text excerpts from rendered HTML, for meta descriptions.
enum Excerpt {
    /// Strips tags, decodes the entities cmark writes (`&amp;` `&lt;` `&gt;` `&quot;`, and
    /// `&#39;`), collapses white space, and cuts at a word boundary so that the result has at
    /// most `limit` characters, ending in `…` when cut. Linear in the input.
    static func plainText(fromHTML html: String, limit: Int) -> String {
        var html = html
        let bytes = html.withUTF8 { text(of: $0) }
        // A `Character` is at least one byte.
        if bytes.count <= limit { return String(decoding: bytes, as: UTF8.self) }
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

    /// Cuts `text` at the last space that leaves room for the ellipsis, if it is longer than
    /// `limit` `Character`s: reads the first `limit + 1` `Character`s, on the bytes (in ASCII,
    /// where white space is collapsed so no CR LF pair is left, a `Character` is a byte).
    static func cut(_ text: String, limit: Int) -> String {
        let needed = max(limit, 0) + 1
        // Where each of the first `needed` `Character`s starts, then where the next starts.
        var starts: [Int]?
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            var offsets: [Int] = []
            var index = text.startIndex
            while offsets.count <= needed {
                offsets.append(text.utf8.distance(from: text.startIndex, to: index))
                if index == text.endIndex { break }
                index = text.index(after: index)
            }
            starts = offsets
        }
        let seen = starts.map { $0.count - 1 } ?? text.utf8.count
        guard seen > limit else { return text }
        func start(_ k: Int) -> Int { starts?[k] ?? k }
        var text = text
        return text.withUTF8 { bytes in
            func isSpace(_ k: Int) -> Bool {
                start(k) < bytes.count && bytes[start(k)] == UInt8(ascii: " ") && start(k + 1) == start(k) + 1
            }
            var cut = 0
            for k in 0..<max(limit, 0) where isSpace(k) { cut = k }
            if isSpace(max(limit, 0)) { cut = max(limit, 0) }
            return String(decoding: bytes[..<start(cut)], as: UTF8.self) + "\u{2026}"
        }
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
