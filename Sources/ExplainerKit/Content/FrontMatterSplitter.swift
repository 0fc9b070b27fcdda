/// Separates the YAML front matter from the Markdown body of a source text.
///
/// The front matter is the block between a first line `---` and the next line that is `---`
/// (or `...`).
struct FrontMatterSplitter {
    struct Parts {
        /// The YAML text, without the fences.
        var yaml: String
        /// File line of the first YAML line.
        var yamlStartLine: Int
        var body: String
        /// File line of the first body line.
        var bodyStartLine: Int
    }

    /// The parts of `text` (the file `file`), or why it has no front matter.
    static func split(_ text: String, file: String) throws(BuildFailure) -> Parts {
        if text.allSatisfy({ $0.isWhitespace }) {
            throw BuildFailure(
                Diagnostic(
                    file: file, line: 1, column: 1,
                    message: "The file is empty.",
                    hint: "Start it with front matter between `---` lines (title, summary, date), then the Markdown."))
        }
        if let parts = splitBytes(text) { return parts }
        // No closing fence found: either there is no opening fence, or it is never closed.
        var firstLine = text.utf8.prefix { $0 != UInt8(ascii: "\n") }
        while let last = firstLine.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { firstLine = firstLine.dropLast() }
        guard firstLine.elementsEqual("---".utf8) else {
            throw BuildFailure(
                Diagnostic(
                    file: file, line: 1, column: 1,
                    message: "The file has no front matter: it must start with a line `---`.",
                    hint: "Add `---`, then `title:`, `summary:` and `date:` lines, then `---`, above the Markdown."))
        }
        throw BuildFailure(
            Diagnostic(
                file: file, line: 1, column: 1,
                message: "The front matter opened on line 1 is never closed.",
                hint: "Add a line `---` after the last front matter field, before the Markdown."))
    }
}

extension FrontMatterSplitter {
    /// The split on UTF-8 bytes, without `Character` iteration over the whole file: the fences
    /// are found line by line in the front matter and the body is the text after the closing
    /// fence's line. Nil when the front matter is missing or unclosed. Expects LF line endings
    /// (`TextDecoding` normalises CRLF and CR); a CR makes a line no fence.
    static func splitBytes(_ text: String) -> Parts? {
        let utf8 = text.utf8
        /// The fence byte (`-` or `.`) when the line is `---` or `...` followed only by spaces and tabs.
        func fence(_ start: String.Index, _ end: String.Index) -> UInt8? {
            var end = end
            while end > start {
                let previous = utf8.index(before: end)
                guard utf8[previous] == UInt8(ascii: " ") || utf8[previous] == UInt8(ascii: "\t") else { break }
                end = previous
            }
            guard utf8.distance(from: start, to: end) == 3 else { return nil }
            let a = utf8[start]
            let b = utf8[utf8.index(after: start)]
            let c = utf8[utf8.index(start, offsetBy: 2)]
            guard a == b, b == c, a == UInt8(ascii: "-") || a == UInt8(ascii: ".") else { return nil }
            return a
        }
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while true {
            var lineEnd = lineStart
            while lineEnd < utf8.endIndex, utf8[lineEnd] != UInt8(ascii: "\n") {
                utf8.formIndex(after: &lineEnd)
            }
            lineNumber += 1
            let lineFence = fence(lineStart, lineEnd)
            if let yamlStart {
                if lineFence != nil {
                    // The lines between the fences, without the "\n" ending the last of them.
                    let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                    return Parts(
                        yaml: String(text[yamlStart..<yamlEnd]),
                        yamlStartLine: 2,
                        body: lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : "",
                        bodyStartLine: lineNumber + 1)
                }
            } else if lineFence != UInt8(ascii: "-") {
                return nil
            }
            guard lineEnd < utf8.endIndex else { return nil }
            lineStart = utf8.index(after: lineEnd)
            if yamlStart == nil { yamlStart = lineStart }
        }
    }
}
