/// Writes text as a YAML double-quoted scalar, the one way generated YAML (`explainer new`'s
/// front matter) quotes what a person typed: any title reads back as exactly itself, whatever
/// it holds (`"`, `:`, `#`, `\`, a leading `-` or `[`, line breaks, controls).
enum YAMLEscaping {
    /// `text` between double quotes: `\` and `"` escaped, and every character YAML would fold,
    /// refuse or mistake for a line break (C0 and C1 controls, DEL, U+2028, U+2029, U+FEFF,
    /// U+FFFE, U+FFFF) written as an escape; everything else as it is.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
