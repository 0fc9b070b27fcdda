extension String {
    /// Calls `body` with the text's UTF-8 and the byte ranges of its runs between spaces, as
    /// `split(separator: " ")` finds them (on `Character`s: a space joined to a combining mark
    /// separates nothing). In ASCII, where a space is always a `Character` of its own, they
    /// are found on the bytes.
    func withSpaceSeparatedWords<Result>(_ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Result) -> Result {
        var text = self
        return text.withUTF8 { bytes in
            var words: [Range<Int>] = []
            if bytes.allSatisfy({ $0 < 0x80 }) {
                var index = 0
                while index < bytes.count {
                    if bytes[index] == 0x20 { index += 1; continue }
                    let start = index
                    while index < bytes.count, bytes[index] != 0x20 { index += 1 }
                    words.append(start..<index)
                }
            } else {
                let utf8 = self.utf8
                for word in split(separator: " ") {
                    words.append(
                        utf8.distance(from: utf8.startIndex, to: word.startIndex)..<utf8.distance(from: utf8.startIndex, to: word.endIndex))
                }
            }
            return body(bytes, words)
        }
    }
}
