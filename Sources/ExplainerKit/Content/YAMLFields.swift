import Yams

/// Reads typed fields out of a composed YAML mapping, collecting a diagnostic (with the file,
/// line and column of the offending node) for every missing, mistyped or unknown field.
///
/// Used by both the front matter and `site.yml` decoders so that both report errors the same way.
struct YAMLFields {
    let file: String
    /// Added to YAML line numbers: the line of the file where the YAML text starts, minus one.
    let lineOffset: Int
    let mapping: Node.Mapping
    let mappingMark: Mark?
    private(set) var diagnostics: [Diagnostic] = []
    /// The keys of `mapping` read through `field` (every typed reader does), in the order first
    /// read: the keys the decoder knows, so that the read is where a key is declared.
    private(set) var knownKeys: [String] = []

    init(file: String, lineOffset: Int, composed: YAMLDocument.Composed) {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = composed.mapping
        self.mappingMark = composed.mark
    }

    /// The tag of `node` as Yams' default resolver names it.
    func tagName(_ node: Node) -> String {
        node.tag.rawValue
    }

    func kind(of node: Node) -> String {
        Self.kind(of: node)
    }

    func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    /// An error at `node` (at the mapping when `node` is nil or has no mark).
    mutating func error(at node: Node?, _ message: String, hint: String = "") {
        let loc = location(node) ?? mappingMark.map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
        diagnostics.append(Diagnostic(.error, file: file, line: loc?.line, column: loc?.column, message: message, hint: hint))
    }

    /// The value node for `key`, if present.
    func node(_ key: String) -> Node? {
        Self.value(key, in: mapping)
    }

    /// The value node for `key`, if present, declaring `key` known (`refuseUnknownKeys`).
    mutating func field(_ key: String) -> Node? {
        if !knownKeys.contains(key) { knownKeys.append(key) }
        return node(key)
    }

    /// `mapping[key]` as Yams' subscript with its default resolver answers it (the last key with
    /// the same text and the tag a plain `key` would have), without its cost: that builds a key
    /// node per lookup and compares it, tags resolved, with every key. Here keys are compared by
    /// their text; only a key with the same text has its tag compared. Used for every lookup
    /// in this document, e.g. in a timeline entry.
    func value(_ key: String, in mapping: Node.Mapping) -> Node? {
        Self.value(key, in: mapping)
    }

    static func value(_ key: String, in mapping: Node.Mapping) -> Node? {
        var index = mapping.endIndex
        var keyTag: String?
        while index > mapping.startIndex {
            index -= 1
            let entry = mapping[index]
            guard case .scalar(let scalar) = entry.key, scalar.string == key else { continue }
            let tag = keyTag ?? YAMLTags.plainScalarTag(key)
            keyTag = tag
            if entry.key.tag.rawValue == tag { return entry.value }
        }
        return nil
    }

    /// Refuses every key that was not read (`knownKeys`), with an error naming the nearest
    /// known key: a mistyped key would otherwise drop its content from the page without a
    /// word. Called after every field is read; these errors come first. `extraKey`, when there
    /// is one, is the key under which authors keep fields of their own.
    mutating func refuseUnknownKeys(extraKey: String? = nil) {
        let known = knownKeys
        let extra = extraKey.map { " Keep fields of your own under `\($0):`." } ?? ""
        let fieldErrors = diagnostics
        diagnostics = []
        defer { diagnostics += fieldErrors }
        for key in mapping.keys {
            guard let name = key.scalar?.string else {
                error(at: key, "A key must be plain text.", hint: "Write keys as `name: value`.")
                continue
            }
            if known.contains(name) { continue }
            let nearest = EditDistance.nearest(to: name, in: known)
            let hint =
                nearest.map { "Did you mean `\($0)`? Known keys: \(known.joined(separator: ", "))." }
                ?? "Known keys: \(known.joined(separator: ", "))."
            error(at: key, "Unknown key `\(UnsafeCharacters.printable(name))`.", hint: hint + extra)
        }
    }

    // MARK: - Typed readers

    mutating func requiredString(_ key: String, what: String) -> String? {
        guard let node = field(key) else {
            error(at: nil, "Missing required field `\(key)`.", hint: "Add `\(key): \(what)` to the front matter.")
            return nil
        }
        return string(node, key: key, what: what)
    }

    mutating func optionalString(_ key: String, what: String) -> String? {
        guard let node = field(key) else { return nil }
        return string(node, key: key, what: what)
    }

    /// The language tag of `key` (`language: de-DE`), nil when absent or not a tag (an error).
    mutating func languageTag(_ key: String) -> LanguageTag? {
        guard let text = optionalString(key, what: "en") else { return nil }
        guard let tag = LanguageTag(text) else {
            error(
                at: node(key), "`\(key): \(text)` is not a language tag.",
                hint: "Write a BCP 47 tag: a language (`de`), then a region if it matters (`de-CH`, `pt-BR`).")
            return nil
        }
        return tag
    }

    mutating func string(_ node: Node, key: String, what: String) -> String? {
        let tag = tagName(node)
        guard let scalar = node.scalar, tag != Tag.Name.null.rawValue, tag != Tag.Name.bool.rawValue else {
            error(at: node, "`\(key)` must be text, not a \(kind(of: node)).", hint: "Write `\(key): \(what)`.")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty {
            error(at: node, "`\(key)` is empty.", hint: "Write `\(key): \(what)`.")
            return nil
        }
        if let character = UnsafeCharacters.first(in: text) {
            error(
                at: node, "`\(key)` contains \(UnsafeCharacters.describe(character)).",
                hint: UnsafeCharacters.hint(for: character))
            return nil
        }
        return text
    }

    /// A YAML boolean: the plain (unquoted) scalar `true` or `false` (any case YAML allows).
    /// Text that only looks like one (`"true"`, `"on"`), YAML 1.1's `yes`/`on`/`no`/`off`
    /// and numbers are errors, so that nothing but `true` turns a setting on.
    mutating func bool(_ key: String, default value: Bool) -> Bool {
        guard let node = field(key) else { return value }
        if let scalar = node.scalar, scalar.style == .plain, tagName(node) == Tag.Name.bool.rawValue {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        let written = node.scalar.map { $0.style == .plain ? "`\($0.string)`" : "the quoted text `\($0.string)`" } ?? "a \(kind(of: node))"
        error(
            at: node, "`\(key)` must be `true` or `false`, not \(written).",
            hint: "Write `\(key): true` or `\(key): false`, without quotes.")
        return value
    }

    /// A whole number from `range` (a plain scalar of decimal digits).
    mutating func integer(_ key: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let node = field(key) else { return value }
        guard let scalar = node.scalar, scalar.style == .plain, let number = Int(scalar.string), range.contains(number) else {
            error(
                at: node, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                hint: "Write e.g. `\(key): \(value)`.")
            return value
        }
        return number
    }

    /// A list of whole numbers from `range` (`[480, 960, 1600]`), or `value` when the key is
    /// absent; an empty list, or an item that is not such a number, is an error.
    mutating func integerList(_ key: String, default value: [Int], range: ClosedRange<Int>) -> [Int] {
        guard let node = field(key) else { return value }
        let example = "`\(key): [\(value.map(String.init).joined(separator: ", "))]`"
        guard case .sequence(let items) = node, !items.isEmpty else {
            error(at: node, "`\(key)` must be a list of whole numbers.", hint: "Write e.g. \(example).")
            return value
        }
        var numbers: [Int] = []
        for item in items {
            guard let scalar = item.scalar, scalar.style == .plain, let number = Int(scalar.string), range.contains(number) else {
                error(
                    at: item, "Each item of `\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                    hint: "Write e.g. \(example).")
                continue
            }
            numbers.append(number)
        }
        return numbers.isEmpty ? value : numbers
    }

    /// The fields of the mapping under `key` (`media: { maxFileSize: 50 }`), read like the
    /// document's own; nil when the key is absent or not a mapping (an error then). Hand it
    /// back with `absorb` once read, so that its problems are reported with the others.
    mutating func mapping(_ key: String, what: String) -> YAMLFields? {
        guard let node = field(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            error(at: node, "`\(key)` must be a mapping, not a \(kind(of: node)).", hint: "Write `\(key): \(what)`.")
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, composed: YAMLDocument.Composed(mapping: mapping, mark: node.mark))
    }

    /// Takes the problems of a nested mapping's fields (`mapping(_:what:)`), its unknown keys
    /// refused first.
    mutating func absorb(_ nested: consuming YAMLFields) {
        nested.refuseUnknownKeys()
        diagnostics += nested.diagnostics
    }

    /// The item nodes of the list under `key` (a single string is a list of one), or nil when
    /// the key is absent or no list (an error then: "`key` must be `what`, not a …", `hint`).
    /// For lists whose items are checked one by one, at their own lines.
    mutating func listItems(_ key: String, what: String, hint: String) -> [Node]? {
        guard let node = field(key) else { return nil }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar where tagName(node) == Tag.Name.str.rawValue: return [node]
        default:
            error(at: node, "`\(key)` must be \(what), not a \(kind(of: node)).", hint: hint)
            return nil
        }
    }

    /// A list of strings; a single string is accepted as a one-item list.
    mutating func stringList(_ key: String, what: String) -> [String] {
        guard let node = field(key) else { return [] }
        switch node {
        case .sequence(let seq):
            var out: [String] = []
            for item in seq {
                if let s = string(item, key: "\(key) item", what: what) { out.append(s) }
            }
            return out
        case .scalar where tagName(node) == Tag.Name.str.rawValue:
            return string(node, key: key, what: what).map { [$0] } ?? []
        default:
            error(
                at: node, "`\(key)` must be a list of text, not a \(kind(of: node)).",
                hint: "Write `\(key): [\(what), …]`.")
            return []
        }
    }

    /// A date (`2025-07-04`), any time written after it ignored: the calendar date as written.
    mutating func date(_ key: String, required: Bool) -> ArticleDate? {
        timestamp(key, required: required)?.date
    }

    /// A date with the time written after it, if any (`2025-07-04T10:00:00+02:00`).
    mutating func timestamp(_ key: String, required: Bool) -> ArticleTimestamp? {
        guard let node = field(key) else {
            if required {
                error(at: nil, "Missing required field `\(key)`.", hint: "Add `\(key): 2025-07-04` (year-month-day).")
            }
            return nil
        }
        guard let text = node.scalar?.string, let timestamp = ArticleTimestamp(iso: text) else {
            error(
                at: node,
                "`\(key)` must be a date like 2025-07-04, not `\(node.scalar.map { UnsafeCharacters.printable($0.string) } ?? kind(of: node))`.",
                hint: "Write the date as year-month-day, e.g. `\(key): 2025-07-04`; a time may follow, "
                    + "e.g. `2025-07-04T10:00:00+02:00` (hours 0-23, minutes and seconds 0-59), the date is kept as written.")
            return nil
        }
        return timestamp
    }

    /// What `node` is, in the words of messages ("number", "list", …).
    static func kind(of node: Node) -> String {
        switch node {
        case .scalar:
            switch node.tag.rawValue {
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "number"
            case Tag.Name.bool.rawValue: return "true/false value"
            case Tag.Name.null.rawValue: return "empty value"
            default: return "text"
            }
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }
}
