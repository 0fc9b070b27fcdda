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

    /// Where `pattern` first occurs in `bytes`: a scan for its first byte, then a compare.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            pattern.withUnsafeBufferPointer { needle -> Int? in
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first,
                        UnsafeBufferPointer(rebasing: haystack[start..<(start + needle.count)]).elementsEqual(needle)
                    {
                        return start
                    }
                    start += 1
                }
                return nil
            }
        }
    }
}
