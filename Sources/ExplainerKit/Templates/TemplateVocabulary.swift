/// Every template variable a page can use, read from the view models' tables
/// (`TemplateFields`), starting at the top of a page's context and following each object and
/// list to the names of its own: what the template check accepts and what docs/templates.md's
/// table documents (`TemplateVocabularyTests` compares that file with `markdownTable`).
enum TemplateVocabulary {
    /// One documented variable: its path from the top (`explainer.pages[].label`), the page
    /// kinds that have it, and its documentation.
    struct Variable: Equatable {
        let path: String
        let pageKinds: [Page.Kind]
        let documentation: String
    }

    /// Every variable, in the tables' order. An object type's names are listed under the
    /// first path that reaches it (`section.title`); later paths to it (`allSections[]`) say
    /// so in their own documentation.
    static let variables: [Variable] = {
        var out: [Variable] = []
        var expanded: Set<ObjectIdentifier> = []
        func walk<Owner: TemplateObject>(_ type: Owner.Type, prefix: String, pageKinds: [Page.Kind]) {
            guard expanded.insert(ObjectIdentifier(type)).inserted else { return }
            for field in Owner.templateFields.all {
                let kinds = field.pageKinds ?? pageKinds
                var path = prefix + field.name
                let child: (any TemplateObject.Type)?
                switch field.shape {
                case .plain: child = nil
                case .object(let type): child = type
                case .list(let type): path += "[]"; child = type
                }
                out.append(Variable(path: path, pageKinds: kinds, documentation: field.documentation))
                if let child { walk(child, prefix: path + ".", pageKinds: kinds) }
            }
        }
        walk(PageValuesRoot.self, prefix: "", pageKinds: Page.Kind.allCases)
        return out
    }()

    /// Every name some object of some page answers (`title`, `pages`, `label`…): the last
    /// part of each path.
    static let names: Set<String> = Set(
        variables.map { variable in
            let last = variable.path.split(separator: ".").last ?? ""
            return String(last.hasSuffix("[]") ? last.dropLast(2) : last)
        })

    /// docs/templates.md's table of template variables, as Markdown (one row per variable).
    static var markdownTable: String {
        var lines = ["| variable | on | what |", "|---|---|---|"]
        for variable in variables {
            lines.append("| `\(variable.path)` | \(describe(variable.pageKinds)) | \(variable.documentation) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `all`, `explainer pages`, or the kinds' names.
    static func describe(_ kinds: [Page.Kind]) -> String {
        if Set(kinds) == Set(Page.Kind.allCases) { return "all" }
        if Set(kinds) == [.overview, .section, .quotes, .all] { return "explainer pages" }
        return kinds.map(\.rawValue).joined(separator: ", ")
    }
}
