#if canImport(Glibc)
import Glibc
#endif

/// A path compared by its bytes. Swift's `String` equality is canonical equivalence, so
/// `café.md` written composed (NFC) and decomposed (NFD) — two files on Linux — are one key
/// in a `Set<String>` or a `[String: …]`; keyed by `ExactPath` they stay two.
struct ExactPath: Hashable, Sendable {
    var path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (a: ExactPath, b: ExactPath) -> Bool {
        a.path.utf8.elementsEqual(b.path.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `a`'s bytes sort before `b`'s (`memcmp`; the order of `FileSystem.listTree`).
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) } }
    }

    /// The same byte order for paths held as bytes (`OutputManifest`'s).
    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in precedes(x, y) } }
    }

    /// The one byte order of paths: `memcmp` of the common length, then the shorter first.
    private static func precedes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Bool {
        let common = min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return order < 0 || (order == 0 && x.count < y.count)
    }

    /// Pairs of `paths` that are different bytes but the same `String` (the same name in two
    /// Unicode normalisation forms): each later one with the first one it matches.
    static func normalizationClashes(in paths: [String]) -> [(first: String, second: String)] {
        // Only a name with a byte over 0x7F can be written two ways (`K` and U+212A KELVIN
        // SIGN are one name too, so the ASCII names are compared with those).
        guard paths.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) else { return [] }
        var first: [String: String] = [:]
        var clashes: [(first: String, second: String)] = []
        for path in paths {
            if let earlier = first[path] {
                if !earlier.utf8.elementsEqual(path.utf8) { clashes.append((earlier, path)) }
            } else {
                first[path] = path
            }
        }
        return clashes
    }
}
