/// A small, forgiving scanner for the start tags of an HTML page: just enough to see the
/// links, ids, `<title>` and `<meta>` tags Explainer's own templates write.
///
/// Comments are skipped, and so is the content of `<script>` and `<style>` (a URL inside
/// JSON-LD is not a link). Attribute values have their character references decoded.
struct HTMLTagScanner {
    /// One start tag: its lower-cased name and attributes (lower-cased names, decoded values).
    struct Tag: Sendable, Hashable {
        /// One attribute of a tag.
        struct Attribute: Sendable, Hashable {
            var name: String
            var value: String
        }

        var name: String
        var attributes: [Attribute]

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// What the scanner found on a page.
    struct Result: Sendable {
        var tags: [Tag] = []
        /// The text of the first `<title>` element, or `nil` if there is none.
        var title: String?
    }

    static func scan(_ html: String) -> Result {
        scan(Array(html.utf8))
    }

    /// Scans UTF-8 HTML as it is on disk (a built page's bytes, not copied into a `String`).
    static func scan(_ bytes: [UInt8]) -> Result {
        var result = Result()
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(bytes, at: i, with: "<!--") {
                i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? n
                continue
            }
            guard i + 1 < n, isLetter(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            var attributes: [Tag.Attribute] = []
            // Attributes until `>`.
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let nameStart = j
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                let attributeName = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                var value = ""
                while j < n, isSpace(bytes[j]) { j += 1 }
                if j < n, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < n, isSpace(bytes[j]) { j += 1 }
                    if j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let start = j + 1
                        j = start
                        while j < n, bytes[j] != quote { j += 1 }
                        value = String(decoding: bytes[start..<min(j, n)], as: UTF8.self)
                        j += 1
                    } else {
                        let start = j
                        while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: bytes[start..<j], as: UTF8.self)
                    }
                }
                if !attributeName.isEmpty { attributes.append(Tag.Attribute(name: attributeName, value: decodeEntities(value))) }
            }
            i = min(j + 1, n)
            result.tags.append(Tag(name: name, attributes: attributes))
            if name == "script" || name == "style" || name == "title" {
                let end = findCaseInsensitive(bytes, "</" + name, from: i) ?? n
                if name == "title" && result.title == nil {
                    result.title = decodeEntities(String(decoding: bytes[i..<end], as: UTF8.self))
                }
                i = end
            }
        }
        return result
    }

    /// Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#39;` and numeric references.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = after[after.index(after: after.startIndex)..<semi]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        out += rest
        return out
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func starts(_ bytes: [UInt8], at i: Int, with text: String) -> Bool {
        let t = Array(text.utf8)
        return i + t.count <= bytes.count && Array(bytes[i..<(i + t.count)]) == t
    }

    private static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
        let t = Array(text.utf8)
        guard !t.isEmpty, bytes.count >= t.count else { return nil }
        var i = start
        while i + t.count <= bytes.count {
            if bytes[i] == t[0] && Array(bytes[i..<(i + t.count)]) == t { return i }
            i += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
        let t = Array(text.lowercased().utf8)
        var i = start
        while i + t.count <= bytes.count {
            var match = true
            for k in 0..<t.count {
                var b = bytes[i + k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != t[k] { match = false; break }
            }
            if match { return i }
            i += 1
        }
        return nil
    }
}
