import ExplainerKit
import Foundation
import HTTPTypes
import Hummingbird

/// Answers the preview's HTTP requests: the live-reload script and event stream, then the
/// files of the output folder.
///
/// Every request is first checked against `HostPolicy` (a foreign `Host` gets 421, so no web
/// page can read the preview through DNS rebinding). A path with repeated slashes redirects to
/// its collapsed form; a folder URL serves its `index.html`; `/x` redirects to `/x/` when `x`
/// is a folder; an unknown path gets the site's own `404.html` with status 404. A redirect's
/// `Location` is always a root-relative path with a single leading slash (never `//host`).
/// With a base path (`https://host/explainers`), the site is served under `/explainers/`:
/// `/` redirects there and other paths outside it get a 404 that says where the site is; the
/// live-reload routes stay at `/_explainer/`, outside any site. HTML responses get the
/// live-reload script injected before `</body>` (the files on disk are never changed).
/// Paths are resolved by `SafePath`, so no request reads outside the output folder.
public struct StaticFileResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let root: String
    public let liveReload: LiveReload
    public let hosts: HostPolicy
    /// The base path the site is served under.
    public let basePath: BasePath.Current

    public init(
        root: String, liveReload: LiveReload, hosts: HostPolicy = HostPolicy(listeningOn: "127.0.0.1"),
        basePath: BasePath.Current = BasePath.Current()
    ) {
        self.root = root
        self.liveReload = liveReload
        self.hosts = hosts
        self.basePath = basePath
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let hostFields = (request.head.authority.map { [$0] } ?? []) + request.headers[values: Self.host]
        switch hosts.verdict(hostFields) {
        case .allowed: break
        case .invalid: return text(.badRequest, "Bad request: send one Host header (host or host:port).\n")
        case .misdirected:
            return text(
                .misdirectedRequest,
                "Misdirected request: this preview answers only to localhost, 127.0.0.1 and the --host it listens on.\n")
        }
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Method not allowed\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        let query = request.uri.query
        let isHead = request.method == .head
        guard let canonical = SafePath.canonical(path) else { return text(.forbidden, "Forbidden\n") }
        if canonical != path { return redirect(to: canonical, query: query) }
        switch path {
        case LiveReload.scriptPath:
            return bytes(Array(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", head: isHead)
        case LiveReload.eventsPath:
            return events()
        default:
            break
        }
        let base = basePath.basePath
        guard let inside = base.strip(path) else {
            if path == "/" { return redirect(to: base.path + "/", query: query) }
            return text(.notFound, "Not found. This site is served under \(base.path)/ (the path of its base URL): try \(base.path)/\n")
        }
        switch SafePath.resolve(inside.isEmpty ? "/" : inside, in: root) {
        case .refused:
            return text(.forbidden, "Forbidden\n")
        case .missing:
            return notFound(head: isHead)
        case .directory(let folder):
            guard inside.hasSuffix("/") else { return redirect(to: path + "/", query: query) }
            guard case .file(_, let file) = SafePath.resolve(folder == "/" ? "/index.html" : folder + "/index.html", in: root) else {
                return notFound(head: isHead)
            }
            return page(file, status: .ok, head: isHead)
        case .file(let file, let content):
            let type = MediaTypes.forPath(file)
            if type.hasPrefix("text/html") { return page(content, status: .ok, head: isHead) }
            return bytes(content, type: type, head: isHead)
        }
    }

    static let host = HTTPField.Name("Host")!

    /// A 302 to `location` (a canonical root-relative path), keeping the query. Never a
    /// `Location` another host could be read from: one that is not `isLocalPath` is answered
    /// 404 instead.
    func redirect(to location: String, query: String?) -> Response {
        guard Self.isLocalPath(location) else { return text(.notFound, "Not found\n") }
        var target = location
        if let query, !query.isEmpty { target += "?" + query }
        return Response(status: .found, headers: [.location: target, .cacheControl: "no-store"])
    }

    /// Whether `location` is a path on this host: its canonical form (one leading slash, so
    /// never `//host`; no repeated slashes, no backslash, no encoded slash or backslash) with no
    /// control character.
    static func isLocalPath(_ location: String) -> Bool {
        SafePath.canonical(location) == location && !location.utf8.contains { $0 < 0x20 || $0 == 0x7f }
    }

    /// The site's 404 page (or a plain one if the site has none), with status 404.
    func notFound(head: Bool) -> Response {
        if case .file(_, let content) = SafePath.resolve("/404.html", in: root) {
            return page(content, status: .notFound, head: head)
        }
        return text(.notFound, "Not found\n")
    }

    func page(_ html: [UInt8], status: HTTPResponse.Status, head: Bool) -> Response {
        var response = bytes(Self.inject(into: html), type: "text/html; charset=utf-8", head: head)
        response.status = status
        return response
    }

    func bytes(_ content: [UInt8], type: String, head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        if head {
            headers[.contentLength] = String(content.count)
            return Response(status: .ok, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: content)))
    }

    func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    /// The Server-Sent Events stream of one page.
    func events() -> Response {
        let stream = liveReload.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
                try await writer.finish(nil)
            })
    }

    /// `html` with the live-reload script tag before the last `</body>` (appended if none).
    public static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array(LiveReload.scriptTag.utf8)
        let needle = Array("</body>".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            var match = true
            for offset in 0..<needle.count where lower(html[index + offset]) != needle[offset] {
                match = false
                break
            }
            if match { return Array(html[..<index]) + tag + Array(html[index...]) }
            index -= 1
        }
        return html + tag
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
