import CCmark

/// An embed: a fenced code block whose info string is `embed`, holding the address of the page
/// to embed on its first line, then `title: …` (required: what screen readers announce) and
/// optionally `ratio: 16:9` or `height: 400`. Rendered as a `<figure class="embed">` with a
/// sandboxed, lazily loaded `<iframe>` and a caption linking to the original page (which works
/// without JavaScript and with third parties blocked). No inline style: the box is a class
/// (`embed-16-9`) or the iframe's `height` attribute.
struct EmbedBlock: Sendable, Hashable {
    var resolved: EmbedProviders.Resolved
    var title: String
    var size: EmbedProvider.Size

    /// The info string that makes a fenced code block an embed.
    static let info = "embed"

    /// Whether `node` is an embed block.
    static func isEmbed(_ node: CmarkNode) -> Bool {
        node.type == CMARK_NODE_CODE_BLOCK && node.fenceInfo?.lowercased() == info
    }

    /// The embed `node` writes, or its problems (errors at their body lines).
    static func parse(_ node: CmarkNode, providers: EmbedProviders) -> Result<EmbedBlock, EmbedBlock.Problems> {
        parse(node.literal ?? "", firstLine: node.startLine + 1, providers: providers)
    }

    /// The problems of a block, as `MarkdownNote`s.
    struct Problems: Error, Sendable, Hashable {
        var notes: [MarkdownNote]
    }

    /// `text`, the block's content whose first line is body line `firstLine`.
    static func parse(_ text: String, firstLine: Int, providers: EmbedProviders) -> Result<EmbedBlock, Problems> {
        var notes: [MarkdownNote] = []
        func error(_ line: Int, _ message: String, _ hint: String) {
            notes.append(MarkdownNote(.error, line: line, message: message, hint: hint))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(100)
        var address: (text: String, line: Int)?
        var fields: [String: (value: String, line: Int)] = [:]
        let keys = ["title", "ratio", "height"]
        for (offset, raw) in lines.enumerated() {
            let line = String(raw).trimmingWhitespace()
            let number = firstLine + offset
            if line.isEmpty { continue }
            guard address != nil else {
                address = (line, number)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                error(number, "The embed's line `\(UnsafeCharacters.printable(line))` is not `key: value`.", Self.keysHint)
                continue
            }
            let key = String(line[..<colon]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
            guard keys.contains(key) else {
                error(number, "Unknown embed key `\(UnsafeCharacters.printable(key))`.", Self.keysHint)
                continue
            }
            guard fields[key] == nil else {
                error(number, "The embed names `\(key)` twice.", "Keep one `\(key):` line.")
                continue
            }
            fields[key] = (value, number)
        }
        guard let address else {
            error(firstLine - 1, "The embed has no address.", "Write the address of the page to embed on the block's first line.")
            return .failure(Problems(notes: notes))
        }
        var resolved: EmbedProviders.Resolved?
        switch providers.resolve(address.text) {
        case .success(let value): resolved = value
        case .failure(let problem): error(address.line, problem.message, problem.hint)
        }
        let title = fields["title"]?.value ?? ""
        if title.isEmpty {
            error(
                fields["title"]?.line ?? address.line, "The embed has no title.",
                "Add a line `title: What it shows` under the address: screen readers announce the frame by it, and the caption links to the original with it."
            )
        }
        var size = resolved?.size
        if let ratio = fields["ratio"], let height = fields["height"] {
            error(height.line, "The embed names both `ratio` and `height`.", "Keep one: `ratio: 16:9` or `height: 400`.")
            _ = ratio
        } else if let ratio = fields["ratio"] {
            if let parsed = Self.ratio(ratio.value) {
                size = parsed
            } else {
                error(ratio.line, Self.ratioMessage(ratio.value), Self.ratioHint)
            }
        } else if let height = fields["height"] {
            if let parsed = Self.height(height.value) {
                size = parsed
            } else {
                error(height.line, Self.heightMessage(height.value), Self.heightHint)
            }
        }
        guard notes.isEmpty, let resolved, let size else { return .failure(Problems(notes: notes)) }
        return .success(EmbedBlock(resolved: resolved, title: title, size: size))
    }

    private static let keysHint = "An embed holds its address, then `title: …` and optionally `ratio: 16:9` or `height: 400`, one per line."

    /// `16:9` (or `16/9`, `16x9`) as one of `EmbedProvider.ratios`.
    static func ratio(_ text: String) -> EmbedProvider.Size? {
        let normal = String(text.compactMap { $0 == " " ? nil : ("/x×".contains($0) ? ":" : $0) })
        return EmbedProvider.ratios.contains(normal) ? .ratio(normal) : nil
    }

    static func ratioMessage(_ text: String) -> String { "`\(UnsafeCharacters.printable(text))` is not a ratio embeds know." }
    static let ratioHint = "Write one of \(EmbedProvider.ratios.joined(separator: ", ")), e.g. `ratio: 16:9`, or a height: `height: 400`."

    /// `400` (or `400px`) as a height from `EmbedProvider.heights`.
    static func height(_ text: String) -> EmbedProvider.Size? {
        let digits = text.hasSuffix("px") ? text.dropLast(2) : Substring(text)
        guard digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
            EmbedProvider.heights.contains(number)
        else { return nil }
        return .height(number)
    }

    static func heightMessage(_ text: String) -> String {
        "`\(UnsafeCharacters.printable(text))` is not a height from \(EmbedProvider.heights.lowerBound) to \(EmbedProvider.heights.upperBound) pixels."
    }
    static let heightHint = "Write the height in pixels, e.g. `height: 400`, or a ratio: `ratio: 16:9`."

    /// The figure: the frame in its box, and the caption linking to the original page.
    var html: String {
        var classes = "embed"
        var height = ""
        switch size {
        case .ratio(let ratio): classes += " embed-ratio " + EmbedProvider.className(ofRatio: ratio)
        case .height(let pixels):
            classes += " embed-fixed"
            height = " height=\"\(pixels)\""
        }
        let provider = resolved.provider
        let allow = provider.allow.isEmpty ? "" : " allow=\"\(HTMLEscaping.escape(provider.allow))\""
        let title = HTMLEscaping.escape(title)
        return "<figure class=\"\(classes)\">\n<div class=\"embed-frame\"><iframe src=\"\(HTMLEscaping.escape(resolved.src))\""
            + " title=\"\(title)\"\(height) loading=\"lazy\" sandbox=\"\(provider.sandbox.joined(separator: " "))\""
            + " referrerpolicy=\"strict-origin-when-cross-origin\"\(allow)></iframe></div>\n"
            + "<figcaption><a href=\"\(HTMLEscaping.escape(resolved.original))\">\(title)</a>"
            + " <span class=\"embed-source\">(\(HTMLEscaping.escape(provider.name)))</span></figcaption>\n</figure>\n"
    }
}
