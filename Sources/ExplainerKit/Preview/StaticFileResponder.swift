import Foundation
import Hummingbird

/// Answers the preview's HTTP requests: the live-reload script and event stream, then the
/// files of the output folder.
///
/// A folder URL serves its `index.html`; `/x` redirects to `/x/` when `x` is a folder; an
/// unknown path gets the site's own `404.html` with status 404. HTML responses get the
/// live-reload script injected before `</body>` (the files on disk are never changed).
/// Paths are resolved by `SafePath`, so no request reads outside the output folder.
public struct StaticFileResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let root: String
    public let liveReload: LiveReload

    public init(root: String, liveReload: LiveReload) {
        self.root = root
        self.liveReload = liveReload
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Method not allowed\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        let isHead = request.method == .head
        switch path {
        case LiveReload.scriptPath:
            return bytes(Array(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", head: isHead)
        case LiveReload.eventsPath:
            return events()
        default:
            break
        }
        switch SafePath.resolve(path, in: root) {
        case .refused:
            return text(.forbidden, "Forbidden\n")
        case .missing:
            return notFound(head: isHead)
        case .directory(let folder):
            guard path.hasSuffix("/") else {
                var location = path + "/"
                if let query = request.uri.query, !query.isEmpty { location += "?" + query }
                return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
            }
            guard let file = try? FileSystem.read(folder + "/index.html") else { return notFound(head: isHead) }
            return page(file, status: .ok, head: isHead)
        case .file(let file):
            guard let content = try? FileSystem.read(file) else { return notFound(head: isHead) }
            let type = MediaTypes.forPath(file)
            if type.hasPrefix("text/html") { return page(content, status: .ok, head: isHead) }
            return bytes(content, type: type, head: isHead)
        }
    }

    /// The site's 404 page (or a plain one if the site has none), with status 404.
    func notFound(head: Bool) -> Response {
        if case .file(let file) = SafePath.resolve("/404.html", in: root), let content = try? FileSystem.read(file) {
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
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
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
