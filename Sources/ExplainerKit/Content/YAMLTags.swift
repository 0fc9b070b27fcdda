import Yams

/// The tag Yams' default resolver (`Resolver.default`) gives a plain scalar, found with byte
/// comparisons instead of its seven anchored regular expressions (bool, int, float, merge, null,
/// timestamp, value, tried in that order; `str` if none matches).
///
/// Only the rules for text starting with a sign, a digit or a dot (int, float, timestamp) need
/// patterns; those scalars, but for a date `dddd-dd-dd` and a plain decimal (and any ending in
/// a line terminator or a non-ASCII byte, where ICU's `$` has subtleties) go to Yams' own
/// resolver, so the answer is always the same as its.
enum YAMLTags {
    /// `node` (composed with `Resolver.basic` from text without explicit tags) with the tag of
    /// every plain scalar, keys included, set to the one Yams' default resolver gives it: the
    /// same tree `Yams.compose(yaml:)` returns, so readers take `node.tag` as it is.
    static func resolved(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            guard scalar.style == .plain else { return node }
            scalar.tag = scalar.tag.copy(with: Tag.Name(rawValue: plainScalarTag(scalar.string)))
            return .scalar(scalar)
        case .mapping(var mapping):
            for index in mapping.indices {
                let (key, value) = mapping[index]
                mapping[index] = (resolved(key), resolved(value))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            for index in sequence.indices { sequence[index] = resolved(sequence[index]) }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }

    /// The tag Yams' default resolver gives a plain scalar of `text`.
    static func plainScalarTag(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let first = bytes.first, let last = bytes.last else { return Tag.Name.null.rawValue }
            if last >= 0x80 || (last >= 0x0A && last <= 0x0D) { return yamsTag(bytes) }
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // The two shapes front matter has (no earlier rule matches them): a date
                // `dddd-dd-dd` (timestamp) and a decimal without a leading zero (int).
                if isDate(bytes) { return Tag.Name.timestamp.rawValue }
                if first != UInt8(ascii: "0"), bytes.allSatisfy(isDigit) { return Tag.Name.int.rawValue }
                return yamsTag(bytes)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                return yamsTag(bytes)
            case UInt8(ascii: "<"):
                return equals(bytes, "<<") ? Tag.Name.merge.rawValue : Tag.Name.str.rawValue
            case UInt8(ascii: "="):
                return bytes.count == 1 ? Tag.Name.value.rawValue : Tag.Name.str.rawValue
            case UInt8(ascii: "~"):
                return bytes.count == 1 ? Tag.Name.null.rawValue : Tag.Name.str.rawValue
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
                UInt8(ascii: "o"), UInt8(ascii: "O"):
                guard bytes.count <= 5 else { return Tag.Name.str.rawValue }
                for word in boolWords where equals(bytes, word) { return Tag.Name.bool.rawValue }
                for word in nullWords where equals(bytes, word) { return Tag.Name.null.rawValue }
                return Tag.Name.str.rawValue
            default:
                return Tag.Name.str.rawValue
            }
        }
    }

    private static let boolWords: [StaticString] = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: [StaticString] = ["null", "Null", "NULL"]

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let other = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return bytes.elementsEqual(other)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(bytes[$0]) }
    }

    private static func yamsTag(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Resolver.default.resolveTag(of: Node(String(decoding: bytes, as: UTF8.self))).rawValue
    }
}
