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
        let magnitude = n.magnitude
        var power: UInt = 1
        while power <= magnitude / 10 { power *= 10 }
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        }
    }
}

extension UTF8Builder {
    /// The hex digits of every escape written in hex (`%E6`, `\x1B`): one table, upper case.
    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// `byte` as two upper-case hex digits.
    mutating func append(hex byte: UInt8) {
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
    }
}
