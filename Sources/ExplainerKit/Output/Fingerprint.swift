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

extension Fingerprint {
    /// How many hex digits of the hash a fingerprinted name carries.
    static let nameLength = 10

    /// Whether `fileName` is one `name(_:bytes:)` makes: `style.0123456789.css` (a stem, a
    /// dot, exactly ten lower-case hex digits, an extension). `report-20240101.pdf` is not.
    static func isFingerprinted(_ fileName: Substring) -> Bool {
        let parts = fileName.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let hash = parts.dropLast().last, hash.count == nameLength else { return false }
        return isLowercaseHex(hash) && !parts[0].isEmpty && !(parts.last ?? "").isEmpty
    }

    /// Whether `text` is nothing but lower-case hex digits (and not empty): how the build
    /// writes every hash into a name.
    static func isLowercaseHex(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
