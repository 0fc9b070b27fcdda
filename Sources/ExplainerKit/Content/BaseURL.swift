/// The one rule for a site's base URL, used for `site.yml`'s `baseURL` and for `--base-url`:
/// an absolute `http(s)` address with a host, an optional port (1–65535) and an optional
/// path, in printable ASCII, without credentials, query or fragment. The normalised form has
/// a lowercase scheme and host and no trailing slash: `HTTPS://Host/explainers/` becomes
/// `https://host/explainers`.
public enum BaseURL {
    /// The hint shown with every base URL problem.
    public static let hint = "Write the address the site is served at, e.g. `https://example.org` or `https://example.org/explainers`."

    /// `text` normalised, or why it cannot be a base URL.
    public static func validate(_ text: String) throws(Problem) -> String {
        do {
            return try parse(text).text
        } catch {
            throw Problem(text: text, reason: error.text)
        }
    }

    /// `text` normalised and split where `SiteURLs` needs it, or nil if it is not a base URL.
    static func components(_ text: String) -> Components? {
        try? parse(text)
    }

    /// A normalised base URL in its two parts: `https://host:8080` and `/explainers`.
    struct Components: Sendable, Hashable {
        /// `scheme://host[:port]`, lowercase but for the port.
        let origin: String
        /// The path without a trailing slash: `""` at the root of the host.
        let path: String
        /// The whole normalised URL.
        var text: String { origin + path }
    }

    /// The error for a `--base-url` value (`BuildSettings.baseURL`) that cannot be a base
    /// URL, or `nil` if it can.
    static func flagProblem(_ url: String) -> Diagnostic? {
        do {
            _ = try validate(url)
            return nil
        } catch {
            return Diagnostic(file: "--base-url", message: error.message(naming: "--base-url"), hint: hint)
        }
    }

    /// `url` without its trailing slashes (the whole normalisation of an already valid URL).
    static func trimmingTrailingSlashes(_ url: String) -> String {
        var url = Substring(url)
        while url.hasSuffix("/") { url = url.dropLast() }
        return String(url)
    }

    /// Why a text is not a base URL.
    public struct Problem: Error, Sendable, Hashable {
        /// The text given as a base URL.
        let text: String
        /// What is wrong with it, e.g. "it has no host".
        let reason: String

        /// The one sentence for the problem, naming where the URL was given (`baseURL`,
        /// `--base-url`).
        public func message(naming setting: String) -> String {
            "`\(setting)` is `\(text)`, which is not a usable base URL: \(reason)."
        }
    }

    private struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    private static func parse(_ text: String) throws(Reason) -> Components {
        if text.isEmpty { throw Reason("it is empty") }
        if text.utf8.contains(where: { $0 == 0x20 }) { throw Reason("it contains a space (write `%20`)") }
        if text.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            throw Reason("it contains a character that is not printable ASCII (percent-encode it, and write the host in punycode)")
        }
        guard let separator = text.firstRange(of: "://") else {
            throw Reason("it is not an absolute address (start it with `https://` or `http://`)")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw Reason("its scheme is `\(text[..<separator.lowerBound])`; only `https` and `http` are served by web browsers")
        }
        let rest = text[separator.upperBound...]
        if rest.contains("?") { throw Reason("it has a query (`?…`)") }
        if rest.contains("#") { throw Reason("it has a fragment (`#…`)") }
        let authority = rest.prefix { $0 != "/" }
        let path = trimmingTrailingSlashes(String(rest[authority.endIndex...]))
        if authority.contains("@") { throw Reason("it contains a user name or password (`…@`)") }
        let host: Substring
        let port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Reason("its IPv6 host has no closing `]`") }
            host = authority[...close]
            let inner = authority[authority.index(after: authority.startIndex)..<close]
            guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw Reason("its IPv6 host `\(host)` is not an address")
            }
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw Reason("text follows its IPv6 host") }
            port = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
            port = nil
        }
        if host.isEmpty { throw Reason("it has no host") }
        if !host.hasPrefix("[") {
            for label in host.split(separator: ".", omittingEmptySubsequences: false) {
                guard !label.isEmpty, !label.hasPrefix("-"), !label.hasSuffix("-"),
                    label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
                else {
                    throw Reason("its host `\(host)` is not a host name (letters, digits and hyphens between dots)")
                }
            }
        }
        var portPart = ""
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigit), let number = Int(port), (1...65535).contains(number)
            else {
                throw Reason("its port `\(port)` is not a number from 1 to 65535")
            }
            portPart = ":\(number)"
        }
        if let bad = path.first(where: { !isPathCharacter($0) }) {
            throw Reason("its path has `\(bad)`, which a URL path cannot hold (percent-encode it)")
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if segment.isEmpty || segment == "." || segment == ".." {
                throw Reason("its path `\(path)` has an empty, `.` or `..` segment")
            }
        }
        if let percent = badPercentEscape(in: path) {
            throw Reason("its path has `\(percent)`, which is not a percent escape (`%` and two hex digits)")
        }
        return Components(origin: scheme + "://" + host.lowercased() + portPart, path: path)
    }

    /// RFC 3986's path characters: unreserved, sub-delimiters, `:`, `@`, `/` and `%` (whose
    /// escapes are checked apart).
    private static func isPathCharacter(_ c: Character) -> Bool {
        guard c.isASCII else { return false }
        return c.isLetter || c.isNumber || "-._~!$&'()*+,;=:@/%".contains(c)
    }

    private static func badPercentEscape(in path: String) -> Substring? {
        var index = path.startIndex
        while let percent = path[index...].firstIndex(of: "%") {
            let end = path.index(percent, offsetBy: 3, limitedBy: path.endIndex) ?? path.endIndex
            let escape = path[percent..<end]
            guard escape.count == 3, escape.dropFirst().allSatisfy(\.isHexDigit) else { return escape }
            index = end
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
