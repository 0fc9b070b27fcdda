/// What an image file really is, by its first bytes (its magic number), whatever its name says;
/// and whether its last bytes show it was cut short. Pure and cheap: nothing is decoded.
enum ImageSniffer {
    /// The format of `bytes`, or nil when they are no image Explainer reads.
    static func format(of bytes: [UInt8]) -> ImageFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) { return .webp }
        if isAVIF(bytes) { return .avif }
        if looksLikeSVG(bytes) { return .svg }
        return nil
    }

    /// An ISO base media file (`ftyp` box first) whose major or a compatible brand is AVIF's.
    private static func isAVIF(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 16, bytes[4..<8].elementsEqual("ftyp".utf8) else { return false }
        let size = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        let end = min(max(size, 16), bytes.count, 4096)
        let brands = [Array("avif".utf8), Array("avis".utf8)]
        // The major brand at 8, the minor version at 12, compatible brands from 16.
        for start in stride(from: 8, to: end - 3, by: 4) where start != 12 {
            if brands.contains(where: { bytes[start..<start + 4].elementsEqual($0) }) { return true }
        }
        return false
    }

    /// Text (after an optional byte-order mark and white space) that starts with `<` and has an
    /// `<svg` element early on. Whether it is a safe SVG is `SVGCheck`'s question.
    private static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        let head = bytes[start..<min(bytes.count, start + 65536)]
        let svg = Array("<svg".utf8)
        let prefixed = Array(":svg".utf8)
        return head.indices.contains { index in
            head[index...].starts(with: svg) || head[index...].starts(with: prefixed)
        }
    }

    /// Whether a file of `format` visibly ends early: a PNG without its closing `IEND` chunk, a
    /// JPEG with no end-of-image marker at all (data after it, such as a phone's motion photo,
    /// is allowed), a GIF without its trailer byte. A cheap check at probe time; the decode
    /// itself refuses the rest.
    static func isTruncated(_ bytes: [UInt8], as format: ImageFormat) -> Bool {
        switch format {
        case .png:
            let iend: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
            return !bytes.suffix(iend.count).elementsEqual(iend)
        case .jpeg:
            // Entropy-coded data never holds FF D9 (an FF there is followed by 00 or a restart).
            return bytes.withUnsafeBufferPointer { buffer in
                var index = buffer.count - 2
                while index >= 2 {
                    if buffer[index] == 0xFF && buffer[index + 1] == 0xD9 { return false }
                    index -= 1
                }
                return true
            }
        case .gif:
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0 { end -= 1 }
            return end == 0 || bytes[end - 1] != 0x3B
        case .webp, .avif, .svg:
            return false
        }
    }
}
