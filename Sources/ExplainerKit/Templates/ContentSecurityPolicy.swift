/// The Content-Security-Policy of a page (its `<meta http-equiv>`, `page.contentSecurityPolicy`):
/// one site-wide policy that allows only the site's own files, grown per page by exactly what
/// the page needs: the search page lets Pagefind compile its WebAssembly (`'wasm-unsafe-eval'`).
/// The one place a page's policy is decided (a page that shows embeds allows their frames' origins in `frame-src`).
struct ContentSecurityPolicy: Sendable, Hashable {
    /// One directive: its name and its sources, in order.
    struct Directive: Sendable, Hashable {
        var name: String
        var sources: [String]
    }

    /// The directives, in the order they are written.
    private(set) var directives: [Directive]

    /// What every page allows: its own scripts, styles and fonts, images from anywhere on
    /// HTTPS, no plugins, forms and `<base>` only to the site.
    static let site = ContentSecurityPolicy(directives: [
        Directive(name: "default-src", sources: ["'self'"]),
        Directive(name: "script-src", sources: ["'self'"]),
        Directive(name: "style-src", sources: ["'self'"]),
        Directive(name: "img-src", sources: ["'self'", "https:", "data:"]),
        Directive(name: "font-src", sources: ["'self'"]),
        Directive(name: "object-src", sources: ["'none'"]),
        Directive(name: "base-uri", sources: ["'self'"]),
        Directive(name: "form-action", sources: ["'self'"]),
    ])

    /// The policy of a page of kind `kind` whose embeds show frames from `frameOrigins`
    /// (`Page.frameOrigins`): `frame-src` allows exactly those (without any, `default-src
    /// 'self'` refuses every other site's frame).
    static func of(_ kind: Page.Kind, frameOrigins: [String] = []) -> ContentSecurityPolicy {
        var policy =
            switch kind {
            case .search: site.allowing("'wasm-unsafe-eval'", in: "script-src")
            default: site
            }
        for origin in frameOrigins { policy = policy.allowing(origin, in: "frame-src") }
        return policy
    }

    /// This policy with `source` added to the directive `name` (which is added, at the end,
    /// when the policy has none). A source or name that could end the directive or the HTML
    /// attribute it is written in (`;`, `,`, quotes, `<`, `>`, `&`, spaces) is not added: the
    /// text is written unescaped (`{{{page.contentSecurityPolicy}}}`).
    func allowing(_ source: String, in name: String) -> ContentSecurityPolicy {
        let unsafe: Set<Character> = [";", ",", "\"", "<", ">", "&", " ", "\n", "\t"]
        guard !source.isEmpty, !name.isEmpty, !source.contains(where: unsafe.contains), !name.contains(where: unsafe.contains)
        else { return self }
        var policy = self
        if let index = policy.directives.firstIndex(where: { $0.name == name }) {
            if !policy.directives[index].sources.contains(source) { policy.directives[index].sources.append(source) }
        } else {
            policy.directives.append(Directive(name: name, sources: [source]))
        }
        return policy
    }

    /// The header's value: `default-src 'self'; script-src 'self'; …`.
    var text: String {
        directives.map { ([$0.name] + $0.sources).joined(separator: " ") }.joined(separator: "; ")
    }
}
