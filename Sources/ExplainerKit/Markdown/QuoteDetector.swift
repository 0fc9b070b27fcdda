import CCmark

/// Recognises attributed quotations and renders them as a `<figure>`. A block quote is one
/// when its attribution, a dash and the speaker (`— Name, role`), is
/// - its last paragraph, after at least one other block (`> "…"` `>` `> — Name`);
/// - the last line(s) of its last paragraph, after a line that ends a sentence or a
///   quotation (`> "…we will act."` `> — Name`), also when that is its only paragraph;
/// - the end of the last line, after a closing quotation mark, a space and a dash, in a
///   block quote that opens with a quotation mark (`> "…we will act." — Name`);
/// - a one-item bullet list ending a block quote that opens with a quotation mark
///   (`> "…"` `> - Name`: CommonMark makes a hyphen and a space a list item, so only the
///   quotation mark tells an attribution from a list).
///
/// The dash is an em dash, a horizontal bar, an en dash, a figure dash or `--`: the en dash is
/// what smart punctuation makes of `--` (and `---` an em dash), so an attribution is found the
/// same with `smartPunctuation` on or off. A block quote that looks like a quotation but has
/// none of these gets a warning (`warning(for:)`).
enum QuoteDetector {
    struct Found {
        var quote: Quote
        var html: String
    }

    /// Where in the block quote its attribution stands.
    enum Form {
        /// The last paragraph.
        case paragraph
        /// The last paragraph's lines from the one after this (soft or hard) line break on.
        case lastLines(after: CmarkNode)
        /// The last block: a bullet list of one item.
        case listItem
        /// The end of the last line, after a closing quotation mark: the inlines of the
        /// paragraph from `index` on, the first of them (a text node) keeping `keep` bytes.
        case sameLine(paragraph: CmarkNode, index: Int, keep: Int)
    }

    /// A block quote's attribution: the text after the dash, and where it stands.
    struct Attribution {
        var text: String
        var form: Form
    }

    static let dashes = ["\u{2014}", "\u{2015}", "\u{2013}", "\u{2012}", "--"]

    /// The characters a quotation opens with: straight and curly quotes, low-9 and guillemets.
    static let openingQuotes: Set<Character> = [
        "\"", "'", "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}",
    ]

    /// What a line before an attribution ends with: a sentence's end or a closing quote.
    static let sentenceEnds: Set<Character> = [
        ".", "!", "?", "\u{2026}", "\"", "'", ")", "\u{201D}", "\u{2019}", "\u{201C}", "\u{00BB}", "\u{00AB}", "\u{203A}",
    ]

    /// How many of a paragraph's last line breaks are tried as the start of an attribution
    /// (one wrapped over a few lines is found; a long paragraph costs no more).
    static let attributionLines = 3

    /// The anchor of the quote `number` (1-based, in document order): `quote-1`.
    static func id(_ number: Int) -> String { "quote-\(number)" }

    /// The attribution of `blockquote` when it is a quote, else nil. Does not change the tree.
    static func attribution(of blockquote: CmarkNode) -> Attribution? {
        let children = blockquote.children
        guard let last = children.last else { return nil }
        if children.count >= 2, last.type == CMARK_NODE_PARAGRAPH, let text = afterDash(last.plainText) {
            return Attribution(text: text, form: .paragraph)
        }
        if children.count >= 2, opensWithQuotationMark(blockquote), let text = listAttribution(last) {
            return Attribution(text: text, form: .listItem)
        }
        if last.type == CMARK_NODE_PARAGRAPH, let (lineBreak, text) = lastLinesAttribution(last) {
            return Attribution(text: text, form: .lastLines(after: lineBreak))
        }
        if last.type == CMARK_NODE_PARAGRAPH, opensWithQuotationMark(blockquote), let found = sameLineAttribution(last) {
            return found
        }
        return nil
    }

    /// The characters that close a quotation, before a same-line attribution.
    static let closingQuotes: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{201C}", "\u{00BB}", "\u{00AB}", "\u{203A}"]

    /// ` — Name` (a space, a dash or a hyphen, a space, then the attribution): `Name`, else nil.
    private static func afterSpacedDash(_ rest: Substring) -> String? {
        guard rest.first == " " else { return nil }
        let afterSpace = rest.drop { $0 == " " }
        let text: String
        if afterSpace.hasPrefix("- ") {
            text = String(afterSpace.dropFirst(2)).trimmingWhitespace()
        } else if dashes.contains(where: { afterSpace.hasPrefix($0) }), let after = afterDash(String(afterSpace)) {
            text = after
        } else {
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// `"…we will act." — Name` on one line: after the last closing quotation mark of the
    /// paragraph's last line come a space, a dash (or a hyphen) and a space, then the
    /// attribution (to the paragraph's end).
    private static func sameLineAttribution(_ paragraph: CmarkNode) -> Attribution? {
        let inlines = paragraph.children
        let lineStart = (inlines.lastIndex { $0.type == CMARK_NODE_SOFTBREAK || $0.type == CMARK_NODE_LINEBREAK } ?? -1) + 1
        let texts = inlines[lineStart...].map(\.plainText)
        let line = texts.joined()
        let candidates = line.indices.reversed().lazy.filter { $0 != line.startIndex && closingQuotes.contains(line[$0]) }
        guard
            let (splitAt, text) = candidates.prefix(attributionLines * 2).lazy.compactMap({ close in
                afterSpacedDash(line[line.index(after: close)...]).map { (line.index(after: close), $0) }
            }).first
        else { return nil }
        // The inline the split falls in, by UTF-8 offset: a text node, or a boundary.
        var offset = line.utf8.distance(from: line.startIndex, to: splitAt)
        for (position, piece) in texts.enumerated() {
            let index = lineStart + position
            if offset == 0 { return Attribution(text: text, form: .sameLine(paragraph: paragraph, index: index, keep: 0)) }
            if offset < piece.utf8.count {
                guard inlines[index].type == CMARK_NODE_TEXT else { return nil }
                return Attribution(text: text, form: .sameLine(paragraph: paragraph, index: index, keep: offset))
            }
            offset -= piece.utf8.count
        }
        return nil
    }

    /// `text` without its leading dash and white space, when it starts with a dash and
    /// something follows; else nil.
    static func afterDash(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let dash = dashes.first(where: { trimmed.hasPrefix($0) }) else { return nil }
        var attribution = String(trimmed.dropFirst(dash.count)).trimmingWhitespace()
        while let first = attribution.first, first == "-" || dashes.contains(String(first)) {
            attribution = String(attribution.dropFirst()).trimmingWhitespace()
        }
        return attribution.isEmpty ? nil : attribution
    }

    /// Whether the block quote's first block is a paragraph that opens with a quotation mark.
    static func opensWithQuotationMark(_ blockquote: CmarkNode) -> Bool {
        guard let first = blockquote.firstChild, first.type == CMARK_NODE_PARAGRAPH,
            let mark = first.plainText.trimmingWhitespace().first
        else { return false }
        return openingQuotes.contains(mark)
    }

    /// The text of a bullet list of one item holding one paragraph.
    private static func listAttribution(_ list: CmarkNode) -> String? {
        guard list.isBulletList, let item = list.firstChild, item.next == nil, let paragraph = item.firstChild,
            paragraph.next == nil, paragraph.type == CMARK_NODE_PARAGRAPH
        else { return nil }
        let text = paragraph.plainText.trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The line break of `paragraph` after which its attribution starts, and the attribution:
    /// the lines after one of its last line breaks start with a dash, and the text before it
    /// ends a sentence or a quotation.
    private static func lastLinesAttribution(_ paragraph: CmarkNode) -> (CmarkNode, String)? {
        let inlines = paragraph.children
        let breaks = inlines.indices.filter { inlines[$0].type == CMARK_NODE_SOFTBREAK || inlines[$0].type == CMARK_NODE_LINEBREAK }
        for index in breaks.reversed().prefix(attributionLines) {
            let after = inlines[(index + 1)...].map(\.plainText).joined()
            guard let text = afterDash(after) else { continue }
            let before = inlines[..<index].map(\.plainText).joined().trimmingWhitespace()
            guard let end = before.last, sentenceEnds.contains(end) else { return nil }
            return (inlines[index], text)
        }
        return nil
    }

    /// Whether `paragraph` starts with a dash and more, or its last line does: an attribution
    /// that did not parse, as when the line before it does not end the quotation.
    private static func hasDashLine(_ paragraph: CmarkNode) -> Bool {
        let inlines = paragraph.children
        if afterDash(inlines.first?.plainText ?? "") != nil { return true }
        guard let last = inlines.lastIndex(where: { $0.type == CMARK_NODE_SOFTBREAK || $0.type == CMARK_NODE_LINEBREAK })
        else { return false }
        return afterDash(inlines[(last + 1)...].map(\.plainText).joined()) != nil
    }

    /// Renders the quote in `blockquote`, or nil when it has no attribution. For an
    /// attribution on the last lines, takes those lines out of the tree.
    static func quote(in blockquote: CmarkNode, document: CmarkDocument, number: Int) -> Found? {
        guard let attribution = attribution(of: blockquote) else { return nil }
        let (speaker, context) = split(attribution.text)
        let body: [CmarkNode]
        switch attribution.form {
        case .paragraph, .listItem:
            body = Array(blockquote.children.dropLast())
        case .lastLines(let lineBreak):
            var node: CmarkNode? = lineBreak
            while let current = node {
                node = current.next
                current.remove()
            }
            body = blockquote.children
        case .sameLine(let paragraph, let index, let keep):
            let inlines = paragraph.children
            var removed = inlines[index...]
            if keep > 0, let first = removed.first {
                first.literal = String(decoding: Array((first.literal ?? "").utf8.prefix(keep)), as: UTF8.self)
                removed = removed.dropFirst()
            }
            for node in removed { node.remove() }
            body = blockquote.children
        }
        let bodyHTML = body.map { document.html($0) }.joined()
        let text = body.map(\.plainText).joined(separator: " ")
        let id = id(number)
        var html = "<figure class=\"quote\" id=\"\(id)\">\n<blockquote>\n"
        html += bodyHTML
        html += "</blockquote>\n<figcaption><bdi class=\"speaker\">\(HTMLEscaping.escape(speaker))</bdi>"
        if !context.isEmpty {
            html += "<span class=\"context\">, \(HTMLEscaping.escape(context))</span>"
        }
        html += "</figcaption>\n</figure>\n"
        let quote = Quote(id: id, html: bodyHTML, text: text, speaker: speaker, context: context, line: blockquote.startLine)
        return Found(quote: quote, html: html)
    }

    /// A warning for a block quote with no attribution that looks like a quotation: it opens
    /// with a quotation mark, or has a dash line that is not read as an attribution.
    static func warning(for blockquote: CmarkNode) -> MarkdownNote? {
        let dashLine = blockquote.lastChild.map { $0.type == CMARK_NODE_PARAGRAPH && hasDashLine($0) } ?? false
        guard dashLine || opensWithQuotationMark(blockquote) else { return nil }
        let message =
            dashLine
            ? "This block quote has a dash line that is not read as an attribution, so the quote is not on the quotes page."
            : "This block quote looks like a quotation but has no attribution, so it is not on the quotes page."
        let hint =
            dashLine
            ? "End the quotation with its closing punctuation or quotation mark, then put the attribution on the next line (`> — Name, role`) or in a paragraph of its own."
            : "Add the speaker on a last line of its own: `> — Name, role` (an em dash, `--`, `–` or `―`); if it is not a quotation, leave out the opening quotation mark."
        return MarkdownNote(.warning, line: blockquote.startLine, column: blockquote.startColumn, message: message, hint: hint)
    }

    /// `Kabir Taneja, Observer Research Foundation` → (`Kabir Taneja`, `Observer Research Foundation`):
    /// at the first comma, the Arabic one (`،`, which Persian and Urdu write too) and the
    /// full-width one (`，`) included.
    static func split(_ attribution: String) -> (String, String) {
        guard let comma = attribution.firstIndex(where: { $0 == "," || $0 == "\u{060C}" || $0 == "\u{FF0C}" }) else {
            return (attribution, "")
        }
        let speaker = String(attribution[..<comma]).trimmingWhitespace()
        let context = String(attribution[attribution.index(after: comma)...]).trimmingWhitespace()
        return (speaker, context)
    }
}
