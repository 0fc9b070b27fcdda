internal import CYaml

/// Bounds what YAML aliases (`*name`, repeating the node anchored `&name`) may repeat, before
/// anything is composed: a few lines of nested aliases ("billion laughs") stand for billions
/// of values, which Yams would hash (mapping keys) and the decoder would walk and copy.
///
/// One pass over libyaml's events, in time and memory linear in the text: each anchor's size
/// (values, and bytes of scalar text, with its own aliases written out) is remembered, and
/// each alias adds its anchor's size. Past `maxValues` values or `maxBytes` bytes repeated
/// through aliases, the alias that crosses the limit is reported. Text without an anchor
/// (`&name` where a value can start) has no alias that could repeat anything and is not looked
/// at, so Markdown emphasis (`*power*`) in a quoted key point costs one byte scan. Text libyaml
/// cannot parse is left to Yams, which reports it.
enum YAMLAliasLimit {
    /// Values (scalars, lists, mappings) all aliases together may repeat.
    static let maxValues = 10_000
    /// Bytes of scalar text all aliases together may repeat.
    static let maxBytes = 100_000

    /// The alias that makes the text repeat too much: its name and its line and column (from 1).
    struct Excess: Equatable {
        var anchor: String
        var line: Int
        var column: Int
    }

    static func excess(in yaml: String) -> Excess? {
        guard mayHaveAnchor(yaml.utf8) else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return walk(&parser)
        }
    }

    /// Whether `text` may define an anchor: an `&` where a token starts (at the start of a line
    /// or after a space, `[`, `{`, `,` or `:`) followed by a character of a name. Quoted text such as
    /// "Tom &Jerry" passes too, which only costs the walk; no anchor is ever missed.
    static func mayHaveAnchor(_ text: String.UTF8View) -> Bool {
        var previous = UInt8(ascii: "\n")
        var afterAmpersand = false
        for byte in text {
            if afterAmpersand && byte > 0x20 && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "[")
                && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
            {
                return true
            }
            afterAmpersand =
                byte == UInt8(ascii: "&")
                && (previous == UInt8(ascii: "\n") || previous == UInt8(ascii: " ")
                    || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                    || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "\r"))
            previous = byte
        }
        return false
    }

    /// A value's size with its aliases written out.
    private struct Size {
        var values = 0
        var bytes = 0

        static func += (lhs: inout Size, rhs: Size) {
            lhs.values += rhs.values
            lhs.bytes += rhs.bytes
        }
    }

    private static func walk(_ parser: inout yaml_parser_t) -> Excess? {
        var anchors: [String: Size] = [:]
        /// Open collections: their anchor and their size so far. The first holds the stream.
        var open: [(anchor: String?, size: Size)] = [(nil, Size())]
        var repeated = Size()
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                let size = Size(values: 1, bytes: event.data.scalar.length)
                if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = size }
                open[open.count - 1].size += size
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), Size(values: 1)))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), Size(values: 1)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard open.count > 1 else { return nil }
                let closed = open.removeLast()
                if let anchor = closed.anchor { anchors[anchor] = closed.size }
                open[open.count - 1].size += closed.size
            case YAML_ALIAS_EVENT:
                // An unknown anchor is Yams' error to report ("found undefined alias").
                guard let anchor = name(event.data.alias.anchor), let size = anchors[anchor] else { continue }
                repeated += size
                if repeated.values > maxValues || repeated.bytes > maxBytes {
                    return Excess(
                        anchor: anchor, line: Int(event.start_mark.line) + 1,
                        column: Int(event.start_mark.column) + 1)
                }
                open[open.count - 1].size += size
            default:
                continue
            }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
