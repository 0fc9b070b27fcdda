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

    static func split(_ text: String, file: String) -> Result<Parts, BuildFailure> {
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(BuildFailure(Diagnostic(
                file: file, line: 1, column: 1,
                message: "The file is empty.",
                hint: "Start it with front matter between `---` lines (title, summary, date), then the Markdown.")))
        }
        if let parts = splitBytes(text) { return .success(parts) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(BuildFailure(Diagnostic(
                file: file, line: 1, column: 1,
                message: "The file has no front matter: it must start with a line `---`.",
                hint: "Add `---`, then `title:`, `summary:` and `date:` lines, then `---`, above the Markdown.")))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return .success(Parts(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlStartLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyStartLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(BuildFailure(Diagnostic(
            file: file, line: 1, column: 1,
            message: "The front matter opened on line 1 is never closed.",
            hint: "Add a line `---` after the last front matter field, before the Markdown.")))
    }
}

extension FrontMatterSplitter {
    /// The same split on UTF-8 bytes, without `Character` iteration over the whole file: the
    /// fences are found line by line in the front matter and the body is the text after the
    /// closing fence's line (what joining the remaining lines with "\n" gives). Nil when the
    /// front matter is missing, unclosed, or contains a CR (where `Character` lines differ, as
    /// "\r\n" is one `Character`): the caller then takes the `Character` path for its diagnostics.
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
            let a = utf8[start], b = utf8[utf8.index(after: start)], c = utf8[utf8.index(start, offsetBy: 2)]
            guard a == b, b == c, a == UInt8(ascii: "-") || a == UInt8(ascii: ".") else { return nil }
            return a
        }
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while true {
            var lineEnd = lineStart
            while lineEnd < utf8.endIndex, utf8[lineEnd] != UInt8(ascii: "\n") {
                if utf8[lineEnd] == 0x0D { return nil }
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

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
