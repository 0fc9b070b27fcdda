import Synchronization
import Yams

/// Composes the small part of YAML that front matter uses into exactly the `Node` that
/// `Yams.compose(yaml:, .basic)` returns (same strings, tags, styles, marks and key order),
/// without libyaml's event machinery; or answers `nil` ("not sure"), and the caller composes
/// with Yams as before, so every error and every unusual input keeps Yams' own answer.
///
/// The subset: block mappings and block sequences nested by indentation (including a mapping
/// started on a `- ` line and a sequence at its key's indentation), one-line flow mappings and
/// flow sequences of scalars, one-line plain, single- and double-quoted scalars, empty values,
/// comments and blank lines. Anything else answers `nil`: tabs, control characters, document
/// markers and directives, anchors, aliases, tags, block scalars (`|`, `>`), multi-line scalars
/// or flow collections, complex keys, plain scalars starting with an indicator, duplicate keys
/// (Yams reports those), odd indentation and every syntax error.
///
/// What libyaml gives, and this copies: plain scalars have an implicit tag, quoted ones
/// `tag:yaml.org,2002:str`; mappings and sequences an implicit tag and style `.any` (Yams reads
/// the style from the end event, which carries none); every tag uses `Resolver.basic` and
/// `Constructor.default`; a collection's mark is its first key or `-` (block) or its bracket
/// (flow); an empty value's mark is just after its `:` or `-`. Marks count lines and columns
/// from 1, columns in Unicode scalars; each is a mark Yams made (see `MarkTable`).
struct YAMLSubsetComposer {
    /// The node Yams would compose from `yaml` with `Resolver.basic`, or nil when not sure.
    static func compose(_ yaml: String) -> Node? {
        guard !MarkTable.shared.isFull else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var composer = YAMLSubsetComposer(bytes: bytes)
            return composer.document()
        }
    }

    /// One line holding content (neither blank nor only a comment).
    private struct Line {
        /// Line number from 1.
        var number: Int
        /// Byte offsets of its first byte and of its end (its `\n` or the end of the text).
        var start: Int
        var end: Int
        /// Leading spaces.
        var indent: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// One for the whole document, as Yams' `Parser` has (`Constructor.default` builds a new
    /// one, with its tables, at every use).
    private let constructor = Constructor.default
    private var lines: [Line] = []
    /// The content line being read.
    private var current = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    /// Keys longer than this could exceed libyaml's 1024-character limit on simple keys.
    private static let maxKeyBytes = 512

    // MARK: - Document and lines

    private mutating func document() -> Node? {
        guard splitLines(), let first = lines.first, first.indent == 0 else { return nil }
        guard let node = blockNode(first), current == lines.count else { return nil }
        return node
    }

    /// Collects the content lines; false if the text has anything outside the subset's
    /// characters (tabs, control characters, line or paragraph separators, byte order marks,
    /// non-characters) or a line starting a document marker or directive.
    private mutating func splitLines() -> Bool {
        let count = bytes.count
        var position = 0
        var number = 1
        while position < count {
            let start = position
            var indent = 0
            while position < count, bytes[position] == Self.space { position += 1; indent += 1 }
            let contentStart = position
            while position < count {
                let byte = bytes[position]
                if byte == Self.newline { break }
                if byte < 0x20 || byte == 0x7F { return false }
                if byte >= 0x80, !Self.isPrintable(bytes, at: position) { return false }
                position += 1
            }
            let end = position
            if indent == 0, end - start >= 1 {
                let first = bytes[start]
                if first == UInt8(ascii: "%") { return false }
                if end - start >= 3, first == Self.dash || first == UInt8(ascii: "."),
                    bytes[start + 1] == first, bytes[start + 2] == first
                {
                    return false
                }
            }
            if contentStart < end, bytes[contentStart] != Self.hash {
                lines.append(Line(number: number, start: start, end: end, indent: indent))
            }
            position += 1
            number += 1
        }
        return true
    }

    /// Whether the multi-byte character starting at `position` is one libyaml reads as an
    /// ordinary printable character (not a C1 control, NEL, LS, PS, BOM or non-character).
    private static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let byte = bytes[position]
        guard byte >= 0xC0 else { return true }  // a continuation byte, checked with its lead
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        switch byte {
        case 0xC2: return next >= 0xA0
        case 0xE2:
            let third = position + 2 < bytes.count ? bytes[position + 2] : 0
            return !(next == 0x80 && (third == 0xA8 || third == 0xA9))
        case 0xEF:
            let third = position + 2 < bytes.count ? bytes[position + 2] : 0
            return !(next == 0xBB && third == 0xBF) && !(next == 0xBF && (third == 0xBE || third == 0xBF))
        default: return true
        }
    }

    private func mark(_ line: Line, _ position: Int) -> Mark? {
        var column = 1
        var index = line.start
        while index < position {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return MarkTable.shared.mark(line: line.number, column: column)
    }

    private func skipSpaces(_ position: Int, _ end: Int) -> Int {
        var position = position
        while position < end, bytes[position] == Self.space { position += 1 }
        return position
    }

    /// Whether only spaces, or spaces and then a comment, follow `position` on its line.
    private func restIsEmpty(_ position: Int, _ end: Int) -> Bool {
        let next = skipSpaces(position, end)
        return next == end || (next > position && bytes[next] == Self.hash)
    }

    /// Whether `line` starts a block sequence entry at its indentation (`-` then a space or
    /// the end of the line).
    private func isEntry(_ line: Line) -> Bool {
        let dash = line.start + line.indent
        return bytes[dash] == Self.dash && (dash + 1 == line.end || bytes[dash + 1] == Self.space)
    }

    // MARK: - Nodes

    private func tag(_ name: Tag.Name) -> Tag {
        Tag(name, .basic, constructor)
    }

    private func scalar(_ string: String, _ style: Node.Scalar.Style, _ mark: Mark?) -> Node {
        .scalar(Node.Scalar(string, tag(style == .plain ? .implicit : .str), style, mark))
    }

    private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    // MARK: - Block collections

    /// The block mapping or block sequence starting at `line`'s indentation.
    private mutating func blockNode(_ line: Line) -> Node? {
        isEntry(line) ? blockSequence(line.indent) : blockMapping(line.indent, from: line.start + line.indent)
    }

    /// A block mapping whose keys stand at column `indent`, the first key at byte `first` of
    /// the current line (after `- ` for a mapping started on a sequence entry's line).
    private mutating func blockMapping(_ indent: Int, from first: Int) -> Node? {
        var pairs: [(Node, Node)] = []
        var keys: [String] = []
        var line = lines[current]
        let mappingMark = mark(line, first)
        var position = first
        while true {
            guard let (key, keyString, afterColon) = self.key(line, position) else { return nil }
            if keys.contains(keyString) { return nil }
            keys.append(keyString)
            let valueStart = skipSpaces(afterColon, line.end)
            let value: Node
            if valueStart == line.end || bytes[valueStart] == Self.hash {
                current += 1
                if current < lines.count, lines[current].indent > indent {
                    guard let nested = blockNode(lines[current]) else { return nil }
                    value = nested
                } else if current < lines.count, lines[current].indent == indent, isEntry(lines[current]) {
                    guard let nested = blockSequence(indent) else { return nil }
                    value = nested
                } else {
                    value = scalar("", .plain, mark(line, afterColon))
                }
            } else {
                guard let inline = inlineValue(line, valueStart) else { return nil }
                value = inline
                current += 1
                if current < lines.count, lines[current].indent > indent { return nil }
            }
            pairs.append((key, value))
            guard current < lines.count else { break }
            line = lines[current]
            if line.indent < indent { break }
            if line.indent > indent || isEntry(line) { return nil }
            position = line.start + indent
        }
        return .mapping(Node.Mapping(pairs, tag(.implicit), .any, mappingMark))
    }

    /// A block sequence whose `-` stand at column `indent`, starting on the current line.
    private mutating func blockSequence(_ indent: Int) -> Node? {
        var nodes: [Node] = []
        var line = lines[current]
        let sequenceMark = mark(line, line.start + indent)
        while true {
            let afterDash = line.start + indent + 1
            let valueStart = skipSpaces(afterDash, line.end)
            if valueStart == line.end || bytes[valueStart] == Self.hash {
                current += 1
                if current < lines.count, lines[current].indent > indent {
                    guard let nested = blockNode(lines[current]) else { return nil }
                    nodes.append(nested)
                } else {
                    nodes.append(scalar("", .plain, mark(line, afterDash)))
                }
            } else if bytes[valueStart] == Self.openBracket || bytes[valueStart] == Self.openBrace {
                guard let inline = inlineValue(line, valueStart) else { return nil }
                nodes.append(inline)
                current += 1
                if current < lines.count, lines[current].indent > indent { return nil }
            } else {
                // A scalar, or the first key of a mapping started on this line.
                guard let (scalar, _, end) = scalarToken(line, valueStart, flow: false) else { return nil }
                if end < line.end, bytes[end] == Self.colon, end + 1 == line.end || bytes[end + 1] == Self.space {
                    guard let nested = blockMapping(valueStart - line.start, from: valueStart) else { return nil }
                    nodes.append(nested)
                } else {
                    guard restIsEmpty(end, line.end) else { return nil }
                    nodes.append(scalar)
                    current += 1
                    if current < lines.count, lines[current].indent > indent { return nil }
                }
            }
            guard current < lines.count else { break }
            line = lines[current]
            if line.indent < indent { break }
            if line.indent > indent { return nil }
            if !isEntry(line) { break }
        }
        return .sequence(Node.Sequence(nodes, tag(.implicit), .any, sequenceMark))
    }

    // MARK: - Keys and values on one line

    /// The key at `position` (plain or quoted), its text, and the position after its `:`
    /// (which a space or the end of the line follows).
    private func key(_ line: Line, _ position: Int) -> (Node, String, Int)? {
        guard let (node, text, end) = scalarToken(line, position, flow: false),
            end - position <= Self.maxKeyBytes,
            end < line.end, bytes[end] == Self.colon,
            end + 1 == line.end || bytes[end + 1] == Self.space
        else { return nil }
        return (node, text, end + 1)
    }

    /// A value that ends on its line (scalar or flow collection), followed only by spaces or
    /// a comment.
    private func inlineValue(_ line: Line, _ position: Int) -> Node? {
        let node: Node
        let end: Int
        switch bytes[position] {
        case Self.openBracket:
            guard let (sequence, after) = flowSequence(line, position) else { return nil }
            (node, end) = (sequence, after)
        case Self.openBrace:
            guard let (mapping, after) = flowMapping(line, position) else { return nil }
            (node, end) = (mapping, after)
        default:
            guard let (scalar, _, after) = scalarToken(line, position, flow: false) else { return nil }
            (node, end) = (scalar, after)
        }
        return restIsEmpty(end, line.end) ? node : nil
    }

    // MARK: - Flow collections

    /// `[a, "b"]` on one line: the node and the position after `]`.
    private func flowSequence(_ line: Line, _ open: Int) -> (Node, Int)? {
        var nodes: [Node] = []
        var position = skipSpaces(open + 1, line.end)
        if position < line.end, bytes[position] != Self.closeBracket {
            while true {
                guard let (node, _, end) = scalarToken(line, position, flow: true) else { return nil }
                nodes.append(node)
                position = skipSpaces(end, line.end)
                guard position < line.end else { return nil }
                if bytes[position] == Self.closeBracket { break }
                guard bytes[position] == Self.comma else { return nil }
                position = skipSpaces(position + 1, line.end)
            }
        }
        guard position < line.end else { return nil }
        return (.sequence(Node.Sequence(nodes, tag(.implicit), .any, mark(line, open))), position + 1)
    }

    /// `{ key: value, … }` on one line: the node and the position after `}`.
    private func flowMapping(_ line: Line, _ open: Int) -> (Node, Int)? {
        var pairs: [(Node, Node)] = []
        var keys: [String] = []
        var position = skipSpaces(open + 1, line.end)
        if position < line.end, bytes[position] != Self.closeBrace {
            while true {
                guard let (key, keyString, keyEnd) = scalarToken(line, position, flow: true),
                    keyEnd - position <= Self.maxKeyBytes,
                    keyEnd + 1 < line.end, bytes[keyEnd] == Self.colon, bytes[keyEnd + 1] == Self.space,
                    !keys.contains(keyString)
                else { return nil }
                keys.append(keyString)
                let valueStart = skipSpaces(keyEnd + 1, line.end)
                guard valueStart < line.end,
                    let (value, _, valueEnd) = scalarToken(line, valueStart, flow: true)
                else { return nil }
                pairs.append((key, value))
                position = skipSpaces(valueEnd, line.end)
                guard position < line.end else { return nil }
                if bytes[position] == Self.closeBrace { break }
                guard bytes[position] == Self.comma else { return nil }
                position = skipSpaces(position + 1, line.end)
            }
        }
        guard position < line.end else { return nil }
        return (.mapping(Node.Mapping(pairs, tag(.implicit), .any, mark(line, open))), position + 1)
    }

    // MARK: - Scalars

    /// The scalar starting at `position`: its node, its text, and the position just after it
    /// (after the closing quote; for a plain scalar, after its last non-space character).
    private func scalarToken(_ line: Line, _ position: Int, flow: Bool) -> (Node, String, Int)? {
        guard position < line.end else { return nil }
        switch bytes[position] {
        case Self.doubleQuote: return doubleQuoted(line, position)
        case Self.singleQuote: return singleQuoted(line, position)
        default: return plain(line, position, flow: flow)
        }
    }

    private func plain(_ line: Line, _ start: Int, flow: Bool) -> (Node, String, Int)? {
        switch bytes[start] {
        case Self.dash, UInt8(ascii: "?"), Self.colon, Self.comma, Self.openBracket, Self.closeBracket,
            Self.openBrace, Self.closeBrace, Self.hash, UInt8(ascii: "&"), UInt8(ascii: "*"),
            UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
            UInt8(ascii: "@"), UInt8(ascii: "`"), Self.space:
            return nil
        default: break
        }
        var position = start
        var contentEnd = start
        while position < line.end {
            let byte = bytes[position]
            if byte == Self.space {
                position += 1
                continue
            }
            if byte == Self.hash, bytes[position - 1] == Self.space { break }
            if byte == Self.colon {
                if position + 1 == line.end || bytes[position + 1] == Self.space { break }
                if flow { return nil }
            }
            if flow {
                switch byte {
                case Self.comma, Self.closeBracket, Self.closeBrace:
                    let text = string(start, contentEnd)
                    return (scalar(text, .plain, mark(line, start)), text, contentEnd)
                case Self.openBracket, Self.openBrace, Self.doubleQuote, Self.singleQuote, Self.hash:
                    return nil
                default: break
                }
            }
            position += 1
            contentEnd = position
        }
        if flow, position == line.end { return nil }
        let text = string(start, contentEnd)
        return (scalar(text, .plain, mark(line, start)), text, contentEnd)
    }

    private func singleQuoted(_ line: Line, _ open: Int) -> (Node, String, Int)? {
        var position = open + 1
        var escaped = false
        while true {
            guard position < line.end else { return nil }
            if bytes[position] == Self.singleQuote {
                if position + 1 < line.end, bytes[position + 1] == Self.singleQuote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
        }
        let text = escaped ? unescapeQuotes(open + 1, position) : string(open + 1, position)
        return (scalar(text, .singleQuoted, mark(line, open)), text, position + 1)
    }

    /// The text of a single-quoted scalar's content, each `''` read as `'`.
    private func unescapeQuotes(_ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var position = start
        while position < end {
            out.append(bytes[position])
            position += bytes[position] == Self.singleQuote ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func doubleQuoted(_ line: Line, _ open: Int) -> (Node, String, Int)? {
        var position = open + 1
        var hasEscape = false
        while true {
            guard position < line.end else { return nil }
            let byte = bytes[position]
            if byte == Self.doubleQuote { break }
            if byte == Self.backslash {
                hasEscape = true
                position += 2
                continue
            }
            position += 1
        }
        let close = position
        let text: String
        if hasEscape {
            guard let unescaped = unescape(open + 1, close) else { return nil }
            text = unescaped
        } else {
            text = string(open + 1, close)
        }
        return (scalar(text, .doubleQuoted, mark(line, open)), text, close + 1)
    }

    /// The text of a double-quoted scalar's content with its escapes read, or nil for an
    /// escape libyaml rejects.
    private func unescape(_ start: Int, _ end: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var position = start
        while position < end {
            let byte = bytes[position]
            guard byte == Self.backslash else {
                out.append(byte)
                position += 1
                continue
            }
            guard position + 1 < end else { return nil }
            let code = bytes[position + 1]
            position += 2
            var length = 0
            switch code {
            case UInt8(ascii: "0"): out.append(0)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "e"): out.append(0x1B)
            case Self.space, Self.doubleQuote, UInt8(ascii: "/"), Self.backslash: out.append(code)
            case UInt8(ascii: "N"): out.append(contentsOf: [0xC2, 0x85])
            case UInt8(ascii: "_"): out.append(contentsOf: [0xC2, 0xA0])
            case UInt8(ascii: "L"): out.append(contentsOf: [0xE2, 0x80, 0xA8])
            case UInt8(ascii: "P"): out.append(contentsOf: [0xE2, 0x80, 0xA9])
            case UInt8(ascii: "x"): length = 2
            case UInt8(ascii: "u"): length = 4
            case UInt8(ascii: "U"): length = 8
            default: return nil
            }
            guard length > 0 else { continue }
            guard position + length <= end else { return nil }
            var value: UInt32 = 0
            for index in position..<(position + length) {
                guard let digit = Self.hexValue(bytes[index]) else { return nil }
                value = (value << 4) + UInt32(digit)
            }
            position += length
            guard let scalar = Unicode.Scalar(value) else { return nil }
            out.append(contentsOf: scalar.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Marks for the composer. Yams' `Mark` has no initialiser, so the mark of a line and
/// column is taken from the node Yams composes there (a plain scalar after `line - 1` empty
/// lines and `column - 1` spaces), once per place, and kept for every later document. Front
/// matter uses a few hundred places; once `capacity` are kept, the composer answers nil (Yams
/// composes), so odd files cannot make it compose ever more marks. (Should Yams ever put the
/// node elsewhere there would be no mark: the tests compare every mark with Yams'.)
private final class MarkTable: Sendable {
    static let shared = MarkTable()
    private static let capacity = 20_000
    private let marks = Mutex<[Int: Mark]>([:])

    var isFull: Bool { marks.withLock { $0.count >= Self.capacity } }

    func mark(line: Int, column: Int) -> Mark? {
        let key = line << 32 | column
        if let mark = marks.withLock({ $0[key] }) { return mark }
        let text = String(repeating: "\n", count: line - 1) + String(repeating: " ", count: column - 1) + "x"
        guard let made = (try? Yams.compose(yaml: text, .basic))?.flatMap(\.mark),
            made.line == line, made.column == column
        else { return nil }
        marks.withLock { $0[key] = made }
        return made
    }
}
