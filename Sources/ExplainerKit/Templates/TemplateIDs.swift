/// Finds the element ids a template writes as they are (`<main id="main">`, `<h2 id="toc">`),
/// so that no heading is given one of them: a page must not use an id twice. Ids made of
/// variables (`id="{{section.id}}"`) are the headings' own and are not collected.
enum TemplateIDs {
    static func literal(in text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var ids: Set<String> = []
        var i = 1
        while i + 3 < bytes.count {
            // ` id=` (any case), after whitespace: not `data-id=` nor `aria-labelledby=`.
            guard bytes[i] | 0x20 == UInt8(ascii: "i"), bytes[i + 1] | 0x20 == UInt8(ascii: "d"),
                bytes[i + 2] == UInt8(ascii: "="), isSpace(bytes[i - 1])
            else { i += 1; continue }
            var start = i + 3
            let quote = bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") ? bytes[start] : nil
            if quote != nil { start += 1 }
            var end = start
            while end < bytes.count, quote.map({ bytes[end] != $0 }) ?? !(isSpace(bytes[end]) || bytes[end] == UInt8(ascii: ">")) {
                end += 1
            }
            let value = String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace()
            if !value.isEmpty && !value.contains("{{") { ids.insert(value) }
            i = end
        }
        return ids
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
