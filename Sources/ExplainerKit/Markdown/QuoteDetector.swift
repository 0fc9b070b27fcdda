import CCmark

/// Recognises attributed quotations: a block quote of two or more blocks whose last paragraph
/// starts with an em dash, a horizontal bar, an en dash or `--`, and renders them as a `<figure>`.
///
/// The en dash is what smart punctuation makes of `--` (and `---` an em dash), so an
/// attribution is found the same with `smartPunctuation` on or off.
enum QuoteDetector {
    struct Found {
        var quote: Quote
        var html: String
    }

    static let dashes = ["\u{2014}", "\u{2015}", "\u{2013}", "--"]

    /// The anchor of the quote `number` (1-based, in document order): `quote-1`.
    static func id(_ number: Int) -> String { "quote-\(number)" }

    /// The attribution of `blockquote` (the text after the dash) when it is a quote, else nil.
    static func attribution(of blockquote: CmarkNode) -> String? {
        let children = blockquote.children
        guard children.count >= 2, let last = children.last, last.type == CMARK_NODE_PARAGRAPH else { return nil }
        let attributionText = last.plainText
        guard let dash = dashes.first(where: { attributionText.hasPrefix($0) }) else { return nil }
        var attribution = String(attributionText.dropFirst(dash.count)).trimmingWhitespace()
        while let first = attribution.first, first == "-" || dashes.contains(String(first)) {
            attribution = String(attribution.dropFirst()).trimmingWhitespace()
        }
        return attribution.isEmpty ? nil : attribution
    }

    static func quote(in blockquote: CmarkNode, document: CmarkDocument, number: Int) -> Found? {
        guard let attribution = attribution(of: blockquote) else { return nil }
        let (speaker, context) = split(attribution)
        let body = blockquote.children.dropLast()
        let bodyHTML = body.map { document.html($0) }.joined()
        let text = body.map(\.plainText).joined(separator: " ")
        let id = id(number)
        var html = "<figure class=\"quote\" id=\"\(id)\">\n<blockquote>\n"
        html += bodyHTML
        html += "</blockquote>\n<figcaption><span class=\"speaker\">\(HTMLEscaping.escape(speaker))</span>"
        if !context.isEmpty {
            html += "<span class=\"context\">, \(HTMLEscaping.escape(context))</span>"
        }
        html += "</figcaption>\n</figure>\n"
        let quote = Quote(id: id, html: bodyHTML, text: text, speaker: speaker, context: context, line: blockquote.startLine)
        return Found(quote: quote, html: html)
    }

    /// `Kabir Taneja, Observer Research Foundation` → (`Kabir Taneja`, `Observer Research Foundation`).
    static func split(_ attribution: String) -> (String, String) {
        guard let comma = attribution.firstIndex(of: ",") else { return (attribution, "") }
        let speaker = String(attribution[..<comma]).trimmingWhitespace()
        let context = String(attribution[attribution.index(after: comma)...]).trimmingWhitespace()
        return (speaker, context)
    }
}
