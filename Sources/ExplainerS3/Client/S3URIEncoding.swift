/// Signature Version 4's URI encoding, the one way a key or a query value is written into a
/// request: every UTF-8 byte other than the unreserved characters (`A–Z a–z 0–9 - . _ ~`)
/// as `%XX` in upper-case hex — a space is `%20`, never `+`, and `+` is `%2B` — and, in a
/// path, `/` kept. The request's URL and its canonical form use the same text, so what is
/// signed is what is sent.
enum S3URIEncoding {
    /// A key (or any path) with its `/` kept: `a b/c+d~` → `a%20b/c%2Bd~`.
    static func path(_ text: String) -> String {
        encode(text, keepingSlash: true)
    }

    /// A query name or value, `/` included: `a/b` → `a%2Fb`.
    static func component(_ text: String) -> String {
        encode(text, keepingSlash: false)
    }

    /// Undoes the percent-encoding of a key in a listing asked for with `encoding-type=url`
    /// (`%XX` is the byte; `+` is a space, as AWS writes one there). Nil when the result is not
    /// UTF-8 or an escape is cut short, which a real S3 never answers.
    static func decodeListed(_ text: String) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "+"): out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else { return nil }
                out.append(high << 4 | low)
            default: out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func encode(_ text: String, keepingSlash: Bool) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
