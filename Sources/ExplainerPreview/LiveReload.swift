import ExplainerKit
import Foundation

/// The live-reload hub: every open page holds a Server-Sent Events connection to
/// `/_explainer/events`; the preview broadcasts `LiveReloadEvent`s to all of them.
///
/// While the last rebuild failed, the hub remembers its diagnostics and sends them to every
/// page that connects, so a page opened (or reloaded) during a failure shows the overlay too.
/// Likewise the warnings of the last good build: every page that connects is sent them, so
/// they stay in view (after each reload) until a build has none.
public final class LiveReload: @unchecked Sendable {
    /// URL of the client script injected into pages.
    public static let scriptPath = PreviewAddresses.script
    /// URL of the event stream.
    public static let eventsPath = PreviewAddresses.events
    /// The tag injected before `</body>`.
    public static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    private let lock = NSLock()
    private var clients: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var failure: [Diagnostic]?
    private var warnings: [Diagnostic] = []
    /// Set by `finishAll()`: a page connecting after it gets an ended stream, so it cannot hold
    /// the server open during shutdown.
    private var finished = false

    public init() {}

    /// Number of connected pages.
    public var clientCount: Int { lock.withLock { clients.count } }

    /// A new connection's events: the current failure (or else the current warnings) first,
    /// if any, then every broadcast.
    public func subscribe() -> AsyncStream<LiveReloadEvent> {
        let (stream, continuation) = AsyncStream<LiveReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id: Int? = lock.withLock {
            if finished { return nil }
            let id = nextID
            nextID += 1
            clients[id] = continuation
            if let failure {
                continuation.yield(.error(failure))
            } else if !warnings.isEmpty {
                continuation.yield(.warnings(warnings))
            }
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.clients.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `event` to every connected page; `.warnings` only when they differ from those
    /// the pages were last sent (a page whose author closed them is not shown them again).
    public func broadcast(_ event: LiveReloadEvent) {
        let targets: [AsyncStream<LiveReloadEvent>.Continuation] = lock.withLock {
            switch event {
            case .error(let diagnostics): failure = diagnostics
            case .reload, .css: failure = nil
            case .warnings(let diagnostics):
                if failure == nil, diagnostics == warnings { return [] }
                failure = nil
                warnings = diagnostics
            case .ping: break
            }
            return Array(clients.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every connection, and every later one (on shutdown).
    public func finishAll() {
        let targets = lock.withLock {
            finished = true
            return Array(clients.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
