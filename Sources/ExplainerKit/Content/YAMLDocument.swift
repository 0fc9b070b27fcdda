import Yams

/// Composes YAML text into a mapping node, turning Yams errors into diagnostics that point at
/// the file's own line and column (not the YAML fragment's).
///
/// The one entry point of front matter and `site.yml` into YAML: what aliases may repeat is
/// bounded here (`YAMLAliasLimit`), before either composer runs.
enum YAMLDocument {
    /// A composed mapping and its location; every node's tag is the one `Yams.compose(yaml:)`
    /// gives it.
    struct Composed {
        var mapping: Node.Mapping
        var mark: Mark?
    }

    /// The mapping `yaml` composes to; `lineOffset` is added to YAML line numbers, `what`
    /// names the text in messages ("front matter").
    static func mapping(
        _ yaml: String, file: String, lineOffset: Int, what: String
    ) throws(BuildFailure) -> Composed {
        // Yams' default resolver matches every plain scalar against up to seven regular
        // expressions; composing with `Resolver.basic` and setting plain scalars' tags with
        // `YAMLTags` gives the same tree without them. Two cases where `basic` could differ, both
        // absent from real front matter, take Yams' own path: explicit tags (`!!str 5`: any `!`
        // in the text; `basic` has resolved keys' tags by then, so `YAMLTags` could not tell an
        // explicit `!!str` key from a plain one) and keys duplicated only under `basic` (`1:` and
        // `"1":`), which it reports as duplicates while the default does not.
        if let excess = YAMLAliasLimit.excess(in: yaml) {
            throw BuildFailure(
                Diagnostic(
                    file: file, line: excess.line + lineOffset, column: excess.column,
                    message: "The alias `*\(excess.anchor)` makes the \(what) repeat more than "
                        + "\(YAMLAliasLimit.maxValues) values or \(YAMLAliasLimit.maxBytes / 1000) KB of text.",
                    hint: "Write the values out instead: aliases (`*name`) may repeat at most "
                        + "\(YAMLAliasLimit.maxValues) values and \(YAMLAliasLimit.maxBytes / 1000) KB of text in all."))
        }
        let node: Node?
        do {
            if yaml.utf8.contains(UInt8(ascii: "!")) {
                node = try Yams.compose(yaml: yaml)
            } else {
                do {
                    node = try composedWithBasicResolver(yaml).map(YAMLTags.resolved)
                } catch YamlError.duplicatedKeysInMapping {
                    node = try Yams.compose(yaml: yaml)
                }
            }
        } catch let error as YamlError {
            throw BuildFailure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            throw BuildFailure(Diagnostic(file: file, message: "Could not read the YAML: \(error)."))
        }
        guard let node else {
            throw BuildFailure(
                Diagnostic(
                    file: file, line: lineOffset + 1,
                    message: "The \(what) is empty.",
                    hint: "Write `key: value` lines, at least `title:`."))
        }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark
            throw BuildFailure(
                Diagnostic(
                    file: file, line: mark.map { $0.line + lineOffset }, column: mark?.column,
                    message: "The \(what) must be a set of `key: value` lines, not a \(YAMLFields.kind(of: node)).",
                    hint: "Write one `key: value` per line, e.g. `title: My explainer`."))
        }
        return Composed(mapping: mapping, mark: node.mark)
    }

    /// `yaml` composed with `Resolver.basic` (plain scalars' tags are then set by `YAMLTags`):
    /// by `YAMLSubsetComposer` when the text is in its subset, else by Yams.
    private static func composedWithBasicResolver(_ yaml: String) throws -> Node? {
        if let node = YAMLSubsetComposer.compose(yaml) { return node }
        return try Yams.compose(yaml: yaml, .basic)
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return Diagnostic(
                file: file, line: mark.line + lineOffset, column: mark.column,
                message: message + ".",
                hint: "Check indentation and quoting here; text containing `: ` or starting with a quote must be quoted as a whole.")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return at(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return at(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return at(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                message:
                    "Duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in the front matter.",
                hint: "Keep one of them: YAML does not allow a key twice in the same mapping.")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, message: "YAML could not be read: \(problem).", hint: "Save the file as UTF-8 text.")
        default:
            return Diagnostic(file: file, message: "YAML error: \(error).")
        }
    }
}
