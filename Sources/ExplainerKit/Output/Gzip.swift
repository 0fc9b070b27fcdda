import CPlatform

/// Deterministic gzip (zlib level 9, no name, no time stamp in the header): the same input
/// always gives the same bytes, so production builds are reproducible.
enum Gzip {
    /// Output files that get a `.gz` copy in production.
    static let compressedExtensions: Set<String> = ["html", "css", "xml", "svg"]

    /// The gzip member of `bytes`, or `nil` if zlib failed (the caller simply skips the copy).
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        let capacity = explainer_gzip_bound(bytes.count)
        var output = [UInt8](repeating: 0, count: capacity)
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                explainer_gzip(input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        guard written >= 0 else { return nil }
        return Array(output[0..<Int(written)])
    }

    /// Whether `path` is a file that gets a `.gz` copy.
    static func shouldCompress(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return compressedExtensions.contains(String(path[path.index(after: dot)...]).lowercased())
    }
}
