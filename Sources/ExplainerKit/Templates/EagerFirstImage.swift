import CPlatform

/// A page's first article image loads at once: every image the Markdown stage writes is
/// `loading="lazy" decoding="async"` (`ImageMarkup.lazyAttributes`), and on each templated
/// page the first of them loses those attributes, since it is the one most likely in view
/// when the page opens (lazy loading it would delay the largest paint). Pure, one pass over
/// the bytes, and no copy when the page has no image.
enum EagerFirstImage {
    private static let marker = Array(ImageMarkup.lazyAttributes.utf8)

    /// `html` with the first occurrence of the lazy attributes removed.
    static func apply(_ html: [UInt8]) -> [UInt8] {
        guard let start = firstIndex(of: marker, in: html) else { return html }
        var out = html
        out.removeSubrange(start..<(start + marker.count))
        return out
    }

    /// Where `pattern` first occurs in `bytes` (the C library's `memmem`, `explainer_find_bytes`: a page is scanned
    /// once, and most pages have no image).
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            pattern.withUnsafeBytes { needle -> Int? in
                guard let base = haystack.baseAddress,
                    let found = explainer_find_bytes(base, haystack.count, needle.baseAddress, needle.count)
                else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
        }
    }
}
