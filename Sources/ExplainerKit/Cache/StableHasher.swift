import CXXHash

/// A 128-bit digest (XXH3-128) of a sequence of values, the same in every process and on every
/// run: what the disk build cache keys its entries by. Swift's `Hasher` is seeded anew in each
/// process, so it cannot name anything kept on disk. Each value is written with its length (a
/// string, a byte array) or a fixed width (a number), so that two different sequences never
/// feed the same bytes.
struct StableHasher: ~Copyable {
    /// A finished digest: 16 bytes, compared and stored as two words.
    struct Digest: Sendable, Hashable {
        var high: UInt64
        var low: UInt64
    }

    private let state: OpaquePointer

    init() {
        state = XXH3_createState()
        XXH3_128bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    mutating func combine(_ bytes: [UInt8]) {
        combine(UInt64(bytes.count))
        bytes.withUnsafeBytes { _ = XXH3_128bits_update(state, $0.baseAddress, $0.count) }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            combine(UInt64(utf8.count))
            _ = XXH3_128bits_update(state, utf8.baseAddress, utf8.count)
        }
    }

    mutating func combine(_ value: UInt64) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { _ = XXH3_128bits_update(state, $0.baseAddress, 8) }
    }

    mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    mutating func combine(_ value: Bool) { combine(value ? 1 as UInt64 : 0) }

    mutating func combine(_ digest: Digest) {
        combine(digest.high)
        combine(digest.low)
    }

    /// A source file: its path and its bytes.
    mutating func combine(_ file: SourceFile) {
        combine(file.path)
        combine(file.bytes)
    }

    /// A value by its description (`String(reflecting:)`): for plain structs and enums of
    /// strings and numbers, which print every stored property in a fixed order. Never for a
    /// value holding a `Dictionary` or a `Set`, which print in a per-process order.
    mutating func combine(describing value: some Any) {
        combine(String(reflecting: value))
    }

    consuming func finalize() -> Digest {
        let digest = XXH3_128bits_digest(state)
        return Digest(high: digest.high64, low: digest.low64)
    }
}
