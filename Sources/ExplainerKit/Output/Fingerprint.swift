/// A short content hash (64-bit FNV-1a, hex) for cache-busting file names.
enum Fingerprint {
    static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let s = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// `style.css` → `style.0123456789abcdef.css`.
    static func name(_ path: String, bytes: [UInt8]) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path + "." + String(hex(bytes).prefix(10)) }
        return String(path[..<dot]) + "." + String(hex(bytes).prefix(10)) + String(path[dot...])
    }
}
