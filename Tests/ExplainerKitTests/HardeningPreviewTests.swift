import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

#if canImport(Glibc)
import Glibc
#endif

/// The preview's HTTP serving under hostile requests (issue 11: classes 7, 8, 10, 21 and
/// HTTP/1.0 keep-alive), over real HTTP on 127.0.0.1.
@Suite struct HardeningPreviewTests {
    // MARK: 7. A file outside the output folder is never served, even through a racing symlink

    @Test func aSymlinkSwappedInDuringRequestsNeverLeaksAFileOutsideTheFolder() async throws {
        let preview = try await PreviewHarness()
        let output = preview.fixture.paths.output
        let outside = preview.fixture.root + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try preview.fixture.write("TOP SECRET", to: outside + "/secret.txt")
        try FileManager.default.createDirectory(atPath: output + "/sub", withIntermediateDirectories: true)
        try preview.fixture.write("PUBLIC COPY", to: output + "/sub/secret.txt")

        // Swaps `sub` between the real folder and a symlink to the outside folder, as fast as it can.
        let stop = Flag()
        nonisolated(unsafe) var swaps = 0
        let racer = Thread {
            let sub = output + "/sub"
            let kept = output + "/sub.real"
            while !stop.isSet {
                rename(sub, kept)
                symlink(outside, sub)
                unlink(sub)
                rename(kept, sub)
                swaps += 1
            }
            stop.acknowledge()
        }
        racer.start()
        let results = try await withThrowingTaskGroup(of: [HTTPTestClient.Response].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try await HTTPTestClient.offPool {
                        try (0..<750).map { _ in try HTTPTestClient.getBlocking(preview.port, "/sub/secret.txt") }
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        stop.set()
        await stop.waitForAcknowledgement()
        let leaks = results.filter { $0.body.contains("TOP SECRET") }
        #expect(results.count == 3000)
        #expect(leaks.isEmpty, "\(leaks.count) of 3000 requests served the file outside the folder")
        #expect(results.contains { $0.status == 200 && $0.body.contains("PUBLIC COPY") }, "the race never served the real file")
        // The race really ran: the folder was swapped many times and some requests missed the real file.
        #expect(swaps > 1000, "the racer swapped the folder only \(swaps) times")
        #expect(results.contains { $0.status != 200 }, "no request ever met the swapped-in symlink")
        await preview.stop()
    }

    @Test func insideMeansByteForByteNotCanonicallyEquivalent() {
        let composed = "/srv/caf\u{E9}"
        let decomposed = "/srv/cafe\u{301}"
        #expect(composed == decomposed)  // what String's == says, and why bytes are compared
        let root = FileSystem.Root(composed)  // not on disk: taken as spelt
        #expect(root.holds(composed + "/a.html"))
        #expect(root.holds(composed))
        #expect(!root.holds(decomposed + "/a.html"))
        #expect(!root.holds(decomposed))
        #expect(!root.holds("/srv/caf\u{E9}x/a.html"))
        #expect(FileSystem.Root("/").holds("/etc/passwd"))
    }

    @Test func aFIFOOrASymlinkToOneIsNotFoundAtOnceNotAHang() async throws {
        let preview = try await PreviewHarness()
        let output = preview.fixture.paths.output
        #expect(mkfifo(output + "/pipe.html", 0o644) == 0)
        #expect(mkfifo(preview.fixture.root + "/outside-pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: output + "/linked-pipe.txt", withDestinationPath: preview.fixture.root + "/outside-pipe")
        for path in ["/pipe.html", "/linked-pipe.txt"] {
            let start = Date()
            let response = try await preview.get(path)
            #expect(response.status == 404 || response.status == 403, "\(path) -> \(response.status)")
            #expect(Date().timeIntervalSince(start) < 20, "\(path) took too long")
        }
        // The server still answers.
        #expect(try await preview.get("/").status == 200)
        await preview.stop()
    }

    // MARK: 8. DNS rebinding: only loopback names, addresses and the --host are answered

    @Test func foreignHostHeadersAreMisdirectedOnEveryRoute() async throws {
        let preview = try await PreviewHarness()
        let port = preview.port
        for host in [
            "evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost.evil.example",
            "attacker.com:80", "0x7f000001:\(port)", "192.168.1.20:\(port)", "[::2]:\(port)",
        ] {
            for path in ["/", "/russia-taliban/", LiveReload.scriptPath, LiveReload.eventsPath, "/assets/style.css", "/russia-taliban"] {
                let (response, _) = try await HTTPTestClient.raw(
                    port, "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(response.status == 421, "\(host) \(path) -> \(response.status)")
                #expect(!response.body.contains("Russia") && !response.body.contains("EventSource") && !response.body.contains("retry:"))
                #expect(response.headers["location"] == nil)
            }
        }
        for host in [
            "localhost:\(port)", "LOCALHOST:\(port)", "localhost", "127.0.0.1:\(port)", "127.0.0.2:\(port)",
            "[::1]:\(port)", "preview.localhost:\(port)", "localhost.:\(port)",
        ] {
            let (response, _) = try await HTTPTestClient.raw(port, "GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
            #expect(response.status == 200, "\(host) -> \(response.status)")
        }
        // Two Host fields, or a malformed one: 400.
        for head in [
            "Host: 127.0.0.1\r\nHost: evil.example", "Host: 127.0.0.1:80:80", "Host: [::1", "Host: 127.0.0.1:http", "Host: 127.0.0.1:99999",
            "Host: evil@127.0.0.1",
        ] {
            let (response, _) = try await HTTPTestClient.raw(port, "GET / HTTP/1.1\r\n\(head)\r\nConnection: close\r\n\r\n")
            #expect(response.status == 400, "\(head) -> \(response.status)")
        }
        // No Host (an HTTP/1.0 client; no browser sends such a request): served.
        let (bare, _) = try await HTTPTestClient.raw(port, "GET / HTTP/1.0\r\n\r\n")
        #expect(bare.status == 200)
        await preview.stop()
    }

    @Test func theHostPolicyAcceptsTheListeningAddressAndOnWildcardsAnyAddress() {
        let loopback = HostPolicy(listeningOn: "127.0.0.1")
        #expect(loopback.verdict(["192.168.1.20:8000"]) == .misdirected)
        let lan = HostPolicy(listeningOn: "192.168.1.20")
        #expect(lan.verdict(["192.168.1.20:8000"]) == .allowed)
        #expect(lan.verdict(["localhost:8000"]) == .allowed)
        #expect(lan.verdict(["10.0.0.1:8000"]) == .misdirected)
        #expect(lan.verdict(["evil.example:8000"]) == .misdirected)
        let named = HostPolicy(listeningOn: "Preview.Example")
        #expect(named.verdict(["preview.example:8000"]) == .allowed)
        #expect(named.verdict(["evil.example"]) == .misdirected)
        for wildcard in ["0.0.0.0", "::", "[::]"] {
            let any = HostPolicy(listeningOn: wildcard)
            #expect(any.verdict(["0.0.0.0:8000"]) == .allowed)
            #expect(any.verdict(["10.1.2.3:8000"]) == .allowed)
            #expect(any.verdict(["[fe80::1]:8000"]) == .allowed)
            #expect(any.verdict(["evil.example:8000"]) == .misdirected)
        }
        #expect(HostPolicy.isLoopback("127.0.0.1") && HostPolicy.isLoopback("::1") && HostPolicy.isLoopback("[::1]"))
        #expect(HostPolicy.isLoopback("localhost") && HostPolicy.isLoopback("127.8.9.10"))
        #expect(!HostPolicy.isLoopback("127.evil.example") && !HostPolicy.isLoopback("0.0.0.0") && !HostPolicy.isLoopback("::"))
    }

    // MARK: 10. No redirect leads to another host

    @Test func redirectsAreAlwaysSingleSlashPathsOnThisHost() async throws {
        let preview = try await PreviewHarness()
        let expected = [
            "//russia-taliban": "/russia-taliban",
            "///russia-taliban": "/russia-taliban",
            "//russia-taliban/": "/russia-taliban/",
            "/russia-taliban//history": "/russia-taliban/history",
            "/russia-taliban//history/": "/russia-taliban/history/",
            "//evil.example": "/evil.example",
            "//evil.example/": "/evil.example/",
            "////evil.example//x": "/evil.example/x",
        ]
        for (path, location) in expected {
            let response = try await preview.get(path)
            #expect(response.status == 302, "\(path) -> \(response.status)")
            #expect(response.headers["location"] == location, "\(path) -> \(response.headers["location"] ?? "none")")
        }
        // Following the redirects ends on the page, never elsewhere.
        let followed = try await preview.get("/russia-taliban")
        #expect(followed.headers["location"] == "/russia-taliban/")
        for path in [
            "/\\evil.example", "/%5cevil.example", "/%5Cevil.example/", "/%2f%2fevil.example", "/%2F/evil.example",
            "//%2fevil.example", "/\\/evil.example", "/%2e%2e//evil.example", "/http://evil.example",
            "/russia-taliban?next=//evil.example", "//russia-taliban?x=1",
        ] {
            let response = try await preview.get(path)
            if let location = response.headers["location"] {
                #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"), "\(path) -> \(location)")
                let pathPart = location.split(separator: "?", maxSplits: 1).first.map(String.init) ?? location
                #expect(
                    !pathPart.contains("//") && !pathPart.contains("\\") && !pathPart.lowercased().contains("%5c"), "\(path) -> \(location)"
                )
                #expect(StaticFileResponder.isLocalPath(pathPart), "\(path) -> \(location)")
            } else {
                #expect(response.status >= 400, "\(path) -> \(response.status)")
            }
        }
        #expect(!StaticFileResponder.isLocalPath("//evil.example/"))
        #expect(!StaticFileResponder.isLocalPath("/\\evil.example/"))
        #expect(!StaticFileResponder.isLocalPath("https://evil.example/"))
        #expect(!StaticFileResponder.isLocalPath("/%2f%2fevil.example/"))
        #expect(!StaticFileResponder.isLocalPath("/%5cevil.example/"))
        #expect(StaticFileResponder.isLocalPath("/russia-taliban/"))
        await preview.stop()
    }

    // MARK: HTTP/1.0 without keep-alive is closed after its response

    @Test func connectionsCloseAfterTheResponseUnlessKeepAliveWasAsked() async throws {
        let preview = try await PreviewHarness()
        let port = preview.port
        for request in [
            "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /russia-taliban/ HTTP/1.0\r\nHost: localhost\r\n\r\n",
            "HEAD / HTTP/1.0\r\n\r\n",
            "GET /russia-taliban HTTP/1.0\r\n\r\n",
            "GET /no-such-page/ HTTP/1.0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Close\r\n\r\n",
            "GET \(LiveReload.eventsPath) HTTP/1.0\r\n\r\n",
        ] {
            // Ample time for an answer on two cores shared with the other suites (some encoding
            // images); the event stream, held open, is given up on after 2 s.
            let (response, closed) = try await HTTPTestClient.raw(port, request, timeout: request.contains("events") ? 2 : 20)
            #expect(response.status > 0, "\(request.debugDescription) -> no response")
            #expect(closed || request.contains("events"), "\(request.debugDescription): the connection was held open")
            if !request.contains("events") { #expect(response.headers["connection"]?.lowercased() == "close") }
            #expect(response.headers["transfer-encoding"] == nil || request.contains("HTTP/1.1"))
        }
        // HTTP/1.0 with keep-alive, and HTTP/1.1 by default: two requests on one connection.
        for first in ["GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"] {
            let second = try await HTTPTestClient.offPool { () -> (String, Bool) in
                let client = try HTTPTestClient(port: port)
                client.sendRaw(first)
                _ = client.read(until: { $0.contains("</html>") }, timeout: 3)
                client.drain()
                client.sendRaw("GET /assets/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                return (client.read(until: { _ in false }, timeout: 3), client.closed)
            }
            #expect(second.0.hasPrefix("HTTP/1.1 200"), "\(first.debugDescription): second request -> \(second.0.prefix(40))")
            #expect(second.1)
        }
        await preview.stop()
    }

    // MARK: 21. A site under a sub-path is served under it

    @Test func aSiteWithABasePathIsServedUnderIt() async throws {
        let preview = try await PreviewHarness { fixture in
            let config = fixture.paths.content + "/site.yml"
            let text = try fixture.read(config)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasPrefix("baseURL:") ? "baseURL: https://host.example/explainers/" : String($0)
            }
            try fixture.write(lines.joined(separator: "\n"), to: config)
        }
        try await expectServedUnder("/explainers", preview)
        #expect(preview.url.hasSuffix("/explainers/"), "printed \(preview.url)")

        // Editing site.yml's baseURL moves the site.
        let events = try await preview.events()
        let config = preview.fixture.paths.content + "/site.yml"
        let text = try preview.fixture.read(config)
        try preview.fixture.write(
            text.replacingOccurrences(of: "https://host.example/explainers/", with: "https://host.example/docs/x"), to: config)
        _ = await events.next(until: { $0.contains("event: reload") })
        // The reload is sent as the rebuild ends; the new base path is taken just after.
        for _ in 0..<100 where try await preview.get("/docs/x/").status != 200 {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await expectServedUnder("/docs/x", preview)
        await preview.stop()
    }

    @Test func theBaseURLSettingOverridesSiteYMLForThePreviewToo() async throws {
        let preview = try await PreviewHarness(settings: BuildSettings(baseURL: "https://host.example/explainers/"))
        try await expectServedUnder("/explainers", preview)
        #expect(BasePath(baseURL: "https://host.example").path == "")
        #expect(BasePath(baseURL: "https://host.example/").path == "")
        #expect(BasePath(baseURL: "https://host.example/a/b/").path == "/a/b")
        await preview.stop()
    }

    func expectServedUnder(_ base: String, _ preview: PreviewHarness) async throws {
        let home = try await preview.get(base + "/")
        #expect(home.status == 200)
        #expect(home.body.contains(LiveReload.scriptTag))
        #expect(try await preview.get(base + "/russia-taliban/").status == 200)
        #expect(try await preview.get(base + "/russia-taliban/history/").status == 200)
        #expect(try await preview.get(base + "/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try await preview.get(base + "/russia-taliban").headers["location"] == base + "/russia-taliban/")
        #expect(try await preview.get(base).headers["location"] == base + "/")
        #expect(try await preview.get("/").headers["location"] == base + "/")
        #expect(try await preview.get("/?x=1").headers["location"] == base + "/?x=1")
        let outside = try await preview.get("/russia-taliban/")
        #expect(outside.status == 404)
        #expect(outside.body.contains(base + "/"))
        #expect(try await preview.get(base + "x/").status == 404)
        #expect(try await preview.get(base + "/no-such-page/").body.contains("Page not found"))
        // The live-reload routes stay at the root, where the injected tag points.
        #expect(try await preview.get(LiveReload.scriptPath).status == 200)
    }
}

/// A flag one thread sets and another waits on.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var acknowledged = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    func acknowledge() { lock.withLock { acknowledged = true } }

    func waitForAcknowledgement() async {
        while !lock.withLock({ acknowledged }) { try? await Task.sleep(for: .milliseconds(5)) }
    }
}
