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

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
