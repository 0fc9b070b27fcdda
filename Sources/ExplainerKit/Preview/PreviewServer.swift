import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `explainer preview`: builds the site, serves the output folder over HTTP (Hummingbird),
/// watches the sources and rebuilds incrementally as the author writes, and reloads open
/// pages through Server-Sent Events.
///
/// `run()` returns when its task is cancelled (Ctrl-C in the CLI) or the server fails; it
/// throws a `BuildFailure` for problems the author can fix (port in use, unsafe output
/// folder). Everything worth printing is handed to `report`.
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
        case initialBuild(Result<BuildRunner.Report, BuildFailure>, milliseconds: Double)
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
        let runner = BuildRunner(paths: paths, settings: configuration.settings)
        if let url = configuration.settings.baseURL, let problem = BaseURL.flagProblem(url) {
            throw BuildFailure(problem)
        }
        let unsafe = runner.checkSafe()
        if !unsafe.isEmpty { throw BuildFailure(unsafe) }

        // Watching starts before the first build reads anything, so that every change after
        // that read is reported: rebuilds look only at the files the watcher names.
        let early = try? Watcher(roots: [paths.content, paths.templates], debounce: configuration.debounce)
        let session = PreviewSession(runner: runner, liveReload: liveReload)
        let start = ContinuousClock.now
        let first = await session.initialBuild()
        let ms = Self.milliseconds(since: start)
        report(.initialBuild(first, milliseconds: ms))
        if !FileSystem.isDirectory(paths.output) { try? FileSystem.makeDirectory(paths.output) }
        // Could not watch before the build (the folder was missing?): try again, reporting why
        // it fails; changes made during the build are then found by a full scan.
        let watcher: Watcher
        if let early {
            watcher = early
        } else {
            watcher = try Watcher(roots: [paths.content, paths.templates], debounce: configuration.debounce)
            await session.scanEverythingNext()
        }
        var logger = Logger(label: "explainer.preview")
        logger.logLevel = .critical
        let host = configuration.host
        let report = self.report
        let basePath = BasePath.Current(BasePath.of(paths, settings: configuration.settings) ?? BasePath())
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
        let rebuilds = RebuildService(
            watcher: watcher, session: session, liveReload: liveReload, report: report,
            basePath: basePath, readBasePath: { [paths, settings = configuration.settings] in BasePath.of(paths, settings: settings) })
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
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw BuildFailure(Diagnostic(
                    file: "--port", message: "Port \(configuration.port) on \(host) is already in use.",
                    hint: "Stop the other server, or pass another --port (--port 0 picks a free one)."))
            }
            if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
                throw BuildFailure(Diagnostic(
                    file: "--host", message: "Cannot listen on \(host): it is not an address of this machine.",
                    hint: "Use --host 127.0.0.1 (the default)."))
            }
            throw BuildFailure(Diagnostic(file: "\(host):\(configuration.port)", message: "The preview server stopped: \(text)."))
        }
        watcher.stop()
        liveReload.finishAll()
    }

    /// How long a graceful shutdown may take before open connections are cut.
    static let shutdownTimeout: Duration = .seconds(3)

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
