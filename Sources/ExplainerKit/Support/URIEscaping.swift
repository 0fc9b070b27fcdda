/// Percent-encoding of the characters a URI cannot hold as they are. Page URLs may carry
/// letters of any script (`/日本語/`, an IRI), which browsers and Atom accept; the sitemap
/// protocol asks for URIs, so its `<loc>` gets every byte beyond ASCII as `%XX`.
enum URIEscaping {
    /// `text` with every byte beyond ASCII percent-encoded (`/日本語/` →
    /// `/%E6%97%A5%E6%9C%AC%E8%AA%9E/`); ASCII text is returned as it is.
    static func encodingNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = UTF8Builder(capacity: text.utf8.count * 3)
        for byte in text.utf8 {
            if byte < 0x80 {
                out.append(byte: byte)
            } else {
                out.append(byte: UInt8(ascii: "%"))
                out.append(hex: byte)
            }
        }
        return out.string
    }

    /// A file path (`images/IMG 2034.jpg`) as a URL path: every byte but unreserved ones
    /// (letters, digits, `-._~`), `/` and the sub-delimiters a path may hold is percent-encoded
    /// (`images/IMG%202034.jpg`).
    static func encodingPath(_ path: String) -> String {
        func isKept(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default: "-._~/!$&'()*+,;=:@".utf8.contains(byte)
            }
        }
        guard !path.utf8.allSatisfy(isKept) else { return path }
        var out = UTF8Builder(capacity: path.utf8.count * 3)
        for byte in path.utf8 {
            if isKept(byte) {
                out.append(byte: byte)
            } else {
                out.append(byte: UInt8(ascii: "%"))
                out.append(hex: byte)
            }
        }
        return out.string
    }
}
