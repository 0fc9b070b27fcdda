/// A problem the Markdown stage finds in a body (an embed without a title, a GFM table cmark
/// prints as text, a quotation without an attribution…), at its line in the body. The render
/// step (`ArticleRenderer`) makes each a `Diagnostic` naming the file and its line there:
/// errors stop the build, warnings are reported with the article (and kept with it by the
/// preview's cache, so an unchanged article warns again).
struct MarkdownNote: Sendable, Hashable {
    var severity: Diagnostic.Severity
    /// 1-based line in the Markdown body.
    var line: Int
    /// 1-based column, where known.
    var column: Int?
    /// What is wrong, in one sentence.
    var message: String
    /// What to do about it, in one sentence.
    var hint: String

    init(_ severity: Diagnostic.Severity, line: Int, column: Int? = nil, message: String, hint: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `notes` sorted by line and column, keeping the order they were found in on a tie.
    static func inBodyOrder(_ notes: [MarkdownNote]) -> [MarkdownNote] {
        notes.enumerated().sorted { a, b in
            (a.element.line, a.element.column ?? 0, a.offset) < (b.element.line, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }

    /// The diagnostic of this note in the article `file` whose body starts at `bodyStartLine`.
    func diagnostic(file: String, bodyStartLine: Int) -> Diagnostic {
        Diagnostic(severity, file: file, line: line + bodyStartLine - 1, column: column, message: message, hint: hint)
    }
}
