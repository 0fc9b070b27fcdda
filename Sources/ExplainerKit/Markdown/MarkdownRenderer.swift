import CCmark

/// The Markdown stage: parses a body with cmark, gives headings ids, finds quotes, and splits
/// it into the lede and one chunk per H2 heading. Pure: a string in, values out.
///
/// Top-level blocks are rendered one at a time with `cmark_render_html`, which gives exactly
/// the bytes cmark renders for the whole document; the only changes are an `id` on top-level
/// headings and a `<figure>` around attributed quotes (checked against the CommonMark spec).
package enum MarkdownRenderer {
    /// - Parameters:
    ///   - reservedIDs: ids the pages use for something else (the templates' `main`, `toc`…),
    ///     never given to a heading; nor are the quotes' anchors (`quote-1`…).
    ///   - basePath: the site's base path (`SiteURLs.basePath`), put before every link and
    ///     image that starts with `/` (a link from the site's root: `/slug/risks/`).
    ///   - references: the article's place and the site's media: with it, every relative URL
    ///     is resolved and checked and images are written by `ImageMarkup` (`ReferenceRewriter`,
    ///     which then also puts the base path in front); the result's `references` say how it went.
    ///   - smart: smart punctuation (`CMARK_OPT_SMART`: curly quotes, dashes, ellipses), which
    ///     changes the text of headings, quotes and excerpts too. Off by default here, as in
    ///     CommonMark; a site has it on unless `site.yml` says `smartPunctuation: false`.
    package static func render(
        _ markdown: String, unsafe: Bool = false, reservedIDs: Set<String> = [], basePath: String = "", smart: Bool = false
    ) -> RenderedMarkdown {
        render(markdown, unsafe: unsafe, reservedIDs: reservedIDs, basePath: basePath, smart: smart, references: nil)
    }

    /// `render`, with the article's `references` context (see above) and the providers `embed`
    /// blocks may show frames of (`EmbedBlock`; the built-in ones by default).
    static func render(
        _ markdown: String, unsafe: Bool, reservedIDs: Set<String>, basePath: String, smart: Bool, references: ReferenceContext?,
        embeds: EmbedProviders = .standard
    ) -> RenderedMarkdown {
        let document = CmarkDocument(markdown: markdown, unsafe: unsafe, smart: smart)
        var notes = MarkdownLint.notes(document.root)
        var report = ReferenceReport()
        if let references {
            report = ReferenceRewriter.rewrite(document.root, context: references, unsafe: unsafe)
        } else {
            rewriteURLs(document.root, dropDataURLs: !unsafe, basePath: basePath)
        }
        let blocks = document.root.children
        let quotes = blocks.lazy.filter { $0.type == CMARK_NODE_BLOCK_QUOTE && QuoteDetector.attribution(of: $0) != nil }.count
        var ids = HeadingIDs(reserved: reservedIDs.union((0..<quotes).map { QuoteDetector.id($0 + 1) }))
        var quoteCount = 0
        var builder = ChunkBuilder(heading: nil, headingHTML: "")
        var chunks: [MarkdownChunk] = []

        for block in blocks {
            switch block.type {
            case CMARK_NODE_HEADING:
                let rendered = document.html(block)
                let text = block.plainText
                let heading = RenderedHeading(
                    level: block.headingLevel, text: text, innerHTML: innerHTML(of: rendered),
                    id: ids.id(for: text), line: block.startLine)
                let html = insertingID(heading.id, into: rendered)
                if heading.level == 2 {
                    chunks.append(builder.chunk)
                    builder = ChunkBuilder(heading: heading, headingHTML: html)
                } else {
                    if heading.level >= 3 {
                        builder.toc.append(TOCEntry(level: heading.level, text: text, id: heading.id))
                    }
                    builder.append(html, words: WordCounter.count(text), node: block)
                }
            case CMARK_NODE_BLOCK_QUOTE:
                if let quote = QuoteDetector.quote(in: block, document: document, number: quoteCount + 1) {
                    quoteCount += 1
                    builder.quotes.append(quote.quote)
                    builder.append(quote.html, words: WordCounter.count(quote.quote.text), node: block)
                } else {
                    if let warning = QuoteDetector.warning(for: block) { notes.append(warning) }
                    builder.append(document.html(block), words: WordCounter.count(block.plainText), node: block)
                }
            case CMARK_NODE_CODE_BLOCK where EmbedBlock.isEmbed(block):
                switch EmbedBlock.parse(block, providers: embeds) {
                case .success(let embed): builder.appendEmbed(embed)
                case .failure(let problems): notes += problems.notes
                }
            case CMARK_NODE_PARAGRAPH:
                let html = document.html(block)
                if builder.excerptHTML.isEmpty { builder.excerptHTML = html }
                builder.append(html, words: WordCounter.count(block.plainText), node: block)
            default:
                builder.append(document.html(block), words: WordCounter.count(block.plainText), node: block)
            }
        }
        chunks.append(builder.chunk)
        return RenderedMarkdown(
            lede: chunks[0], sections: Array(chunks.dropFirst()), references: report, notes: MarkdownNote.inBodyOrder(notes))
    }

    /// `<h2>Title</h2>\n` → `Title`. Works on bytes: cmark writes exactly `<hN>` and
    /// `</hN>\n`, and a combining mark after `>` must not merge with it (as `Character`s would).
    private static func innerHTML(of rendered: String) -> String {
        let bytes = rendered.utf8
        guard bytes.count >= 10 else { return "" }
        return String(decoding: bytes.dropFirst(4).dropLast(6), as: UTF8.self)
    }

    /// `<h2>` → `<h2 id="x">`.
    private static func insertingID(_ id: String, into rendered: String) -> String {
        let bytes = rendered.utf8
        guard bytes.count >= 3 else { return rendered }
        let split = bytes.index(bytes.startIndex, offsetBy: 3)
        var out = String(decoding: bytes[..<split], as: UTF8.self)
        out.reserveCapacity(bytes.count + id.utf8.count + 6)
        out += " id=\""
        out += id
        out += "\""
        out += String(decoding: bytes[split...], as: UTF8.self)
        return out
    }

    /// In safe mode cmark still lets `data:image/…` URLs through; we drop every `data:` URL.
    /// Under a base path, a URL from the site's root (`/x/`, not `//host/x`) gets the path.
    private static func rewriteURLs(_ root: CmarkNode, dropDataURLs: Bool, basePath: String) {
        guard dropDataURLs || !basePath.isEmpty else { return }
        root.walk { node in
            let type = node.type
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = node.url else { return }
            if dropDataURLs && url.trimmingWhitespace().lowercased().hasPrefix("data:") {
                node.url = ""
            } else if !basePath.isEmpty && url.hasPrefix("/") && !url.hasPrefix("//") {
                node.url = basePath + url
            }
        }
    }
}

/// Accumulates the blocks of one chunk.
private struct ChunkBuilder {
    let heading: RenderedHeading?
    let headingHTML: String
    var html = ""
    var excerptHTML = ""
    var words = 0
    var toc: [TOCEntry] = []
    var quotes: [Quote] = []
    var links: [ExternalLink] = []
    var frameOrigins: [String] = []
    /// The urls of `links`.
    private var linkSeen: Set<String> = []

    init(heading: RenderedHeading?, headingHTML: String) {
        self.heading = heading
        self.headingHTML = headingHTML
    }

    mutating func append(_ blockHTML: String, words: Int, node: CmarkNode) {
        html += blockHTML
        self.words += words
        node.walk { child in
            if child.type == CMARK_NODE_LINK, let url = child.url, url.hasPrefix("https://") || url.hasPrefix("http://"),
                linkSeen.insert(url).inserted
            {
                let text = child.plainText
                links.append(ExternalLink(text: text.isEmpty ? url : text, url: url))
            }
        }
    }

    /// An embed's figure, its frame's origin recorded for the page's CSP.
    mutating func appendEmbed(_ embed: EmbedBlock) {
        html += embed.html
        if !frameOrigins.contains(embed.resolved.origin) { frameOrigins.append(embed.resolved.origin) }
    }

    var chunk: MarkdownChunk {
        MarkdownChunk(
            heading: heading, headingHTML: headingHTML, html: html, excerptHTML: excerptHTML,
            wordCount: words, toc: toc, quotes: quotes, links: links, frameOrigins: frameOrigins.sorted())
    }
}
