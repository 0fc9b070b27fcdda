/// The site's authors file decoded: every author in the order written, found by key. Empty
/// when the site has no `Content/authors.yml` (then no author pages are made, and an
/// explainer that names an author is an error).
struct SiteAuthors: Sendable, Hashable {
    /// The authors file's name in the content folder.
    static let fileName = "authors.yml"
    static let empty = SiteAuthors(file: fileName, all: [])

    /// The file as messages name it (`Content/authors.yml`).
    let file: String
    /// Every author, in the order of the file.
    let all: [SiteAuthor]
    private let index: [String: Int]

    init(file: String, all: [SiteAuthor]) {
        self.file = file
        self.all = all
        index = Dictionary(all.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var isEmpty: Bool { all.isEmpty }

    /// The author of `key`, if the file has one.
    subscript(key: String) -> SiteAuthor? { index[key].map { all[$0] } }

    /// The authors `references` name, in their order (unknown keys are left out: `problems`
    /// reports them).
    func resolve(_ references: [AuthorReference]) -> [SiteAuthor] {
        references.compactMap { self[$0.key] }
    }

    /// An error for each of `article`'s `authors:` that the file does not have, at its line,
    /// with the nearest key as the hint.
    func problems(of article: Article) -> [Diagnostic] {
        article.frontMatter.authors.compactMap { reference in
            guard self[reference.key] == nil else { return nil }
            let keys = all.map(\.key)
            let hint: String
            if keys.isEmpty {
                hint = "Create \(file) with an entry `\(reference.key): { name: \"Full Name\" }`, or remove `authors:`."
            } else if let nearest = EditDistance.nearest(to: reference.key, in: keys) {
                hint = "Did you mean `\(nearest)`? Authors: \(keys.joined(separator: ", "))."
            } else {
                hint = "Add `\(reference.key):` to \(file), or use one of its authors: \(keys.joined(separator: ", "))."
            }
            let why = keys.isEmpty ? "the site has no authors file (\(file))" : "\(file) has no such key"
            return Diagnostic(
                file: article.sourcePath, line: reference.location?.line, column: reference.location?.column,
                message: "Unknown author `\(UnsafeCharacters.printable(reference.key))`: \(why).", hint: hint)
        }
    }
}
