/// Percent-encoding of the characters a URI cannot hold as they are. Page URLs may carry
/// letters of any script (`/日本語/`, an IRI), which browsers and Atom accept; the sitemap
/// protocol asks for URIs, so its `<loc>` gets every byte beyond ASCII as `%XX`.
enum URIEscaping {
    /// `text` with every byte beyond ASCII percent-encoded (`/日本語/` →
    /// `/%E6%97%A5%E6%9C%AC%E8%AA%9E/`); ASCII text is returned as it is.
    static func encodingNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
