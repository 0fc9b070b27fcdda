import ExplainerKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// `explainer preview`: builds the site, serves the output folder over HTTP (Hummingbird),
/// watches the sources and rebuilds incrementally as the author writes, and reloads open
/// pages through Server-Sent Events.
///
/// `run()` returns when its task is cancelled (Ctrl-C in the CLI) or the server fails; it
/// throws a `BuildFailure` for problems the author can fix (port in use, unsafe output
/// folder). Everything worth printing is handed to `report`. The flags' values are the CLI's
/// to validate (argument-parser); a bad `settings.baseURL` fails the build, saying so.
public struct PreviewServer: Sendable {
    /// Where to read and serve, and on which address.
    public struct Configuration: Sendable {
        public var paths: BuildRunner.Paths
        public var settings: BuildSettings
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// Quiet time that ends a burst of saves.
        public var debounce: Duration
        /// Told how the encoding of images goes (done, total), for a terminal.
        package var progress: MediaStage.Progress?

        public init(
            paths: BuildRunner.Paths = .init(), settings: BuildSettings = .init(), host: String = "127.0.0.1",
            port: Int = 8000, debounce: Duration = Watcher.defaultDebounce
        ) {
            self.paths = paths
            self.settings = settings
            self.host = host
            self.port = port
            self.debounce = debounce
        }
    }

    /// Something that happened, for the terminal.
    public enum Event: Sendable {
        /// The first build succeeded and the output folder holds it.
        case initialBuild(SiteBuild, milliseconds: Double)
        /// The first build failed: the output folder is as it was.
        case initialBuildFailed(BuildFailure, milliseconds: Double)
        /// The server accepts connections at `url` (with the port actually bound).
        case listening(url: String, port: Int)
        case rebuild(PreviewSession.Outcome)
    }

    public let configuration: Configuration
    public let liveReload = LiveReload()
    private let report: @Sendable (Event) -> Void

    public init(configuration: Configuration, report: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.report = report
    }

    public func run() async throws(BuildFailure) {
        let paths = configuration.paths
        let runner = BuildRunner(paths: paths, settings: configuration.settings, progress: configuration.progress)
        let unsafe = runner.checkSafe()
        if !unsafe.isEmpty { throw BuildFailure(unsafe) }

        // Watching starts before the first build reads anything, so that every change after
        // that read is reported: rebuilds look only at the files the watcher names.
        let early = try? Watcher(roots: [paths.content], awaiting: [paths.templates], debounce: configuration.debounce)
        // Served under the base path of the last good build (the session sets it).
        let basePath = BasePath.Current(configuration.settings.baseURL.map(BasePath.init(baseURL:)) ?? BasePath())
        let session = PreviewSession(runner: runner, liveReload: liveReload, basePath: basePath)
        let start = ContinuousClock.now
        do {
            let first = try await session.initialBuild()
            report(.initialBuild(first, milliseconds: Self.milliseconds(since: start)))
        } catch {
            report(.initialBuildFailed(error, milliseconds: Self.milliseconds(since: start)))
        }
        if !FileSystem.isDirectory(paths.output) { try? FileSystem.makeDirectory(paths.output) }
        // Could not watch before the build (the folder was missing?): try again, reporting why
        // it fails; changes made during the build are then found by a full scan.
        let watcher: Watcher
        if let early {
            watcher = early
        } else {
            watcher = try Watcher(roots: [paths.content], awaiting: [paths.templates], debounce: configuration.debounce)
            await session.scanEverythingNext()
        }
        var logger = Logger(label: "explainer.preview")
        logger.logLevel = .critical
        let host = configuration.host
        let report = self.report
        let app = Application(
            responder: StaticFileResponder(
                root: paths.output, liveReload: liveReload, hosts: HostPolicy(listeningOn: host), basePath: basePath),
            server: PreviewHTTPChannel.builder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                report(.listening(url: "http://\(shown):\(port)\(basePath.basePath.path)/", port: port))
            },
            logger: logger)

        // The rebuild loop runs as the last service, so a graceful shutdown stops it first:
        // it ends the event streams, which lets the HTTP server finish its open responses.
        let rebuilds = RebuildService(watcher: watcher, session: session, liveReload: liveReload, report: report)
        let group = ServiceGroup(configuration: .init(services: [app, rebuilds], logger: logger))
        // Cancelling run() shuts the group down gracefully: the group runs in a task of its own,
        // so the cancellation does not reach the HTTP server's connections directly (which would
        // cut open event streams mid-response: `ERR_INCOMPLETE_CHUNKED_ENCODING` in the browser).
        // Should the graceful shutdown hang, the group is cancelled after `shutdownTimeout`.
        let running = Task { try await group.run() }
        do {
            try await withTaskCancellationHandler {
                try await running.value
            } onCancel: {
                Task {
                    await group.triggerGracefulShutdown()
                    try? await Task.sleep(for: Self.shutdownTimeout)
                    running.cancel()
                }
            }
        } catch {
            watcher.stop()
            liveReload.finishAll()
            throw Self.failure(error, host: host, port: configuration.port)
        }
        watcher.stop()
        liveReload.finishAll()
    }

    /// The author's view of why the server stopped: a busy port or an address that is not
    /// this machine's is recognised by its errno (NIO's `IOError` from `bind`).
    static func failure(_ error: any Error, host: String, port: Int) -> BuildFailure {
        let address = "\(host):\(port)"
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE:
            return BuildFailure(
                Diagnostic(
                    file: address, message: "Port \(port) on \(host) is already in use.",
                    hint: "Stop the other server, or pass another --port (--port 0 picks a free one)."))
        case EADDRNOTAVAIL:
            return BuildFailure(
                Diagnostic(
                    file: address, message: "Cannot listen on \(host): it is not an address of this machine.",
                    hint: "Use --host 127.0.0.1 (the default)."))
        default:
            if error is SocketAddressError {
                return BuildFailure(
                    Diagnostic(
                        file: address, message: "Cannot listen on \(host): it is not a name or address this machine can resolve.",
                        hint: "Use --host 127.0.0.1 (the default)."))
            }
            return BuildFailure(Diagnostic(file: address, message: "The preview server stopped: \(error)."))
        }
    }

    /// How long a graceful shutdown may take before open connections are cut.
    static let shutdownTimeout: Duration = .seconds(3)

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
