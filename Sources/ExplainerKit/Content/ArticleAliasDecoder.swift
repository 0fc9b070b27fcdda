import Yams

/// Reads `aliases:`, the old paths of an explainer, each made a redirect to it: a list of
/// paths (`old-slug`, `/old-slug`, `/old-slug/`, `/old-slug/history/`) or full URLs on the
/// site's own host, normalised to `/old-slug/`. What needs the site (the host of a full URL,
/// the explainer's own address, clashes with pages) is checked later, by `SiteRedirects`.
enum ArticleAliasDecoder {
    /// The key, and the example its hints show.
    static let key = "aliases"
    static let example = "/old-slug/"

    /// The characters a path segment may hold: URI's unreserved characters, which need no
    /// escaping in a URL, a file name or a `_redirects` line.
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// The aliases, in the order written; every entry that is no usable path is an error at
    /// its line (and left out).
    static func decode(_ fields: inout YAMLFields) -> [ArticleAlias] {
        guard
            let items = fields.listItems(
                key, what: "a list of old paths", hint: "Write `\(key): [\"\(example)\"]`, the addresses the explainer had before.")
        else { return [] }
        var out: [ArticleAlias] = []
        var seen: Set<String> = []
        for item in items {
            guard let text = fields.string(item, key: "\(key) item", what: "\"\(example)\"") else { continue }
            switch parse(text) {
            case .success(let alias):
                guard seen.insert((alias.origin ?? "") + alias.path).inserted else {
                    fields.error(at: item, "The alias `\(text)` is listed twice.", hint: "Remove one of them.")
                    continue
                }
                out.append(ArticleAlias(path: alias.path, location: fields.location(item), origin: alias.origin))
            case .failure(let problem):
                fields.error(at: item, "The alias `\(UnsafeCharacters.printable(text))` \(problem.reason).", hint: problem.hint)
            }
        }
        return out
    }

    /// Why an entry is no alias: the end of a sentence starting "The alias `…`", and what to do.
    struct Problem: Error, Sendable, Hashable {
        var reason: String
        var hint = "Write the old path from the site's root, e.g. `\(ArticleAliasDecoder.example)`."
    }

    /// `text` as an alias (its path normalised to `/a/b/`, its origin for a full URL), or why not.
    static func parse(_ text: String) -> Result<ArticleAlias, Problem> {
        var origin: String?
        var path = Substring(text)
        if let separator = text.firstRange(of: "://") {
            let scheme = text[..<separator.lowerBound].lowercased()
            guard scheme == "https" || scheme == "http" else {
                return .failure(Problem(reason: "is not an address of this site (only `https://` and `http://` are)"))
            }
            let rest = text[separator.upperBound...]
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard !host.isEmpty, !host.contains("@") else {
                return .failure(Problem(reason: "has no host, or one with a user name"))
            }
            origin = scheme + "://" + host.lowercased()
            path = rest[host.endIndex...]
            if path.isEmpty { path = "/" }
        } else if text.hasPrefix("//") {
            return .failure(
                Problem(
                    reason: "starts with `//`, which names a host",
                    hint: "Write the path alone, e.g. `\(example)`, or the full URL on the site's base URL."))
        }
        if path.contains("?") || path.contains("#") {
            return .failure(
                Problem(
                    reason: "has a query (`?…`) or a fragment (`#…`)",
                    hint: "Write the path alone, e.g. `\(example)`: a redirect page is a folder, and a server never sees a fragment."))
        }
        if path.hasPrefix("/") { path = path.dropFirst() }
        if path.hasSuffix("/") { path = path.dropLast() }
        guard !path.isEmpty else {
            return .failure(
                Problem(reason: "is the site's root, the home page", hint: "Write the explainer's old path, e.g. `\(example)`."))
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty {
                return .failure(Problem(reason: "has an empty part (`//`)"))
            }
            if segment == "." || segment == ".." {
                return .failure(
                    Problem(
                        reason: "has a `\(segment)` part, which would lead elsewhere",
                        hint: "Write the path from the site's root, without `.` or `..`, e.g. `\(example)`."))
            }
            if segment.hasPrefix(".") {
                return .failure(Problem(reason: "has a part starting with `.` (`\(segment)`), a hidden name servers do not serve"))
            }
            if let byte = segment.utf8.first(where: { !isAllowed($0) }) {
                let shown = byte < 0x80 ? "`\(Character(Unicode.Scalar(byte)))`" : "a character that is not ASCII"
                return .failure(
                    Problem(
                        reason: "contains \(shown)",
                        hint: "An alias may hold letters A–Z and a–z, digits, `-`, `_`, `.` and `~` between its slashes, e.g. `\(example)`."
                    ))
            }
        }
        return .success(ArticleAlias(path: "/" + path + "/", location: nil, origin: origin))
    }
}
