/// Builds text as UTF-8 bytes and makes one `String` at the end: for generated markup and
/// JSON, where appending to a `String` piece by piece (and interpolating numbers) costs a
/// temporary string or a grow check per piece.
struct UTF8Builder {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text built so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(string text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: UTF8Builder) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// `n` in decimal, as `String(n)` writes it.
    mutating func append(decimal n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }
}
