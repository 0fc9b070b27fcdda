/// `explainer check`'s rule for frames: an `<iframe src>` must be allowed by the page's own
/// Content-Security-Policy (`<meta http-equiv="Content-Security-Policy">`: `frame-src`, else
/// `child-src`, else `default-src`), or the browser blocks the frame while the page looks fine
/// to every other check. Source matching follows CSP Level 3 for what pages carry: `*`,
/// `'self'`, `'none'`, schemes (`https:`), hosts with an optional scheme, `*.` and port.
enum FrameSourceCheck {
    /// The problems of the page `scan`, named `display` in messages.
    static func problems(_ scan: HTMLTagScanner.Result, display: String) -> [Diagnostic] {
        let policies = scan.tags.filter {
            $0.name == "meta" && $0.attribute("http-equiv")?.lowercased() == "content-security-policy"
        }.compactMap { $0.attribute("content") }
        guard !policies.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        for tag in scan.tags where tag.name == "iframe" {
            guard let src = tag.attribute("src")?.trimmingWhitespace(), !src.isEmpty else { continue }
            for policy in policies {
                guard let (directive, sources) = frameSources(policy), !allows(sources, src) else { continue }
                problems.append(
                    Diagnostic(
                        file: display,
                        message:
                            "The frame `\(src)` is not allowed by the page's Content-Security-Policy (`\(directive) \(sources.joined(separator: " "))`): browsers block it.",
                        hint:
                            "Embed it with an `embed` block (its origin is then added to the page's `frame-src`), or change the template that writes the frame."
                    ))
                break
            }
        }
        return problems
    }

    /// The directive that governs frames in `policy` and its sources; nil when none does.
    static func frameSources(_ policy: String) -> (String, [String])? {
        var directives: [String: [String]] = [:]
        for part in policy.split(separator: ";") {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
            guard let name = words.first?.lowercased(), directives[name] == nil else { continue }
            directives[name] = Array(words.dropFirst())
        }
        for name in ["frame-src", "child-src", "default-src"] {
            if let sources = directives[name] { return (name, sources) }
        }
        return nil
    }

    /// Whether `sources` allow a frame at `src` (a relative address is the page's own origin).
    static func allows(_ sources: [String], _ src: String) -> Bool {
        if src.lowercased() == "about:blank" { return true }
        guard let address = EmbedAddress(src) else {
            // Relative: the site's own page. Another scheme (`data:`): only a scheme source.
            guard SiteChecker.hasScheme(src), let colon = src.firstIndex(of: ":") else { return sources.contains("'self'") }
            let scheme = src[..<colon].lowercased() + ":"
            return sources.contains { $0.lowercased() == scheme }
        }
        return sources.contains { matches($0, address) }
    }

    /// Whether one source expression matches `address`.
    static func matches(_ source: String, _ address: EmbedAddress) -> Bool {
        let source = source.lowercased()
        let web = address.scheme == "https" || address.scheme == "http"
        if source == "*" { return web }
        if source.hasPrefix("'") { return false }
        if source.hasSuffix(":"), !source.contains("/") {
            let scheme = String(source.dropLast())
            return scheme == address.scheme || (scheme == "http" && address.scheme == "https")
        }
        var rest = Substring(source)
        var scheme: Substring?
        if let separator = rest.firstRange(of: "://") {
            scheme = rest[..<separator.lowerBound]
            rest = rest[separator.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var host = rest
        var port: Substring?
        if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            port = rest[rest.index(after: colon)...]
        }
        if let scheme {
            guard scheme == address.scheme || (scheme == "http" && address.scheme == "https") else { return false }
        } else if !web {
            return false
        }
        if host.hasPrefix("*.") {
            guard address.host.hasSuffix(host.dropFirst(1)) else { return false }
        } else if host != address.host {
            return false
        }
        let defaultPort = address.scheme == "https" ? 443 : 80
        let actual = address.port ?? defaultPort
        guard let port else {
            let expected = scheme == "http" && address.scheme == "http" ? 80 : defaultPort
            return actual == expected || (scheme == "http" && actual == 443)
        }
        return port == "*" || Int(port) == actual
    }
}
