/// An absolute address as an embed block may write it, taken apart strictly: a scheme,
/// `//`, a host (letters, digits, `-`, `.`), an optional port, a path, a query and a fragment.
/// No user name, no white space, no quote or angle bracket, ASCII only (percent-escapes are
/// kept as written). Pure, no Foundation: the Markdown stage uses it.
struct EmbedAddress: Sendable, Hashable {
    /// Lowercased: `https`.
    var scheme: String
    /// Lowercased: `www.youtube.com`.
    var host: String
    var port: Int?
    /// `/watch`, or `""`.
    var path: String
    /// What follows `?`, without it; nil when there is no `?`.
    var query: String?

    /// `text` taken apart, or nil when it is not such an address.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let forbidden: Set<UInt8> = [
            UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "^"),
        ]
        guard !bytes.isEmpty, bytes.count <= 2048, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) })
        else { return nil }
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        var rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var hostText = authority
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            let digits = authority[authority.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isNumber), let number = Int(digits),
                (1...65535).contains(number)
            else { return nil }
            port = number
            hostText = authority[..<colon]
        }
        let host = hostText.lowercased()
        guard Self.isHost(host) else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
        if let question = rest.firstIndex(of: "?") {
            path = String(rest[..<question])
            query = String(rest[rest.index(after: question)...])
        } else {
            path = String(rest)
            query = nil
        }
    }

    /// Whether `text` is a host name: labels of letters, digits and `-` joined by dots.
    static func isHost(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && text.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                    && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
            }
    }

    /// `https://www.youtube.com` (with the port when there is one): what `frame-src` allows.
    var origin: String {
        scheme + "://" + host + (port.map { ":\($0)" } ?? "")
    }

    /// Whether the host is this machine (`127.0.0.1`, `localhost`): an embed may come from it
    /// over `http:` (a provider of one's own, tested locally; browsers trust it as secure).
    var isLoopback: Bool {
        host == "localhost" || host == "127.0.0.1"
    }

    /// The path's segments: `/embed/abc/` → `["embed", "abc"]`.
    var segments: [Substring] {
        path.split(separator: "/")
    }

    /// The value of `name` in the query (`v` in `?v=abc&t=1`), as written.
    func queryValue(_ name: String) -> Substring? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return parts[1] }
        }
        return nil
    }

    /// The address as it is used: scheme, host, port, path and query.
    var text: String {
        origin + path + (query.map { "?" + $0 } ?? "")
    }
}
