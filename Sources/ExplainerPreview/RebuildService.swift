import ExplainerKit
import ServiceLifecycle

/// The preview's rebuild loop as a service: turns the watcher's batches of changes into
/// rebuilds, keeps idle event streams alive, and on graceful shutdown stops the watcher and
/// ends every event stream.
struct RebuildService: Service {
    let watcher: Watcher
    let session: PreviewSession
    let liveReload: LiveReload
    let report: @Sendable (PreviewServer.Event) -> Void

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
                report(.rebuild(outcome))
            }
        } onGracefulShutdown: {
            watcher.stop()
            liveReload.finishAll()
        }
    }
}
