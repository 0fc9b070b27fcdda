import Yams

/// Reads one translation table (`i18n/de.yml`): a YAML mapping of keys to texts, or to a
/// mapping of plural forms (`one:`, `other:`…, `other` required). Which language it is for
/// comes from the file's name (`de.yml` → `de`). Every problem is a diagnostic at its line.
enum TranslationTableDecoder {
    /// One decoded table.
    struct Table: Sendable {
        let language: LanguageTag
        let messages: [String: TranslationMessage]
        /// Where each key stands (for warnings about it).
        let locations: [String: SourceLocation]
    }

    /// The language a table's file name names (`i18n/de-CH.yml` → `de-CH`), nil when it is not a
    /// language tag.
    static func language(ofTable path: String) -> LanguageTag? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".yml") else { return nil }
        return LanguageTag(String(name.dropLast(4)))
    }

    static func decode(_ file: SourceFile) throws(BuildFailure) -> Table {
        guard let language = language(ofTable: file.path) else {
            throw BuildFailure(
                Diagnostic(
                    file: file.path, message: "A translation table's name must be a language tag and `.yml`.",
                    hint: "Name it after the language it translates to: `de.yml`, `pt-BR.yml`."))
        }
        let text = try TextDecoding.decode(file)
        var messages: [String: TranslationMessage] = [:]
        var locations: [String: SourceLocation] = [:]
        guard !text.allSatisfy(\.isWhitespace) else { return Table(language: language, messages: [:], locations: [:]) }
        let composed = try YAMLDocument.mapping(text, file: file.path, lineOffset: 0, what: "translation table")
        var problems: [Diagnostic] = []
        func problem(_ node: Node, _ message: String, _ hint: String) {
            problems.append(
                Diagnostic(
                    file: file.path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, message: message, hint: hint))
        }
        for (keyNode, value) in composed.mapping {
            guard let key = keyNode.string, !key.isEmpty else {
                problem(keyNode, "A translation key must be a name.", "Write `key: text`, as in the embedded English table.")
                continue
            }
            if let mark = keyNode.mark { locations[key] = SourceLocation(line: mark.line, column: mark.column) }
            if let scalar = value.scalar {
                messages[key] = .text(scalar.string)
            } else if let forms = value.mapping {
                var plural: [PluralCategory: String] = [:]
                for (formNode, formValue) in forms {
                    guard let name = formNode.string, let category = PluralCategory(rawValue: name) else {
                        problem(
                            formNode, "`\(formNode.string ?? "?")` of `\(key)` is not a plural form.",
                            "Use CLDR's forms: zero, one, two, few, many, other.")
                        continue
                    }
                    guard let text = formValue.scalar?.string else {
                        problem(formValue, "The `\(name)` form of `\(key)` must be a text.", "Write `\(name): text`.")
                        continue
                    }
                    plural[category] = text
                }
                if plural[.other] == nil {
                    problem(value, "`\(key)` has no `other` form.", "Every plural message needs `other:`, the form most counts take.")
                }
                messages[key] = .plural(plural)
            } else {
                problem(value, "`\(key)` must be a text or a mapping of plural forms.", "Write `\(key): text`.")
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return Table(language: language, messages: messages, locations: locations)
    }
}
