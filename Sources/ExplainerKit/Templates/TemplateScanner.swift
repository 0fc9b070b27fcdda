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
            /// `{{$name}}…{{/name}}` outside a parent's direct content: renders the override
            /// of block `name` an enclosing parent defines (anywhere up the render), if any.
            case block
            case variable
        }
        var kind: Kind
        var name: String
        var location: SourceLocation
        /// How many sections, blocks and parents enclose the tag.
        var level: Int
        /// The blocks whose overrides (`{{<parent}}{{$name}}…{{/name}}{{/parent}}`) contain
        /// the tag: it is rendered wherever such a block is expanded.
        var overrides: [String] = []
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
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var i = 0
        var line = 1
        var lineStart = 0
        // The column of `counted` (counted incrementally: a long line costs linear time).
        var counted = 0
        var countedColumn = 1
        // The open sections, blocks and parents: whether each is a parent, and the name of
        // each block override.
        var enclosing: [(isParent: Bool, override: String?)] = []
        var overrides: [String] = []
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
                if enclosing.popLast()?.override != nil { overrides.removeLast() }
            case ">", "<":
                inner.removeFirst()
                let name = inner.trimmingWhitespace()
                let kind: Reference.Kind = name.hasPrefix("*") ? .dynamicPartial : sigil == ">" ? .partial : .parent
                scan.note(enclosing.count + 1, at: location)
                scan.references.append(Reference(kind: kind, name: name, location: location, level: enclosing.count, overrides: overrides))
                if sigil == "<" { enclosing.append((true, nil)) }
            case "$":
                inner.removeFirst()
                let name = inner.trimmingWhitespace()
                scan.note(enclosing.count + 1, at: location)
                if enclosing.last?.isParent == true {
                    enclosing.append((false, name))
                    overrides.append(name)
                } else {
                    scan.references.append(
                        Reference(kind: .block, name: name, location: location, level: enclosing.count, overrides: overrides))
                    enclosing.append((false, nil))
                }
            case "#", "^", "&":
                inner.removeFirst()
                scan.note(enclosing.count + 1 + transforms(inner), at: location)
                let name = strippingTransforms(inner.trimmingWhitespace())
                scan.references.append(Reference(kind: .variable, name: name, location: location, level: enclosing.count))
                if sigil != "&" { enclosing.append((false, nil)) }
            default:
                scan.note(enclosing.count + 1 + transforms(inner), at: location)
                scan.references.append(
                    Reference(kind: .variable, name: strippingTransforms(inner), location: location, level: enclosing.count))
            }
            // Past the limit the template is refused: scanning on would only cost time.
            if let deepest = scan.deepest, deepest.level > TemplateGraph.maximumDepth { return scan }
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
