import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP server on loopback, in the test's process, that answers each request with what
/// the test's `respond` returns and records what it received: the client's requests seen from
/// the other end of a real connection.
final class StubHTTPServer: Sendable {
    /// One request as the server read it.
    struct Received: Sendable {
        var method: String
        /// The path and query as sent (`/site/a%20b?x=1`).
        var uri: String
        /// Names lower-cased.
        var headers: [String: String]
        var body: [UInt8]

        var path: String { String(uri.prefix { $0 != "?" }) }
        var query: String { uri.firstIndex(of: "?").map { String(uri[uri.index(after: $0)...]) } ?? "" }
    }

    /// What to answer.
    enum Reply: Sendable {
        case answer(status: Int, headers: [(String, String)] = [], body: String = "")
        /// Close the connection without answering.
        case drop
    }

    private let channel: any Channel
    private let log: Mutex<[Received]>
    let port: Int

    var requests: [Received] { log.withLock { $0 } }
    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.log = Mutex([])
        self.port = port
    }

    /// Starts a server whose answer to the `n`-th request (0-based) is `respond(request, n)`.
    static func start(_ respond: @escaping @Sendable (Received, Int) -> Reply) async throws -> StubHTTPServer {
        let box = Box()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(box: box, respond: respond))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = StubHTTPServer(channel: channel, port: channel.localAddress?.port ?? 0)
        box.server.withLock { $0 = server }
        return server
    }

    func stop() async {
        try? await channel.close()
    }

    /// Records `request`; returns its index.
    fileprivate func record(_ request: Received) -> Int {
        log.withLock {
            $0.append(request)
            return $0.count - 1
        }
    }

    /// The server, set once it is bound (the handlers are made before).
    private final class Box: Sendable {
        let server = Mutex<StubHTTPServer?>(nil)
    }

    /// Reads a request whole, then writes the reply.
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let box: Box
        let respond: @Sendable (Received, Int) -> Reply
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(box: Box, respond: @escaping @Sendable (Received, Int) -> Reply) {
            self.box = box
            self.respond = respond
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head, let server = box.server.withLock({ $0 }) else { return }
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                let received = Received(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
                let index = server.record(received)
                switch respond(received, index) {
                case .drop:
                    context.close(promise: nil)
                case .answer(let status, let extra, let text):
                    var responseHeaders = HTTPHeaders(extra)
                    let bytes = Array(text.utf8)
                    if !responseHeaders.contains(name: "content-length") {
                        responseHeaders.add(name: "Content-Length", value: String(head.method == .HEAD ? 0 : bytes.count))
                    }
                    let responseHead = HTTPResponseHead(
                        version: head.version, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
                    context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
                    if head.method != .HEAD, !bytes.isEmpty {
                        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
                    }
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
            }
        }
    }
}
