import ExplainerKit

/// One HTTP answer from the server, as the client reads it: status, headers (names
/// lower-cased, repeated ones joined with commas) and the body (collected up to a limit).
/// Plain values, so the error mapping and the parsers are tested without a server.
struct S3Answer: Sendable, Hashable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0 + "," + $1 })
        self.body = body
    }

    /// A header's value (`name` in any case).
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The `ETag` header without its quotes (and without a weak `W/` mark).
    var etag: String? {
        header("etag").map(Self.unquoted)
    }

    /// `"abc"` → `abc`; an ETag as listings and headers quote it.
    static func unquoted(_ etag: String) -> String {
        var tag = Substring(etag.trimmingWhitespace())
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        if tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") { tag = tag.dropFirst().dropLast() }
        return String(tag)
    }

    /// The body as S3 XML, when it is that.
    var xml: S3XML? {
        S3XML.parse(body)
    }

    /// The first bytes of the body as text, for a message about an answer that is not S3's.
    var bodySnippet: String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.unicodeScalars.map { $0.value < 0x20 ? " " : String($0) }.joined().trimmingWhitespace()
    }
}
