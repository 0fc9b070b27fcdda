/// The on-disk form of the media cache's index files (`headers`, `records`): a 40-byte header
/// (magic, format version, key length, payload length, XXH3-128 of key and payload), the key,
/// the payload. Anything else —
/// truncated, corrupted, foreign, another version, another key — reads as nothing.
enum MediaCacheEntry {
    /// Raised when the layout or meaning of entries changes: older entries are then misses.
    static let version: UInt32 = 1
    static let magic: [UInt8] = [0x89, 0x45, 0x58, 0x50, 0x4D, 0x0D, 0x0A, 0x1A]  // \x89EXPM\r\n\x1A
    static let headerSize = 40

    /// The file's bytes for `payload` under `key`.
    static func encode(_ payload: [UInt8], key: [UInt8]) -> [UInt8] {
        var out = magic
        out.reserveCapacity(headerSize + key.count + payload.count)
        append(UInt64(version), bytes: 4, to: &out)
        append(UInt64(key.count), bytes: 4, to: &out)
        append(UInt64(payload.count), bytes: 8, to: &out)
        out += digest(key: key, payload: payload[...])
        out += key
        out += payload
        return out
    }

    /// The payload of `file` if it is a whole, intact entry of this version for `key`.
    static func decode(_ file: [UInt8], key: [UInt8]) -> [UInt8]? {
        guard file.count >= headerSize, file.starts(with: magic), read(file, at: 8, bytes: 4) == UInt64(version) else { return nil }
        let keyLength = Int(read(file, at: 12, bytes: 4))
        let payloadLength = read(file, at: 16, bytes: 8)
        guard keyLength == key.count, payloadLength == UInt64(file.count - headerSize - keyLength),
            file[headerSize..<headerSize + keyLength].elementsEqual(key)
        else { return nil }
        let payload = file[(headerSize + keyLength)...]
        guard file[24..<40].elementsEqual(digest(key: key, payload: payload)) else { return nil }
        return Array(payload)
    }

    private static func digest(key: [UInt8], payload: ArraySlice<UInt8>) -> [UInt8] {
        var both = key
        both += payload
        return both.withUnsafeBytes { ContentHash.digest($0) }
    }

    private static func append(_ value: UInt64, bytes count: Int, to out: inout [UInt8]) {
        for index in 0..<count { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    private static func read(_ bytes: [UInt8], at offset: Int, bytes count: Int) -> UInt64 {
        (0..<count).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
