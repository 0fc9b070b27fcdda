import ServiceLifecycle

/// The preview's rebuild loop as a service: turns the watcher's batches of changes into
/// rebuilds, keeps idle event streams alive, and on graceful shutdown stops the watcher and
/// ends every event stream.
struct RebuildService: Service {
    let watcher: Watcher
    let session: PreviewSession
    let liveReload: LiveReload
    let report: @Sendable (PreviewServer.Event) -> Void
    /// The base path the site is served under, and how to read it again after a rebuild
    /// (`site.yml`'s `baseURL` may have changed).
    let basePath: BasePath.Current
    let readBasePath: @Sendable () -> BasePath?

    /// Whether a change to `path` may have changed the base path (`site.yml`, or unknown files).
    static func mayChangeBasePath(_ path: String) -> Bool {
        path == "*" || path == "site.yml" || path.hasSuffix("/site.yml")
    }

    func run() async throws {
        let liveReload = self.liveReload
        let pinger = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(15))
                liveReload.broadcast(.ping)
            }
        }
        defer { pinger.cancel() }
        await withGracefulShutdownHandler {
            for await batch in watcher.changes {
                guard let outcome = await session.rebuild(batch) else { continue }
                if case .rebuilt(let rebuild) = outcome, rebuild.changed.contains(where: Self.mayChangeBasePath),
                   let path = readBasePath() {
                    basePath.basePath = path
                }
                report(.rebuild(outcome))
            }
        } onGracefulShutdown: {
            watcher.stop()
            liveReload.finishAll()
        }
    }
}
