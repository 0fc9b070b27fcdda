import ExplainerKit
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The preview's HTTP/1 connections: Hummingbird's `HTTP1Channel` pipeline with
/// `KeepAliveHandler` in it, so that a connection is kept open only when the client asked
/// for it (RFC 9112 §9.3: HTTP/1.0 closes unless it sends `Connection: keep-alive`; HTTP/1.1
/// closes on `Connection: close`).
///
/// Hummingbird 2.28.1 turns each request into version-less HTTP types and keeps reading
/// requests until one carries exactly `Connection: close`; it never sees that a request was
/// HTTP/1.0. The handler, placed before that conversion, sees the version.
struct PreviewHTTPChannel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
            try channel.pipeline.syncOperations.addHandler(KeepAliveHandler())
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }

    /// The server for `Application(server:)`.
    static var builder: HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewHTTPChannel(responder: responder) }
    }
}

/// Closes a connection after the response when its request did not ask to keep it open, and
/// answers an HTTP/1.0 request in HTTP/1.0 terms (no chunked encoding: a body without a
/// length ends with the connection).
///
/// A request that is not keep-alive gets `Connection: close`, which is what Hummingbird stops
/// at; its response says `Connection: close` too, and the connection is closed once it is sent.
final class KeepAliveHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The requests read and not yet answered, oldest first: their version and whether the
    /// connection may stay open after their response.
    private var pending: [(version: HTTPVersion, keepAlive: Bool)] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let keepAlive = head.isKeepAlive
        pending.append((head.version, keepAlive))
        if !keepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where !pending.isEmpty:
            var request = pending[0]
            if request.version.major == 1 && request.version.minor == 0 {
                head.version = .http1_0
                // HTTP/1.0 has no chunked encoding: a body of unknown length ends with the connection.
                if !head.headers.contains(name: "content-length") { request.keepAlive = false }
            }
            if request.keepAlive {
                if head.version == .http1_0 { head.headers.replaceOrAdd(name: "connection", value: "keep-alive") }
            } else {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            }
            pending[0] = request
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where !pending.isEmpty:
            let request = pending.removeFirst()
            guard !request.keepAlive else {
                context.write(data, promise: promise)
                return
            }
            // Half-close: the client reads the whole response, then closes its side.
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(data).whenComplete { result in
                loopBound.value.close(mode: .output, promise: nil)
                promise?.completeWith(result)
            }
        default:
            context.write(data, promise: promise)
        }
    }
}
