/// The one rule for the URLs an article writes: a relative URL is resolved against the
/// article's own place in the content folder, so that the page showing it (a section page,
/// the overview, the home page's cards, the quotes page, the one-page view) does not change
/// where it leads. Pure.
///
/// Content paths map to site paths: `<slug>.md` and `<folder>/index.md` are the explainer
/// `/<slug>/`; `<folder>/<file>` is `/<slug of that bundle>/<file>`. What is not relative is
/// left as it is: a URL with a scheme (`https:`, `mailto:`), `//host`, a `#fragment` or a
/// `?query` alone, an empty URL. A URL from the site's root (`/x/`) is a site path.
struct URLResolver {
    /// Where a URL leads.
    enum Target: Equatable {
        /// Not the resolver's business: written as it is.
        case unchanged
        /// A path from the site's root as written (`/slug/risks/`), without the base path;
        /// `suffix` is the `?query` and `#fragment`, as written.
        case site(path: String, suffix: String)
        /// An article source (`other.md`, `other/index.md`, `other/`): the explainer's page.
        /// `contentPath` is the source's path in the content folder (`other/index.md`, or
        /// `other/` for a bundle named by its folder); `slug` the slug its name gives (a
        /// translation's, `other.de.md`, its original's); `language` a translation's.
        case article(contentPath: String, slug: String, suffix: String, language: LanguageTag? = nil)
        /// Any other file of the content folder, by its path there (decoded: `a b.png`).
        case file(contentPath: String, suffix: String)
        /// A relative path that climbs out of the content folder (`../../x.png`).
        case outsideContent
    }

    /// The article's path in the content folder: `russia-taliban.md` or `map-story/index.md`.
    let articlePath: String

    /// The folder of the article in the content folder, with a trailing slash (`map-story/`),
    /// or empty for an article directly in it.
    var folder: String {
        articlePath.lastIndex(of: "/").map { String(articlePath[...$0]) } ?? ""
    }

    /// The bundle folder an article path is the `index.md` of (`map-story/index.md` →
    /// `map-story`); nil for `x.md` (and for anything deeper, which is no article).
    static func bundle(ofArticle contentPath: String) -> String? {
        let parts = contentPath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        // A translation's `index.de.md` is of the same bundle (`ContentNames.translation`).
        return parts[1] == "index.md" || ContentNames.translation(contentPath)?.original.hasSuffix("/index.md") == true
            ? String(parts[0]) : nil
    }

    /// Where `url` leads from the article.
    func resolve(_ url: String) -> Target {
        guard let first = url.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "?") else { return .unchanged }
        if url.hasPrefix("//") || Self.hasScheme(url) { return .unchanged }
        let (path, suffix) = Self.splitSuffix(url)
        if path.hasPrefix("/") { return .site(path: path, suffix: suffix) }
        guard let decoded = Self.percentDecoded(path), let resolved = Self.normalized(folder + decoded) else {
            return .outsideContent
        }
        // The folder itself (`./` from a bundle) or a top-level folder (`other/`): a bundle.
        let parts = resolved.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 && parts[1].isEmpty && !parts[0].isEmpty {
            return .article(contentPath: resolved, slug: Slug.make(String(parts[0])), suffix: suffix)
        }
        let translation = ContentNames.translation(resolved)
        if let bundle = Self.bundle(ofArticle: resolved) {
            return .article(contentPath: resolved, slug: Slug.make(bundle), suffix: suffix, language: translation?.language)
        }
        if parts.count == 1 && ContentNames.kind(of: resolved) == .article {
            let base = (translation?.original ?? resolved).dropLast(".md".count)
            return .article(contentPath: resolved, slug: Slug.make(String(base)), suffix: suffix, language: translation?.language)
        }
        if resolved.isEmpty { return .outsideContent }
        return .file(contentPath: resolved, suffix: suffix)
    }

    /// Whether `url` starts with a scheme (`https:`, `mailto:`, `C:`…): a letter, then
    /// letters, digits, `+`, `-` or `.`, then `:` before any `/`, `?` or `#`.
    static func hasScheme(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E else {
                return false
            }
        }
        return false
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// `a/b.png?x=1#top` → (`a/b.png`, `?x=1#top`).
    static func splitSuffix(_ url: String) -> (path: String, suffix: String) {
        guard let cut = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (url, "") }
        return (String(url[..<cut]), String(url[cut...]))
    }

    /// `a/./b/../c` → `a/c`; nil when a `..` climbs above the start. A trailing slash is kept
    /// (`a/b/..` and `a/b/../` → `a/`).
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var endsInFolder = false
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case "", ".":
                if isLast { endsInFolder = true }
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                if isLast { endsInFolder = true }
            default:
                parts.append(segment)
            }
        }
        let joined = parts.joined(separator: "/")
        return endsInFolder && !joined.isEmpty ? joined + "/" : joined
    }

    /// `%20` and other percent escapes decoded (nil when they do not decode to UTF-8 text,
    /// or decode to `/` or NUL, which no file name holds).
    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                continue
            }
            guard bytes.count >= 2, let high = hexValue(bytes[bytes.startIndex]), let low = hexValue(bytes[bytes.startIndex + 1])
            else {
                out.append(byte)
                continue
            }
            let decoded = high << 4 | low
            if decoded == 0 || decoded == UInt8(ascii: "/") { return nil }
            out.append(decoded)
            bytes.removeFirst(2)
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A path as it may stand in a URL: each byte that is not unreserved, a sub-delimiter,
    /// `/`, `:` or `@` (RFC 3986), nor beyond ASCII (an IRI keeps its letters), written `%XX`.
    /// `asWritten` is for a whole URL an author wrote (as cmark escapes a link's): its escapes,
    /// query and fragment (`%`, `?`, `#`) are kept.
    static func percentEncoded(_ path: String, asWritten: Bool = false) -> String {
        func plain(_ byte: UInt8) -> Bool {
            byte >= 0x80 || isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || "-._~!$&'()*+,;=:@/".utf8.contains(byte)
                || (asWritten && (byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")))
        }
        guard !path.utf8.allSatisfy(plain) else { return path }
        var out = UTF8Builder(capacity: path.utf8.count + 8)
        for byte in path.utf8 {
            if plain(byte) {
                out.append(byte: byte)
            } else {
                out.append(byte: UInt8(ascii: "%"))
                out.append(hex: byte)
            }
        }
        return out.string
    }
}
