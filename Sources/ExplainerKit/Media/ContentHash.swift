import CXXHash

/// The content hash of media bytes: XXH3-128 (Debian's libxxhash), as 32 lowercase hex digits.
/// Names cache entries and fingerprints published file names (`map-480-<first 8>.webp`). Not a
/// cryptographic hash: it tells apart files an author has, at memory speed (GB/s).
enum ContentHash {
    /// The hash of `bytes` as 32 hex digits (the canonical big-endian form of XXH128).
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// The hash of the bytes at `buffer`.
    static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        let digest = XXH3_128bits(buffer.baseAddress, buffer.count)
        return hexDigits(digest.high64) + hexDigits(digest.low64)
    }

    /// The hash of a text (a cache key's parts), as `hex` of its UTF-8.
    static func hex(_ text: String) -> String {
        hex(Array(text.utf8))
    }

    /// The raw 16 bytes of the hash, high half first, for binary headers.
    static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        let digest = XXH3_128bits(buffer.baseAddress, buffer.count)
        return (0..<16).map { index in
            let word = index < 8 ? digest.high64 : digest.low64
            return UInt8(truncatingIfNeeded: word >> (8 * (7 - UInt64(index % 8))))
        }
    }

    private static func hexDigits(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { out[index] = digits[Int((value >> (4 * UInt64(15 - index))) & 0xF)] }
        return String(decoding: out, as: UTF8.self)
    }
}
