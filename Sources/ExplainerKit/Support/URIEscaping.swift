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
}
