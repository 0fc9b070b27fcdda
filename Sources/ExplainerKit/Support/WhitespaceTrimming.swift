/// Whitespace trimming for fields, attributions and template tags.
extension String {
    /// The text without leading and trailing Unicode whitespace.
    package func trimmingWhitespace() -> String {
        // Fast path: an ASCII first and last byte that is not whitespace (tab, line feed,
        // vertical tab, form feed, carriage return, space) means there is nothing to trim.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last)
        {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
