import CCmark

/// Warnings for Markdown that cmark renders but not as the author meant, found in one walk of
/// the parsed tree: GitHub extensions that CommonMark core prints as text (a table, a
/// footnote, strikethrough), a `#` heading in the body (the page title is the page's H1) and
/// a heading that skips a level. Text is read from paragraphs' text nodes, so code spans and
/// code blocks never warn.
enum MarkdownLint {
    /// The warnings for the document under `root`, in body order.
    static func notes(_ root: CmarkNode) -> [MarkdownNote] {
        var notes: [MarkdownNote] = []
        // The page title is the H1 the body's headings come under.
        var previousLevel = 1
        root.walk { node in
            switch node.type {
            case CMARK_NODE_HEADING:
                let level = node.headingLevel
                if level == 1 {
                    notes.append(
                        MarkdownNote(
                            .warning, line: node.startLine, column: node.startColumn,
                            message: "A `#` heading in the body makes a second top-level heading: the title is the page's only H1.",
                            hint: "Use `##` for a section (a page of its own) or `###` for a heading inside one."))
                } else if level > previousLevel + 1 {
                    let marks = String(repeating: "#", count: previousLevel + 1)
                    notes.append(
                        MarkdownNote(
                            .warning, line: node.startLine, column: node.startColumn,
                            message: "This H\(level) heading skips a level: it follows an H\(previousLevel).",
                            hint: "Use `\(marks)` here: headings go down one level at a time, and screen readers list them as an outline."))
                }
                previousLevel = level
            case CMARK_NODE_PARAGRAPH:
                notes += paragraphNotes(node)
            default:
                break
            }
        }
        return notes
    }

    /// "Explainer renders CommonMark core", the start of each extension's message.
    static let core = "Explainer renders CommonMark core, so"

    /// The extension warnings of one paragraph: at most one of each kind, at its first line.
    private static func paragraphNotes(_ paragraph: CmarkNode) -> [MarkdownNote] {
        let (lines, footnoteLinks) = lines(of: paragraph)
        let first = paragraph.startLine
        var notes: [MarkdownNote] = []
        if let row = lines.indices.dropFirst().first(where: { isDelimiterRow(lines[$0]) && lines[$0 - 1].utf8.contains(UInt8(ascii: "|")) })
        {
            notes.append(
                MarkdownNote(
                    .warning, line: first + row - 1,
                    message: "\(core) this GitHub table is printed as text, pipes and all.",
                    hint: "Write the figures as a list or in prose, or show the table as an image with alt text."))
        }
        if let line = footnoteLinks.first ?? lines.indices.first(where: { hasFootnote(lines[$0]) }) {
            notes.append(
                MarkdownNote(
                    .warning, line: first + line,
                    message: "\(core) this footnote (`[^1]` or `[^1]:`) is printed as text, not linked.",
                    hint: "Link the source in the sentence (`[the report](https://…)`): the page lists its links under Sources."))
        }
        if let line = lines.indices.first(where: { hasStrikethrough(lines[$0]) }) {
            notes.append(
                MarkdownNote(
                    .warning, line: first + line,
                    message: "\(core) `~~strikethrough~~` is printed with its tildes.",
                    hint: "Remove the text, or say what changed in the `corrections:` of the front matter."))
        }
        return notes
    }

    /// The text of each line of `paragraph` (text nodes only: a code span is `x`), and the
    /// line indices of links whose text starts with `^` (a `[^1]` that a `[^1]: url` line
    /// made a link).
    private static func lines(of paragraph: CmarkNode) -> ([String], [Int]) {
        var lines = [""]
        var footnoteLinks: [Int] = []
        paragraph.walk { node in
            switch node.type {
            case CMARK_NODE_TEXT:
                lines[lines.count - 1] += node.literal ?? ""
            case CMARK_NODE_CODE:
                lines[lines.count - 1] += "x"
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                lines.append("")
            case CMARK_NODE_LINK:
                if node.plainText.hasPrefix("^") { footnoteLinks.append(lines.count - 1) }
            default:
                break
            }
        }
        return (lines, footnoteLinks)
    }

    /// A GFM table's delimiter row: `|---|:--:|`, `--- | ---` (dashes as smart punctuation
    /// sets them count too).
    static func isDelimiterRow(_ line: String) -> Bool {
        // Most lines have no pipe: a byte scan decides them (Foundation's `contains` would
        // search through NSString, a measured 15% of a 10,000-explainer build).
        guard line.utf8.contains(UInt8(ascii: "|")) else { return false }
        var row = Substring(line.trimmingWhitespace())
        if row.first == "|" { row = row.dropFirst() }
        if row.last == "|" { row = row.dropLast() }
        let cells = row.split(separator: "|", omittingEmptySubsequences: false)
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                var body = Substring(String(cell).trimmingWhitespace())
                if body.first == ":" { body = body.dropFirst() }
                if body.last == ":" { body = body.dropLast() }
                return !body.isEmpty && body.allSatisfy { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
            }
    }

    /// `[^label]`: a footnote reference, or the start of a definition.
    static func hasFootnote(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: "^")) else { return false }
        var rest = Substring(line)
        while let open = rest.range(of: "[^") {
            let label = rest[open.upperBound...].prefix { $0 != "]" && $0 != "[" && $0 != " " }
            if !label.isEmpty, label.endIndex < rest.endIndex, rest[label.endIndex] == "]" { return true }
            rest = rest[open.upperBound...]
        }
        return false
    }

    /// `~~text~~`: a pair of double tildes with text right inside them.
    static func hasStrikethrough(_ line: String) -> Bool {
        guard line.utf8.contains(UInt8(ascii: "~")), let open = line.range(of: "~~"), let next = line[open.upperBound...].first,
            next != " ", next != "~",
            let close = line[open.upperBound...].range(of: "~~")
        else { return false }
        return line[line.index(before: close.lowerBound)] != " "
    }
}
