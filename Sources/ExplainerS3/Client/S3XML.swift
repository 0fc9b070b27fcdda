import ExplainerKit

/// A small reader for the XML S3 answers with (`ListBucketResult`, `Error`, `DeleteResult`,
/// `CopyObjectResult`): elements, their character data with entities decoded, and nothing
/// else (attributes and namespaces are read past, comments and processing instructions
/// skipped, CDATA kept as text). A document that is not well-formed, or that has a DOCTYPE
/// (an HTML page), is nil: the answer was not S3's. Bounded: at most `maximumDepth` levels.
struct S3XML: Sendable, Hashable {
    /// The element's name without a namespace prefix.
    var name: String
    /// Its own character data, decoded (`&quot;abc&quot;` → `"abc"`), not trimmed.
    var text: String = ""
    var children: [S3XML] = []

    /// The deepest nesting read; S3's answers are three levels deep.
    static let maximumDepth = 32

    /// The first child named `name`.
    func child(_ name: String) -> S3XML? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order.
    func children(_ name: String) -> [S3XML] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`.
    func value(_ name: String) -> String? {
        child(name)?.text
    }

    /// The document's root element, or nil when `bytes` are not a well-formed XML document.
    static func parse(_ bytes: [UInt8]) -> S3XML? {
        var reader = Reader(bytes: bytes)
        return reader.document()
    }

    /// The parser's position in the bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func document() -> S3XML? {
            guard skipMisc() else { return nil }
            guard peek("<"), let root = element(depth: 0) else { return nil }
            guard skipMisc(), index == bytes.count else { return nil }
            return root
        }

        /// Skips white space, comments and processing instructions; false on a DOCTYPE or a
        /// comment or instruction that never ends.
        mutating func skipMisc() -> Bool {
            while index < bytes.count {
                if isSpace(bytes[index]) {
                    index += 1
                } else if peek("<?") {
                    guard skip(past: "?>") else { return false }
                } else if peek("<!--") {
                    guard skip(past: "-->") else { return false }
                } else {
                    return !peek("<!")
                }
            }
            return true
        }

        /// The element starting at `<`, with everything inside it.
        mutating func element(depth: Int) -> S3XML? {
            guard depth < S3XML.maximumDepth, let (name, selfClosing) = startTag() else { return nil }
            var node = S3XML(name: localName(name))
            if selfClosing { return node }
            var text: [UInt8] = []
            while index < bytes.count {
                if peek("</") {
                    index += 2
                    guard let closing = nameToken(), closing == name else { return nil }
                    skipSpaces()
                    guard peek(">") else { return nil }
                    index += 1
                    node.text = XMLEntities.decoded(text[...])
                    return node
                } else if peek("<![CDATA[") {
                    let start = index + 9
                    guard skip(past: "]]>") else { return nil }
                    // CDATA is text as it is: escape its `&` so the entity decoding leaves it.
                    for byte in bytes[start..<(index - 3)] { text += byte == UInt8(ascii: "&") ? Array("&amp;".utf8) : [byte] }
                } else if peek("<!--") {
                    guard skip(past: "-->") else { return nil }
                } else if peek("<?") {
                    guard skip(past: "?>") else { return nil }
                } else if peek("<") {
                    guard let child = element(depth: depth + 1) else { return nil }
                    node.children.append(child)
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                    text += bytes[start..<index]
                }
            }
            return nil
        }

        /// `<name attr="v" …>` or `<name …/>`: the name and whether it closes itself.
        mutating func startTag() -> (String, Bool)? {
            index += 1
            guard let name = nameToken() else { return nil }
            while index < bytes.count {
                skipSpaces()
                if peek("/>") {
                    index += 2
                    return (name, true)
                }
                if peek(">") {
                    index += 1
                    return (name, false)
                }
                // An attribute: name = "value" or 'value'.
                guard nameToken() != nil else { return nil }
                skipSpaces()
                guard peek("=") else { return nil }
                index += 1
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote { index += 1 }
                guard index < bytes.count else { return nil }
                index += 1
            }
            return nil
        }

        /// A name: up to white space, `/`, `>`, `=`; nil when empty.
        mutating func nameToken() -> String? {
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), !"/>=<\"'".utf8.contains(bytes[index]) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }

        func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        func peek(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { utf8 in
                bytes.count - index >= utf8.count && bytes[index..<(index + utf8.count)].elementsEqual(utf8)
            }
        }

        /// Moves past the next `literal`; false when there is none.
        mutating func skip(past literal: StaticString) -> Bool {
            while index < bytes.count {
                if peek(literal) {
                    index += literal.utf8CodeUnitCount
                    return true
                }
                index += 1
            }
            return false
        }

        mutating func skipSpaces() {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        }

        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}
