import Foundation

@testable import ExplainerKit

/// The implementations the byte-level rewrites replaced, kept as the reference their output
/// must equal (see `ByteLevelRewriteTests`).
enum Reference {
    // MARK: TimelineGraphic

    static func timelineSVG(_ entries: [TimelineEntry]) -> String? {
        let width = 360
        let axisX = 40
        let labelX = 56
        let lineHeight = 18
        let charsPerLine = 36
        var leading: [TimelineEntry] = []
        var groups: [(point: Double, entry: TimelineEntry, followers: [TimelineEntry])] = []
        for entry in entries {
            if let point = entry.span?.point {
                groups.append((point, entry, []))
            } else if groups.isEmpty {
                leading.append(entry)
            } else {
                groups[groups.count - 1].followers.append(entry)
            }
        }
        // Drawn in the order given (the decoder's `TimelineEntry.chronological`).
        guard groups.count >= 2, let first = groups.map(\.point).min(), let last = groups.map(\.point).max() else { return nil }
        let span = last > first ? last - first : 1
        let axisLength = max(240, groups.count * 56)

        var body = ""
        var nextFree = 12
        var bottom = 0
        var lowestDot = 0
        func draw(_ entry: TimelineEntry, dotY wanted: Int?) {
            let dotY = wanted ?? nextFree + 6
            let lines = wrap(entry.event, width: charsPerLine)
            let labelTop = max(dotY - 6, nextFree)
            let height = (lines.count + 1) * lineHeight
            body += "<circle class=\"tl-dot\(wanted == nil ? " tl-undated" : "")\" cx=\"\(axisX)\" cy=\"\(dotY)\" r=\"5\"/>"
            if labelTop > dotY - 6 {
                body += "<path class=\"tl-leader\" d=\"M\(axisX + 5) \(dotY)L\(labelX - 4) \(labelTop + 6)\"/>"
            }
            body += "<text class=\"tl-date\" x=\"\(labelX)\" y=\"\(labelTop + 12)\">\(htmlEscape(entry.date))</text>"
            body += "<text class=\"tl-event\" x=\"\(labelX)\" y=\"\(labelTop + 12 + lineHeight)\">"
            for (i, line) in lines.enumerated() {
                body += "<tspan x=\"\(labelX)\" dy=\"\(i == 0 ? 0 : lineHeight)\">\(htmlEscape(line))</tspan>"
            }
            body += "</text>"
            nextFree = labelTop + height + 10
            bottom = max(bottom, labelTop + height)
            lowestDot = max(lowestDot, dotY)
        }

        for entry in leading { draw(entry, dotY: nil) }
        let top = leading.isEmpty ? 24 : nextFree + 30
        func y(_ point: Double) -> Int { top + Int(((point - first) / span * Double(axisLength)).rounded()) }
        for group in groups {
            draw(group.entry, dotY: y(group.point))
            for follower in group.followers { draw(follower, dotY: nil) }
        }

        let height = bottom + 16
        var svg =
            "<svg class=\"timeline-graphic\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\" focusable=\"false\">"
        if !leading.isEmpty {
            svg += "<line class=\"tl-axis tl-break\" x1=\"\(axisX)\" y1=\"18\" x2=\"\(axisX)\" y2=\"\(top - 12)\"/>"
        }
        svg += "<line class=\"tl-axis\" x1=\"\(axisX)\" y1=\"\(top - 12)\" x2=\"\(axisX)\" y2=\"\(max(y(last), lowestDot) + 12)\"/>"
        svg += body
        svg += "</svg>"
        return svg
    }

    /// The word wrap: the line's `Character`s recounted for every word.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    // MARK: Escaping

    static func htmlEscape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
            case 0x22: out.append(contentsOf: Array("&quot;".utf8))
            case 0x27: out.append(contentsOf: Array("&#39;".utf8))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func xmlEscape(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: JSON

    static func rendered(_ json: JSONText) -> String {
        var out = ""
        write(json, into: &out)
        return out
    }

    private static func write(_ json: JSONText, into out: inout String) {
        switch json {
        case .string(let s): quote(s, into: &out)
        case .number(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                quote(key, into: &out)
                out += ":"
                write(value, into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    static func jsonLD(for page: Page, urls: SiteURLs, site: SiteValues) -> String {
        let baseURL = urls.baseURL
        let siteTitle = site.title
        let author = site.author
        let language = site.language
        switch page.kind {
        case .home:
            return JSONText.object([
                ("@context", .string("https://schema.org")),
                ("@type", .string("WebSite")),
                ("name", .string(siteTitle)),
                ("url", .string(baseURL + "/")),
                ("inLanguage", .string(language)),
                ("description", .string(page.description)),
            ]).referenceRendered
        case .overview, .section, .quotes, .all:
            guard let article = page.article else { return "" }
            let fm = article.frontMatter
            let publisher: JSONText = .object([
                ("@type", .string("Organization")),
                ("name", .string(author.isEmpty ? siteTitle : author)),
                ("url", .string(baseURL + "/")),
            ])
            var members: [(String, JSONText)] = [
                ("@context", .string("https://schema.org")),
                ("@type", .string("NewsArticle")),
                ("headline", .string(String(page.title.prefix(110)))),
                ("description", .string(page.description)),
                ("url", .string(urls.origin + page.url)),
                ("mainEntityOfPage", .string(urls.origin + page.url)),
                ("datePublished", .string(fm.date.iso)),
                ("dateModified", .string(fm.lastModified.iso)),
                ("inLanguage", .string(language)),
                ("keywords", .array(fm.tags.map { .string($0) })),
                (
                    "isPartOf",
                    .object([
                        ("@type", .string("CreativeWorkSeries")), ("name", .string(fm.title)),
                        ("url", .string(baseURL + "/\(article.slug)/")),
                    ])
                ),
                ("author", publisher),
                ("publisher", publisher),
            ]
            let corrections = fm.updatesNewestFirst.filter { $0.kind == .correction }
            if !corrections.isEmpty {
                members.append(
                    (
                        "correction",
                        .array(
                            corrections.map {
                                .object([
                                    ("@type", .string("CorrectionComment")), ("text", .string($0.text)),
                                    ("datePublished", .string($0.timestamp.iso)),
                                ])
                            })
                    ))
            }
            return JSONText.object(members).referenceRendered
        case .corrections, .topic, .topics:
            return JSONText.object([
                ("@context", .string("https://schema.org")),
                ("@type", .string(page.kind == .corrections ? "WebPage" : "CollectionPage")),
                ("name", .string(page.title)),
                ("url", .string(urls.origin + page.url)),
                ("inLanguage", .string(language)),
                ("description", .string(page.description)),
                ("isPartOf", .object([("@type", .string("WebSite")), ("name", .string(siteTitle)), ("url", .string(baseURL + "/"))])),
            ]).referenceRendered
        case .notFound, .author, .authors, .search:
            // (Author pages come only with an authors file; the oracle's sites have none.)
            return ""
        }
    }

    // MARK: Words, decoding, excerpts

    static func wordCount(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordChar: Bool
            if value < 0x80 {
                // ASCII fast path: the only Alphabetic ASCII scalars are A–Z and a–z.
                isWordChar =
                    (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
                    || (inWord && (value == 0x27 || value == 0x2D))
            } else {
                isWordChar = scalar.properties.isAlphabetic || (inWord && value == 0x2019)
            }
            if isWordChar {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return words
    }

    static func decode(_ file: SourceFile) -> Result<String, BuildFailure> {
        var bytes = file.bytes[...]
        if bytes.count > TextDecoding.maxBytes {
            return .failure(
                BuildFailure(
                    Diagnostic(
                        file: file.path,
                        message: "The file is \(ByteCount.text(bytes.count)); the limit is \(ByteCount.limit(TextDecoding.maxBytes)).",
                        hint: "Split the article, or move large data out of Content/.")))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(
                BuildFailure(
                    Diagnostic(
                        file: file.path, line: line,
                        message: "This is a binary file, not Markdown text (it contains a NUL byte).",
                        hint: "Remove it from Content/ or give it another extension than .md.")))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: Array(bytes))
            return .failure(
                BuildFailure(
                    Diagnostic(
                        file: file.path, line: line, column: column,
                        message: "The file is not valid UTF-8 text.",
                        hint: "Save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8).")))
        }
        return .success(normalizingLineEndings(text))
    }

    /// CRLF and lone CR → LF.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard i + length <= bytes.count,
                String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
            else { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }
    static func plainText(fromHTML html: String, limit: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var utf8 = html.utf8[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                inTag = true
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(UInt8(ascii: " ")); pendingSpace = false }
                if byte == UInt8(ascii: "&"), let (decoded, length) = entity(utf8) {
                    bytes.append(decoded)
                    utf8 = utf8.dropFirst(length)
                } else {
                    bytes.append(byte)
                }
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.count > limit else { return text }
        // Cut at the last space that leaves room for the ellipsis.
        var cut = text.startIndex
        var count = 0
        var index = text.startIndex
        while index < text.endIndex, count < limit {
            if text[index] == " " { cut = index }
            count += 1
            index = text.index(after: index)
        }
        if index < text.endIndex, text[index] == " " { cut = index }
        return String(text[..<cut]) + "\u{2026}"
    }

    /// The entity after a `&` (already consumed): its byte and length, for the five cmark uses.
    private static func entity(_ rest: Substring.UTF8View) -> (UInt8, Int)? {
        let table: [(String, UInt8)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22), ("#39;", 0x27)]
        for (name, byte) in table where rest.starts(with: name.utf8) {
            return (byte, name.utf8.count)
        }
        return nil
    }
    // MARK: Dates

    static func iso(_ date: ArticleDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    /// `ArticleDate(iso:)`.
    static func date(iso text: String) -> ArticleDate? {
        let timestamp =
            #/([0-9]{4})-([0-9]{2})-([0-9]{2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]*)?[ \t]*(?:Z|[-+]([0-9]{1,2})(?::([0-9]{2}))?)?)?/#
        guard let match = try? timestamp.matchingSemantics(.unicodeScalar).wholeMatch(in: text),
            let y = Int(match.1), let m = Int(match.2), let d = Int(match.3)
        else { return nil }
        let limits = [(match.4, 23), (match.5, 59), (match.6, 59), (match.7, 23), (match.8, 59)]
        for (field, limit) in limits {
            if let field, Int(field)! > limit { return nil }
        }
        return ArticleDate(year: y, month: m, day: d)
    }

    static func rfc3339(_ date: ArticleDate) -> String { iso(date) + "T00:00:00Z" }

    // MARK: Feed and sitemap

    static func feedEntry(for article: RenderedArticle, baseURL: String) -> String {
        let fm = article.frontMatter
        let url = xmlEscape(baseURL + "/\(article.slug)/")
        var xml = "<entry>\n"
        xml += "<title>\(xmlEscape(fm.title))</title>\n"
        xml += "<id>\(url)</id>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
        xml += "<published>\(fm.date.rfc3339)</published>\n"
        xml += "<updated>\(fm.lastModified.rfc3339)</updated>\n"
        for tag in fm.tags { xml += "<category term=\"\(xmlEscape(tag))\"/>\n" }
        xml += "<summary>\(xmlEscape(fm.summary))</summary>\n"
        xml += "</entry>\n"
        return xml
    }
    static func sitemapEntries(for pages: ArraySlice<Page>, baseURL: String) -> String {
        let base = xmlEscape(baseURL)
        let date = pages.first?.article.map(\.frontMatter.lastModified.iso)
        var xml = ""
        for page in pages {
            // Foundation's percent-encoding with every ASCII character allowed.
            let ascii = CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
            let uri = page.url.addingPercentEncoding(withAllowedCharacters: ascii) ?? page.url
            xml += "<url><loc>" + base + xmlEscape(uri) + "</loc>"
            if let date { xml += "<lastmod>" + date + "</lastmod>" }
            xml += "</url>\n"
        }
        return xml
    }
}

extension JSONText {
    /// The text as the reference writer writes it.
    var referenceRendered: String { Reference.rendered(self) }
}
