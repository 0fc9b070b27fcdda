/// Appends values to a byte buffer in the disk build cache's layout: integers little-endian in
/// fixed widths, strings and byte arrays after their length. `ByteReader` reads them back.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes += utf8
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ digest: StableHasher.Digest) {
        write(digest.high)
        write(digest.low)
    }

    mutating func append(_ raw: [UInt8]) { bytes += raw }
}

/// Reads what `ByteWriter` wrote, checking every length against what is left: a truncated or
/// damaged buffer throws `Truncated`, never reads out of bounds.
struct ByteReader {
    /// The buffer ended (or a length was impossible) before the value did.
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint64() throws(Truncated) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Truncated() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw Truncated() }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    mutating func int64() throws(Truncated) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func int() throws(Truncated) -> Int { Int(try int64()) }

    mutating func bool() throws(Truncated) -> Bool {
        guard offset < bytes.count else { throw Truncated() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws(Truncated) -> String {
        let count = Int(try uint32())
        guard bytes.count - offset >= count else { throw Truncated() }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optionalString() throws(Truncated) -> String? {
        try bool() ? try string() : nil
    }

    mutating func digest() throws(Truncated) -> StableHasher.Digest {
        StableHasher.Digest(high: try uint64(), low: try uint64())
    }

    /// A count of items that each take at least `minimumSize` bytes: more than what is left
    /// could hold is damage, not a reason to reserve memory for it.
    mutating func count(minimumSize: Int = 1) throws(Truncated) -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(1, minimumSize) else { throw Truncated() }
        return count
    }
}
