import Mustache

/// The site's Mustache templates, parsed once and checked: every page kind has its template,
/// every partial a template names exists, no template includes or inherits from itself
/// (directly or through others) or nests too deeply (`TemplateGraph`), and every variable a
/// template uses is one the pages provide (a warning otherwise), `t.KEY` only for a key of the
/// theme's strings. A `TemplateSet` exists only
/// through `load`, so whatever renders one always finishes.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Template names (path below `Templates/` without `.mustache`): `layout`, `partials/nav`.
    let names: Set<String>
    /// Problems that do not stop the build (unknown variables).
    let warnings: [Diagnostic]
    /// The element ids the templates write as they are (`main`, `toc`…): never given to a
    /// heading (see `TemplateIDs`).
    let elementIDs: Set<String>

    /// Parses `files` (paths ending in `.mustache`). `folder` is the display prefix of paths,
    /// e.g. `Templates`, used to name templates relative to it (or to `(embedded theme)`, the
    /// embedded theme's, `EmbeddedTheme.folder`). The warnings ride on the set
    /// (`warnings`); a failure carries the errors and the warnings.
    static func load(_ files: [SourceFile], folder: String) throws(BuildFailure) -> TemplateSet {
        var library = MustacheLibrary()
        var names: Set<String> = []
        var scanned: [TemplateGraph.Template] = []
        var diagnostics: [Diagnostic] = []
        var elementIDs: Set<String> = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for file in files.sorted(by: { $0.path < $1.path }) {
            var name = file.path
            if let folder = [prefix, EmbeddedTheme.folder + "/"].first(where: name.hasPrefix) { name.removeFirst(folder.count) }
            guard name.hasSuffix(".mustache") else { continue }
            name = String(name.dropLast(".mustache".count))
            let text: String
            do { text = try TextDecoding.decode(file) } catch { diagnostics += error.diagnostics; continue }
            // Scanned before parsing: swift-mustache parses nested sections recursively.
            let scan = TemplateScanner.scan(text)
            if let problem = TemplateGraph.parsingProblem(scan, file: file.path) {
                names.insert(name)
                diagnostics.append(problem)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                scanned.append(TemplateGraph.Template(name: name, path: file.path, scan: scan))
                elementIDs.formUnion(TemplateIDs.literal(in: text))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        file: file.path, line: error.context.lineNumber, column: error.context.columnNumber,
                        message: "Template syntax error: \(describe(error.error)).",
                        hint: "Check that every `{{#section}}` has a matching `{{/section}}` and every tag is closed with `}}`."))
            } catch {
                diagnostics.append(Diagnostic(file: file.path, message: "Template error: \(error)."))
            }
        }
        for kind in Page.Kind.allCases where !names.contains(kind.template) {
            diagnostics.append(
                Diagnostic(
                    file: prefix + kind.template + ".mustache",
                    message: "There is no template for \(kind.rawValue) pages.",
                    hint: "Create \(prefix)\(kind.template).mustache (it can inherit the layout with `{{<layout}}…{{/layout}}`)."))
        }
        var warnings: [Diagnostic] = []
        for template in scanned {
            let path = template.path
            for reference in template.scan.references {
                switch reference.kind {
                case .block:
                    continue
                case .dynamicPartial:
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: reference.location.line, column: reference.location.column,
                            message:
                                "The partial `\(reference.name)` is named by a page's value; Explainer does not support dynamic partials.",
                            hint: "Name the partial itself, e.g. `{{>partials/nav}}`."))
                case .partial, .parent:
                    if !names.contains(reference.name) {
                        diagnostics.append(
                            Diagnostic(
                                file: path, line: reference.location.line, column: reference.location.column,
                                message: "The partial `\(reference.name)` does not exist.",
                                hint:
                                    "Create \(prefix)\(reference.name).mustache, or fix the name. Templates: \(names.sorted().joined(separator: ", "))."
                            ))
                    }
                case .variable:
                    let root = reference.name.split(separator: ".").first.map(String.init) ?? reference.name
                    if let problem = TranslationValues.problem(with: reference, in: path) {
                        warnings.append(problem)
                    } else if reference.name != "." && !PageContext.knownNames.contains(root) {
                        let near = EditDistance.nearest(to: root, in: PageContext.knownNames.sorted())
                        warnings.append(
                            Diagnostic(
                                .warning, file: path, line: reference.location.line, column: reference.location.column,
                                message: "The variable `\(reference.name)` is not provided by any page; it renders as nothing.",
                                hint: near.map { "Did you mean `\($0)`? See docs/templates.md for the template variables." }
                                    ?? "See docs/templates.md for the template variables."))
                    }
                }
            }
        }
        diagnostics += TemplateGraph(scanned).problems()
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics + warnings) }
        return TemplateSet(library: library, names: names, warnings: warnings, elementIDs: elementIDs)
    }

    private init(library: MustacheLibrary, names: Set<String>, warnings: [Diagnostic], elementIDs: Set<String>) {
        self.library = library
        self.names = names
        self.warnings = warnings
        self.elementIDs = elementIDs
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section contains a tag it may not"
        case .textInsideInheritSection: return "an inheritance section contains text outside a block"
        case .invalidConfigVariableSyntax: return "a pragma is badly formed"
        case .unrecognisedConfigVariable: return "a pragma is not recognised"
        }
    }
}
