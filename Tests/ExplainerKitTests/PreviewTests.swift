import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// A preview server running in-process on a free port against a fixture copy.
final class PreviewHarness: @unchecked Sendable {
    let fixture: Fixtures.SampleSite
    let task: Task<Void, Error>
    let port: Int
    /// The URL the server printed.
    let url: String

    /// - Parameter prepare: changes the fixture's sources before the first build.
    init(settings: BuildSettings = .init(), prepare: (Fixtures.SampleSite) throws -> Void = { _ in }) async throws {
        fixture = try Fixtures.SampleSite()
        try prepare(fixture)
        let (ports, continuation) = AsyncStream<(Int, String)>.makeStream()
        let server = PreviewServer(
            configuration: .init(paths: fixture.paths, settings: settings, host: "127.0.0.1", port: 0),
            report: { event in
                if case .listening(let url, let port) = event { continuation.yield((port, url)) }
            })
        task = Task { try await server.run() }
        // A bound that catches a server that never listens, not a slow machine: many previews
        // start at once here, each building the sample site first, on two shared cores.
        let timeout = Task {
            try await Task.sleep(for: .seconds(60)); continuation.finish()
        }
        var found: (Int, String)?
        for await listening in ports {
            found = listening
            break
        }
        timeout.cancel()
        guard let found, found.0 > 0 else { throw POSIXError(.ETIMEDOUT) }
        (port, url) = found
    }

    func get(_ path: String) async throws -> HTTPTestClient.Response { try await HTTPTestClient.get(port, path) }

    /// An open `/_explainer/events` stream, subscribed by the time this returns.
    func events() async throws -> HTTPTestClient {
        let client = try HTTPTestClient(port: port)
        client.send(LiveReload.eventsPath)
        _ = await client.next(until: { $0.contains("retry:") })
        return client
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        fixture.remove()
    }
}

@Suite struct PreviewTests {
    @Test func servesPagesWithTheLiveReloadScript() async throws {
        let preview = try await PreviewHarness()
        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains(LiveReload.scriptTag + "</body>"))
        let page = try await preview.get("/russia-taliban/history/")
        #expect(page.status == 200)
        #expect(page.body.contains(LiveReload.scriptTag))
        // Never written into the output folder.
        let onDisk = try preview.fixture.read(preview.fixture.paths.output + "/index.html")
        #expect(!onDisk.contains("live.js"))
        let css = try await preview.get("/assets/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        let script = try await preview.get(LiveReload.scriptPath)
        #expect(script.status == 200)
        #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true)
        #expect(script.body.contains("EventSource"))
        await preview.stop()
    }

    @Test func unknownPathsGetTheSite404AndFoldersRedirect() async throws {
        let preview = try await PreviewHarness()
        let missing = try await preview.get("/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"))
        #expect(missing.body.contains(LiveReload.scriptTag))
        let redirect = try await preview.get("/russia-taliban?x=1")
        #expect(redirect.status == 302)
        #expect(redirect.headers["location"] == "/russia-taliban/?x=1")
        await preview.stop()
    }

    @Test func requestsCannotLeaveTheOutputFolder() async throws {
        let preview = try await PreviewHarness()
        let secret = preview.fixture.root + "/secret.txt"
        try preview.fixture.write("TOP SECRET", to: secret)
        let output = preview.fixture.paths.output
        try FileManager.default.createSymbolicLink(atPath: output + "/leak.txt", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: output + "/leakdir", withDestinationPath: preview.fixture.root)
        for path in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/%2e%2E/secret.txt", "/%2f../secret.txt",
            "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/leak.txt",
            "/leakdir/secret.txt", "/..\\secret.txt", "/%00",
        ] {
            let response = try await preview.get(path)
            #expect(response.status >= 400, "\(path) -> \(response.status)")
            #expect(!response.body.contains("TOP SECRET"), "\(path) leaked")
        }
        await preview.stop()
    }

    @Test func editsReloadAndBrokenFrontMatterShowsErrorsWhileServingTheLastGoodBuild() async throws {
        let preview = try await PreviewHarness()
        let events = try await preview.events()
        let original = try preview.fixture.read(preview.fixture.article)

        // A good edit: reload.
        try preview.fixture.write(original + "\nA new closing paragraph.\n", to: preview.fixture.article)
        #expect(await events.next(until: { $0.contains("event: reload") }).contains("event: reload"))
        #expect(try await preview.get("/russia-taliban/all/").body.contains("A new closing paragraph."))
        events.drain()

        // Broken front matter: an error event with file:line; the old page is still served.
        let broken = original.replacingOccurrences(of: "date: 2025-07-04", with: "date: [unclosed")
        try preview.fixture.write(broken, to: preview.fixture.article)
        let errorText = await events.next(until: { $0.contains("event: error") && $0.contains("}]}") })
        #expect(errorText.contains("event: error"))
        #expect(errorText.contains("russia-taliban/index.md:"))
        let stillServed = try await preview.get("/russia-taliban/")
        #expect(stillServed.status == 200)
        #expect(stillServed.body.contains("Russia"))
        // A page opened now gets the error straight away.
        let late = try await preview.events()
        #expect(await late.next(until: { $0.contains("event: error") }).contains("event: error"))
        events.drain()

        // Fixed: reload.
        try preview.fixture.write(original, to: preview.fixture.article)
        #expect(await events.next(until: { $0.contains("event: reload") }).contains("event: reload"))
        await preview.stop()
    }

    @Test func stylesheetOnlyChangesSendCSS() async throws {
        let preview = try await PreviewHarness()
        let events = try await preview.events()
        let css = preview.fixture.root + "/Templates/assets/style.css"
        try preview.fixture.write(try preview.fixture.read(css) + "\nbody { color: #123; }\n", to: css)
        let text = await events.next(until: { $0.contains("event: css") || $0.contains("event: reload") })
        #expect(text.contains("event: css"))
        #expect(!text.contains("event: reload"))
        await preview.stop()
    }

    @Test func stoppingEndsOpenEventStreamsWithTheLastChunk() async throws {
        let preview = try await PreviewHarness()
        let events = try await preview.events()
        await preview.stop()
        // A graceful shutdown: the chunked response ends properly (browsers otherwise report
        // ERR_INCOMPLETE_CHUNKED_ENCODING), rather than the connection being cut.
        let text = await events.next(until: { $0.hasSuffix("\r\n0\r\n\r\n") })
        #expect(text.hasSuffix("\r\n0\r\n\r\n"))
    }

    @Test func aStreamOpenedAfterShutdownEndsAtOnce() async {
        let hub = LiveReload()
        hub.finishAll()
        var received = 0
        for await _ in hub.subscribe() { received += 1 }
        #expect(received == 0)
        #expect(hub.clientCount == 0)
    }

    @Test func aBusyPortIsReportedByNumber() async throws {
        let preview = try await PreviewHarness()
        let other = try Fixtures.SampleSite()
        defer { other.remove() }
        let server = PreviewServer(configuration: .init(paths: other.paths, port: preview.port), report: { _ in })
        do {
            try await server.run()
            Issue.record("expected the port to be busy")
        } catch {
            #expect(error.description.contains("Port \(preview.port)"))
            #expect(error.description.contains("already in use"))
        }
        await preview.stop()
    }
}
