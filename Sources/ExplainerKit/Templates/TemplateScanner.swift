/// Finds the partials and variables a Mustache template refers to, with their positions, for
/// checks the Mustache library does not make (it renders a missing partial or variable as
/// nothing). Understands the default `{{ }}` delimiters only.
enum TemplateScanner {
    struct Reference: Equatable {
        enum Kind { case partial, variable }
        var kind: Kind
        var name: String
        var location: SourceLocation
    }

    static func references(in text: String) -> [Reference] {
        var out: [Reference] = []
        let bytes = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
            guard bytes[i] == 0x7B, bytes[i + 1] == 0x7B else { i += 1; continue }
            let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
            var j = i + 2
            var triple = false
            if j < bytes.count, bytes[j] == 0x7B { triple = true; j += 1 }
            guard let close = find(bytes, from: j) else { break }
            var inner = String(decoding: bytes[j..<close], as: UTF8.self).trimmingWhitespace()
            i = close + 2 + (triple && close + 2 < bytes.count && bytes[close + 2] == 0x7D ? 1 : 0)
            guard let sigil = inner.first else { continue }
            let location = SourceLocation(line: line, column: column)
            switch sigil {
            case "!", "=", "%", "/", "$":
                continue
            case ">", "<":
                inner.removeFirst()
                let name = inner.trimmingWhitespace()
                if !name.hasPrefix("*") {
                    out.append(Reference(kind: .partial, name: name, location: location))
                }
            case "#", "^", "&":
                inner.removeFirst()
                out.append(Reference(kind: .variable, name: strippingTransforms(inner.trimmingWhitespace()), location: location))
            default:
                out.append(Reference(kind: .variable, name: strippingTransforms(inner), location: location))
            }
        }
        return out
    }

    /// `uppercased(title)` → `title`.
    private static func strippingTransforms(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close])
    }

    private static func find(_ bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + 1 < bytes.count {
            if bytes[k] == 0x7D, bytes[k + 1] == 0x7D { return k }
            k += 1
        }
        return nil
    }
}
