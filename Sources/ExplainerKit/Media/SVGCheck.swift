/// The safety check and size of an SVG, without libvips (which never sees one). An SVG is
/// published as written, so anything that could run or fetch is refused: `<script>`, event
/// handler attributes (`onload=…`), `<foreignObject>`, DOCTYPE and ENTITY declarations (entity
/// expansion), processing instructions, and every `href`/`xlink:href`, CSS `url(…)` or
/// `@import` that is not a same-document `#fragment`. A scan over the bytes, conservative:
/// what it cannot read is refused, not guessed.
enum SVGCheck {
    /// The header of a safe SVG (its size from `width`/`height` in px or unitless, else from its
    /// `viewBox`), or why it cannot be published.
    static func header(of bytes: [UInt8]) -> Result<ImageHeader, ImageProblem> {
        var scanner = Scanner(bytes: bytes)
        do throws(ImageProblem) {
            let root = try scanner.scan()
            let (width, height) = try size(of: root)
            return .success(ImageHeader(format: .svg, width: width, height: height, orientation: 1))
        } catch {
            return .failure(error)
        }
    }

    /// Width and height from the root element's attributes.
    private static func size(of root: [String: String]) throws(ImageProblem) -> (Int, Int) {
        let width = root["width"].flatMap(length)
        let height = root["height"].flatMap(length)
        let box = root["viewbox"].map { $0.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }) }
        var size: (Double, Double)?
        if let width, let height {
            size = (width, height)
        } else if let box, box.count == 4, let boxWidth = Double(box[2]), let boxHeight = Double(box[3]), boxWidth > 0, boxHeight > 0 {
            if let width {
                size = (width, width * boxHeight / boxWidth)
            } else if let height {
                size = (height * boxWidth / boxHeight, height)
            } else {
                size = (boxWidth, boxHeight)
            }
        }
        guard let (width, height) = size, width.isFinite, height.isFinite, width >= 0.5, height >= 0.5,
            width <= 100_000, height <= 100_000
        else {
            throw problem("declares no usable size — give its <svg> element width and height (in px) or a viewBox")
        }
        return (Int(width.rounded()), Int(height.rounded()))
    }

    /// A length in px or without a unit; nil for other units (`em`, `%`, `mm`).
    private static func length(_ text: String) -> Double? {
        var value = text.trimmingWhitespace()
        if value.hasSuffix("px") { value.removeLast(2) }
        guard let number = Double(value), number > 0 else { return nil }
        return number
    }

    fileprivate static func problem(_ what: String) -> ImageProblem {
        ImageProblem("the SVG " + what)
    }

    /// Walks the markup once: tags and their attributes, comments, CDATA, the text of `<style>`.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var root: [String: String]?
        var styleDepth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }

        /// Checks the whole document; the root `<svg>` element's attributes (names lowercased).
        mutating func scan() throws(ImageProblem) -> [String: String] {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                    if styleDepth > 0 { try SVGCheck.checkCSS(XMLEntities.decoded(bytes[index..<end])) }
                    index = end
                    continue
                }
                if starts("<!--") {
                    index = try end(of: "-->", what: "a comment")
                } else if starts("<![CDATA[") {
                    let close = try end(of: "]]>", what: "a CDATA section")
                    if styleDepth > 0 { try SVGCheck.checkCSS(String(decoding: bytes[index + 9..<close - 3], as: UTF8.self)) }
                    index = close
                } else if starts("<!") {
                    throw problem("has a DOCTYPE or ENTITY declaration — remove it (an SVG needs none)")
                } else if starts("<?") {
                    let close = try end(of: "?>", what: "a processing instruction")
                    guard root == nil, starts("<?xml "), index == 0 || index == 3 else {
                        throw problem("has a processing instruction (<?…?>) — remove it")
                    }
                    index = close
                } else if starts("</") {
                    let name = tagName(from: index + 2)
                    if name == "style" { styleDepth = max(0, styleDepth - 1) }
                    index = try end(of: ">", what: "a closing tag")
                } else {
                    try element()
                }
            }
            guard let root else { throw problem("has no <svg> element") }
            return root
        }

        /// One start tag: its name and attributes are checked.
        private mutating func element() throws(ImageProblem) {
            let name = tagName(from: index + 1)
            switch name {
            case "script": throw problem("has a <script> element — scripts are not allowed in published images; remove it")
            case "foreignobject": throw problem("has a <foreignObject> element (embedded HTML) — remove it")
            default: break
            }
            if root == nil, name != "svg" { throw problem("does not start with an <svg> element (it starts with <\(name)>)") }
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            var attributes: [String: String] = [:]
            while true {
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { throw problem("ends inside the <\(name)> tag") }
                if bytes[index] == UInt8(ascii: ">") {
                    if name == "style" { styleDepth += 1 }
                    break
                }
                if starts("/>") {
                    index += 1
                    break
                }
                let (attribute, value) = try self.attribute(in: name)
                try SVGCheck.check(attribute: attribute, value: value, of: name)
                attributes[attribute] = value
            }
            index += 1
            if root == nil { root = attributes }
        }

        /// `name="value"` (or single quotes), the name lowercased, the value's entities decoded.
        private mutating func attribute(in element: String) throws(ImageProblem) -> (String, String) {
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), !"=>/".utf8.contains(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "="), !name.isEmpty else {
                throw problem("has an attribute without a value in <\(element)> — it is not well-formed XML")
            }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, case let quote = bytes[index], quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                let close = bytes[(index + 1)...].firstIndex(of: quote)
            else {
                throw problem("has an unquoted attribute (\(name)) in <\(element)> — it is not well-formed XML")
            }
            let value = XMLEntities.decoded(bytes[(index + 1)..<close])
            index = close + 1
            return (name, value)
        }

        /// The element name starting at `start`, lowercased, without a namespace prefix.
        private func tagName(from start: Int) -> String {
            var end = start
            while end < bytes.count, !isSpace(bytes[end]), !">/".utf8.contains(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[min(start, end)..<end], as: UTF8.self).lowercased()
            return name.split(separator: ":").last.map(String.init) ?? name
        }

        private func starts(_ text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

        /// The index just past the next `marker`.
        private func end(of marker: String, what: String) throws(ImageProblem) -> Int {
            let needle = Array(marker.utf8)
            var at = index
            while at + needle.count <= bytes.count {
                if bytes[at] == needle[0], bytes[at..<at + needle.count].elementsEqual(needle) { return at + needle.count }
                at += 1
            }
            throw problem("ends inside \(what) — it is not well-formed XML")
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    }

    /// One attribute of an element (names lowercased, the value decoded).
    fileprivate static func check(attribute: String, value: String, of element: String) throws(ImageProblem) {
        let local = attribute.split(separator: ":").last.map(String.init) ?? attribute
        if local.hasPrefix("on") {
            throw problem("has an event handler (\(attribute)= on <\(element)>) — scripts are not allowed in published images; remove it")
        }
        if local == "href", !value.trimmingWhitespace().hasPrefix("#") {
            throw problem(
                "refers to another file or address (\(attribute)=\"\(value.prefix(60))\" on <\(element)>) — only references inside the SVG (#id) are allowed"
            )
        }
        if local == "attributename", value.lowercased().hasSuffix("href") {
            throw problem("animates a link (attributeName=\"\(value)\" on <\(element)>) — remove the animation")
        }
        if local == "style" || value.lowercased().contains("url(") { try checkCSS(value) }
    }

    /// CSS (a `style` attribute or a `<style>` element): no `@import`, no escapes, and every
    /// `url(…)` a `#fragment`.
    fileprivate static func checkCSS(_ css: String) throws(ImageProblem) {
        let lower = css.lowercased()
        if lower.contains("@import") { throw problem("imports a style sheet (@import) — only styles inside the SVG are allowed") }
        if lower.contains("\\") { throw problem("has an escape (\\) in its CSS — write the style plainly") }
        var rest = Substring(lower)
        while let range = rest.range(of: "url(") {
            let argument = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" }
            guard argument.hasPrefix("#") else {
                throw problem(
                    "refers to another file or address in its CSS (url(…)) — only references inside the SVG (url(#id)) are allowed")
            }
            rest = rest[range.upperBound...]
        }
    }
}
