import CCmark

/// Smart punctuation for plain text (front matter shown as text): the text goes through cmark
/// with `CMARK_OPT_SMART`, exactly as if it stood in the body, and only its punctuation changes —
/// `'` and `"` become curly quotes, `--` and `---` en and em dashes, `...` an ellipsis.
///
/// The text is escaped so that cmark sees one paragraph of literal text: every ASCII punctuation
/// character except the four smart punctuation acts on (`'` `"` `-` `.`) is backslash-escaped
/// (no emphasis, code, link, HTML or entity can start), and every line is put between two
/// no-break spaces (U+00A0), so that no line starts a block (heading, list, quote, code,
/// thematic break), none is blank, and cmark trims no space at either end. To cmark's quote
/// rules a no-break space is white space, like the line break or the text's edge it stands
/// for, and an escape keeps the character it escapes next to its neighbour, so every quote is
/// turned as it would be in the body. The collected text loses the no-break spaces again and
/// keeps the original line breaks. `fold` of the result is `fold` of the input, always: when
/// it is not (text cmark would change otherwise, such as a NUL), the text is returned as it is.
enum SmartText {
    /// The text with smart punctuation, as the body would set it.
    static func typeset(_ text: String) -> String {
        guard mayChange(text) else { return text }
        return throughCmark(text, smart: true) ?? text
    }

    /// Undoes what smart punctuation does, for comparisons: `‘` `’` → `'`, `“` `”` → `"`,
    /// `–` → `--`, `—` → `---`, `…` → `...`. `fold(typeset(x)) == fold(x)` for every `x`.
    static func fold(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019: out.append("'")
            case 0x201C, 0x201D: out.append("\"")
            case 0x2013: out.append(contentsOf: "--".unicodeScalars)
            case 0x2014: out.append(contentsOf: "---".unicodeScalars)
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether smart punctuation could change `text`: it has a quote, two hyphens or two dots
    /// in a row (`...` needs three; two are cheap to look for and never wrong).
    static func mayChange(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x27 || byte == 0x22 { return true }
            if (byte == 0x2D || byte == 0x2E) && byte == previous { return true }
            previous = byte
        }
        return false
    }

    /// The no-break space put at both ends of each line.
    private static let guardScalar: Unicode.Scalar = "\u{00A0}"

    /// `text` through cmark, with or without `CMARK_OPT_SMART`: without, it comes back as it
    /// is (what `SmartTextTests` checks over generated text). Nil when cmark made anything but
    /// the text of one paragraph of it, or changed more than punctuation (`fold` differs).
    static func throughCmark(_ text: String, smart: Bool) -> String? {
        let (lines, breaks) = splitLines(text)
        var markdown = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            if index > 0 { markdown.append("\n") }
            markdown.append(guardScalar)
            for scalar in line {
                if needsEscape(scalar) { markdown.append("\\") }
                markdown.append(scalar)
            }
            markdown.append(guardScalar)
        }
        guard let collected = collectText(String(markdown), smart: smart) else { return nil }
        // Each line comes back between its two guards; put the original line breaks back.
        let typesetLines = collected.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard typesetLines.count == lines.count else { return nil }
        var out = String.UnicodeScalarView()
        for (index, line) in typesetLines.enumerated() {
            guard line.count >= 2, line.first == guardScalar, line.last == guardScalar else { return nil }
            if index > 0 { out.append(contentsOf: breaks[index - 1].unicodeScalars) }
            out.append(contentsOf: line.dropFirst().dropLast())
        }
        let result = String(out)
        return fold(result) == fold(text) ? result : nil
    }

    /// ASCII punctuation (CommonMark's escapable characters) other than `'` `"` `-` `.`.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        let punctuation = (v >= 0x21 && v <= 0x2F) || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7E)
        return punctuation && v != 0x27 && v != 0x22 && v != 0x2D && v != 0x2E
    }

    /// The lines of `text` and the breaks between them (`\r\n`, `\r` or `\n`, as cmark reads them).
    private static func splitLines(_ text: String) -> ([[Unicode.Scalar]], [String]) {
        var lines: [[Unicode.Scalar]] = [[]]
        var breaks: [String] = []
        var pendingCR = false
        for scalar in text.unicodeScalars {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" {
                    breaks[breaks.count - 1] = "\r\n"
                    continue
                }
            }
            if scalar == "\r" || scalar == "\n" {
                breaks.append(String(scalar))
                lines.append([])
                pendingCR = scalar == "\r"
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return (lines, breaks)
    }

    /// The text of the one paragraph `markdown` makes, soft breaks as `\n`; nil when cmark made
    /// anything else of it (which the escaping rules out).
    private static func collectText(_ markdown: String, smart: Bool) -> String? {
        let document = CmarkDocument(markdown: markdown, smart: smart)
        let blocks = document.root.children
        guard blocks.count == 1, let paragraph = blocks.first, paragraph.type == CMARK_NODE_PARAGRAPH else { return nil }
        var out = ""
        for inline in paragraph.children {
            switch inline.type {
            case CMARK_NODE_TEXT: out += inline.literal ?? ""
            case CMARK_NODE_SOFTBREAK: out += "\n"
            default: return nil
            }
        }
        return out
    }
}
