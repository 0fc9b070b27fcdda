import Yams

/// Decodes the site's authors file (`Content/authors.yml`): a mapping of author keys (slugs)
/// to `{ name, role, url, bio, links }`, every problem reported at its line and column.
///
/// ```yaml
/// ana-diaz:
///   name: Ana Díaz
///   role: Chief correspondent
///   url: https://example.org/ana
///   bio: Covers Central Asia.
///   links:
///     - { text: Mastodon, url: "https://example.social/@ana" }
/// ```
enum AuthorsFileDecoder {
    /// The authors `file` holds, or every problem it has.
    static func decode(_ file: SourceFile) throws(BuildFailure) -> SiteAuthors {
        let text = try TextDecoding.decode(file)
        let composed = try YAMLDocument.mapping(text, file: file.path, lineOffset: 0, what: "authors file")
        var fields = YAMLFields(file: file.path, lineOffset: 0, composed: composed)
        var authors: [SiteAuthor] = []
        var problems: [Diagnostic] = []
        for (keyNode, value) in composed.mapping {
            guard let key = keyNode.scalar?.string, Slug.isValid(key) else {
                let written = keyNode.scalar.map { UnsafeCharacters.printable($0.string) } ?? fields.kind(of: keyNode)
                let slug = keyNode.scalar.map { Slug.make($0.string) } ?? ""
                fields.error(
                    at: keyNode, "The author key `\(written)` is not a valid slug (it names the author page, /authors/KEY/).",
                    hint: "Use lowercase letters, digits and hyphens, e.g. `\(slug.isEmpty ? "ana-diaz" : slug):`.")
                continue
            }
            guard case .mapping(let mapping) = value else {
                fields.error(
                    at: value, "The author `\(key)` must be a mapping, not a \(fields.kind(of: value)).",
                    hint: "Write `\(key):` then lines like `  name: \"Full Name\"` and `  role: \"Correspondent\"`.")
                continue
            }
            var entry = YAMLFields(
                file: file.path, lineOffset: 0, composed: YAMLDocument.Composed(mapping: mapping, mark: value.mark))
            if let author = decodeAuthor(key, &entry, location: fields.location(keyNode)) { authors.append(author) }
            entry.refuseUnknownKeys()
            problems += entry.diagnostics
        }
        problems = fields.diagnostics + problems
        guard !problems.contains(where: { $0.severity == .error }) else { throw BuildFailure(problems) }
        return SiteAuthors(file: file.path, all: authors)
    }

    /// One author's fields (`entry`): nil when `name:` is missing or wrong.
    private static func decodeAuthor(_ key: String, _ entry: inout YAMLFields, location: SourceLocation?) -> SiteAuthor? {
        let nameNode = entry.field("name")
        let name = nameNode.flatMap { entry.string($0, key: "name", what: "\"Full Name\"") }
        if nameNode == nil {
            entry.error(at: nil, "The author `\(key)` has no `name:`.", hint: "Add `name: \"Full Name\"` under `\(key):`.")
        }
        let role = entry.optionalString("role", what: "\"Correspondent\"")
        let url = webAddress("url", in: &entry)
        let bio = entry.optionalString("bio", what: "\"A sentence about them.\"")
        let links = decodeLinks(&entry)
        guard let name else { return nil }
        return SiteAuthor(key: key, name: name, role: role, url: url, bio: bio, links: links, location: location)
    }

    /// `links:`: a list of `{ text, url }`.
    private static func decodeLinks(_ entry: inout YAMLFields) -> [ExternalLink] {
        guard let node = entry.field("links") else { return [] }
        let example = "`- { text: Mastodon, url: \"https://example.social/@name\" }`"
        guard case .sequence(let items) = node else {
            entry.error(at: node, "`links` must be a list, not a \(entry.kind(of: node)).", hint: "Write items like \(example).")
            return []
        }
        var links: [ExternalLink] = []
        for item in items {
            guard case .mapping(let mapping) = item, let textNode = entry.value("text", in: mapping),
                let urlNode = entry.value("url", in: mapping), mapping.count == 2
            else {
                entry.error(at: item, "Each item of `links` needs a `text` and a `url` (and nothing else).", hint: "Write \(example).")
                continue
            }
            guard let text = entry.string(textNode, key: "links text", what: "Mastodon"),
                let url = entry.string(urlNode, key: "links url", what: "\"https://example.social/@name\"")
            else { continue }
            guard isWebAddress(url) else {
                entry.error(at: urlNode, "`\(url)` is not a web address.", hint: "Write an absolute address starting with https://.")
                continue
            }
            links.append(ExternalLink(text: text, url: url))
        }
        return links
    }

    /// An optional absolute `http(s)` URL under `key`.
    private static func webAddress(_ key: String, in entry: inout YAMLFields) -> String? {
        guard let url = entry.optionalString(key, what: "https://example.org/name") else { return nil }
        guard isWebAddress(url) else {
            entry.error(
                at: entry.node(key), "`\(key)` must be a web address, not `\(UnsafeCharacters.printable(url))`.",
                hint: "Write an absolute address starting with https://, e.g. `\(key): https://example.org/name`.")
            return nil
        }
        return url
    }

    /// Whether `text` is an absolute `http:` or `https:` address with a host (no spaces).
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }) else {
            return false
        }
        return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
