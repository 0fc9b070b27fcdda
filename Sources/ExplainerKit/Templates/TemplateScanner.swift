/// Finds the partials, parents and variables a Mustache template refers to, with their
/// positions and how deeply they are nested, for checks the Mustache library does not make
/// (it renders a missing partial or variable as nothing, recurses without end through a
/// partial that includes itself, and parses nested sections recursively). Follows
/// set-delimiter tags (`{{=<% %>=}}`) the way swift-mustache's parser does.
enum TemplateScanner {
    struct Reference: Equatable {
        enum Kind {
            /// `{{>name}}`.
            case partial
            /// `{{<name}}…{{/name}}`: inherits from `name`.
            case parent
            /// `{{>*name}}` or `{{<*name}}`: the template is named by a value of the page.
            case dynamicPartial
            case variable
        }
        var kind: Kind
        var name: String
        var location: SourceLocation
        /// How many sections, blocks and parents enclose the tag.
        var level: Int
    }

    /// A template's references and its deepest tag.
    struct Scan {
        var references: [Reference] = []
        /// The number of sections, blocks, parents and transforms around the most deeply
        /// nested tag (counting a section's own tag and the tag's transforms), and where that
        /// tag is.
        var deepest: (level: Int, location: SourceLocation)?
        /// A set-delimiter tag choosing non-ASCII delimiters (swift-mustache would match them
        /// by canonical equivalence, which this byte scanner does not), if any.
        var nonASCIIDelimiters: SourceLocation?
    }

    static func scan(_ text: String) -> Scan {
        var scan = Scan()
        let bytes = Array(text.utf8)
        var open: [UInt8] = Array("{{".utf8), close: [UInt8] = Array("}}".utf8)
        var i = 0, line = 1, lineStart = 0
        // The column of `counted` (counted incrementally: a long line costs linear time).
        var counted = 0, countedColumn = 1
        var level = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1; counted = lineStart; countedColumn = 1; i += 1; continue }
            guard matches(bytes, open, at: i) else { i += 1; continue }
            countedColumn += String(decoding: bytes[counted..<i], as: UTF8.self).count
            counted = i
            let location = SourceLocation(line: line, column: countedColumn)
            var j = i + open.count
            let triple = j < bytes.count && bytes[j] == 0x7B
            if triple { j += 1 }
            guard let end = find(close, in: bytes, from: j) else { break }
            var inner = String(decoding: bytes[j..<end], as: UTF8.self).trimmingWhitespace()
            i = end + close.count + (triple && end + close.count < bytes.count && bytes[end + close.count] == 0x7D ? 1 : 0)
            // Tags are on one line except comments and set-delimiters; count the lines they span.
            for k in j..<end where bytes[k] == 0x0A { line += 1; lineStart = k + 1; counted = lineStart; countedColumn = 1 }
            guard let sigil = inner.first else { continue }
            switch sigil {
            case "!", "%":
                continue
            case "=":
                let parts = inner.dropFirst().dropLast(inner.hasSuffix("=") ? 1 : 0).split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { open = Array(parts[0].utf8); close = Array(parts[1].utf8) }
                if (open + close).contains(where: { $0 >= 0x80 }) {
                    scan.nonASCIIDelimiters = location
                    return scan
                }
            case "/":
                level = max(0, level - 1)
            case ">", "<":
                inner.removeFirst()
                let name = inner.trimmingWhitespace()
                let kind: Reference.Kind = name.hasPrefix("*") ? .dynamicPartial : sigil == ">" ? .partial : .parent
                scan.note(level + 1, at: location)
                scan.references.append(Reference(kind: kind, name: name, location: location, level: level))
                if sigil == "<" { level += 1 }
            case "#", "^", "$", "&":
                inner.removeFirst()
                scan.note(level + 1 + transforms(inner), at: location)
                if sigil != "$" {
                    let name = strippingTransforms(inner.trimmingWhitespace())
                    scan.references.append(Reference(kind: .variable, name: name, location: location, level: level))
                }
                if sigil != "&" { level += 1 }
            default:
                scan.note(level + 1 + transforms(inner), at: location)
                scan.references.append(Reference(kind: .variable, name: strippingTransforms(inner), location: location, level: level))
            }
        }
        return scan
    }

    /// How many transforms a name applies (`uppercased(reversed(x))`: 2); swift-mustache
    /// parses them recursively, so they count as nesting.
    private static func transforms(_ name: String) -> Int {
        name.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "(") ? 1 : 0) }
    }

    /// `uppercased(title)` → `title`.
    private static func strippingTransforms(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close])
    }

    private static func matches(_ bytes: [UInt8], _ delimiter: [UInt8], at index: Int) -> Bool {
        guard !delimiter.isEmpty, index + delimiter.count <= bytes.count else { return false }
        for k in 0..<delimiter.count where bytes[index + k] != delimiter[k] { return false }
        return true
    }

    private static func find(_ delimiter: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k < bytes.count {
            if matches(bytes, delimiter, at: k) { return k }
            k += 1
        }
        return nil
    }
}

private extension TemplateScanner.Scan {
    mutating func note(_ level: Int, at location: SourceLocation) {
        if level > (deepest?.level ?? 0) { deepest = (level, location) }
    }
}
