/// The one loop of the escaping writers (`HTMLEscaping`, `XMLEscaping`, JSON's
/// `JSONText.Writer`): UTF-8 text is copied in runs, and a byte the rule replaces is written
/// as its replacement. The rules, which bytes and written how, stay with each writer.
enum ByteEscaping {
    /// Appends `text` to `out`, asking `replacement(text, i)` at each byte that `mayChange`:
    /// nil keeps it; a replacement is written instead of the `length` bytes from `i` (an empty
    /// one drops them). `mayChange` is the writer's cheap test, inlined into the loop, so the
    /// rule itself runs only for the few bytes it may replace.
    @inline(__always)
    static func append(
        _ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], where mayChange: (UInt8) -> Bool,
        replacing replacement: (_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (text: StaticString, length: Int)?
    ) {
        var start = 0
        var i = 0
        while i < text.count {
            guard mayChange(text[i]), let (written, length) = replacement(text, i) else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
            written.withUTF8Buffer { out.append(contentsOf: $0) }
            i += length
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    /// `text` as `append` escapes it, or `text` itself when no byte of it `mayChange`: most
    /// text (URLs, dates, plain titles) needs nothing, and is returned without a copy.
    @inline(__always)
    static func escaped(
        _ text: String, when mayChange: (UInt8) -> Bool, by append: (String, inout UTF8Builder) -> Void
    ) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(where: mayChange) }) else { return text }
        var out = UTF8Builder(capacity: text.utf8.count + 16)
        append(text, &out)
        return out.string
    }
}
