import Foundation
import Testing

/// Bad input and interrupted publishes against the real server: a clear message, a non-zero
/// exit, nothing changed; and a publish killed at any moment (the server or the publisher)
/// leaves pages that resolve, and the next publish completes the site.
extension SeaweedFSPublishTests {
    @Test func aWrongSecretIsRefusedWith403AndChangesNothing() throws {
        let test = try Case("wrongsecret", articles: 2)
        defer { test.site.delete() }
        try test.publish()
        try test.site.write(1, revision: 1)
        let before = try test.bucket.all()
        let wrong = "wrong-secret-\(UUID().uuidString)"
        let run = try test.cli.publish(test.bucket.target, secret: wrong, timeout: 120)
        #expect(run.status != 0, "\(run.log)")
        let codes = ["403", "SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied"]
        #expect(codes.contains { run.stderr.contains($0) }, "the server's refusal is surfaced: \(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains(wrong) && !(run.stdout + run.stderr).contains(test.server.secretKey))
        #expect(try test.bucket.all() == before)
    }

    @Test func aMissingBucketIsNamed() throws {
        let server = try S3TestServer.current()
        let site = try TestSite(articles: 1)
        defer { site.delete() }
        let name = "t-missing-\(UUID().uuidString.lowercased().prefix(8))"
        let run = try PublishCLI(server: server, site: site).publish("s3://\(name)", timeout: 120)
        #expect(run.status != 0, "\(run.log)")
        #expect(run.stderr.contains(name), "the message names the bucket: \(run.stderr)")
        #expect(try server.curl.request("HEAD", "/\(name)").status == 404, "and does not create it")
    }

    @Test func anEndpointThatIsNotS3IsReported() throws {
        let server = try S3TestServer.current()
        let site = try TestSite(articles: 1)
        defer { site.delete() }
        // A web server answering an HTML page to every request.
        let html = try BackgroundProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import http.server, sys
                class H(http.server.BaseHTTPRequestHandler):
                    def answer(self):
                        n = int(self.headers.get("Content-Length") or 0)
                        if n: self.rfile.read(n)
                        body = b"<!doctype html><title>Welcome</title><p>Hello"
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        if self.command != "HEAD": self.wfile.write(body)
                    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = answer
                    def log_message(self, *a): pass
                s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
                open(sys.argv[1], "w").write(str(s.server_address[1]))
                s.serve_forever()
                """,
                site.folder + "/port",
            ], in: site.folder, environment: S3TestServer.environment)
        defer { html.kill(SIGTERM) }
        #expect(Self.wait(timeout: 30) { FileManager.default.contents(atPath: site.folder + "/port")?.isEmpty == false })
        let port = try String(contentsOfFile: site.folder + "/port", encoding: .utf8)
        let run = try PublishCLI(server: server, site: site).publish("s3://bucket", endpoint: "http://127.0.0.1:\(port)", timeout: 120)
        #expect(run.status != 0, "\(run.log)")
        #expect(run.stderr.contains("S3"), "the message says the endpoint is not S3: \(run.stderr)")
        #expect(!run.stdout.contains("Published"))
    }

    /// Publishes the first 40 of `test`'s 200 explainers (the site a reader sees while the next
    /// publish runs), then puts the other 160 back and changes three of the first: the next
    /// publish adds pages, changes pages and entry files (long enough to be killed in the
    /// middle). Returns how many site objects are live.
    static func publishFirstHalf(_ test: Case) throws -> Int {
        for i in 40..<200 { try test.site.remove(i) }
        let first = try test.publish()
        #expect(first.uploaded > 0)
        for i in 40..<200 { try test.site.write(i) }
        for i in 0..<3 { try test.site.write(i, revision: 1) }
        let live = try test.bucket.siteObjects().count
        #expect(try test.bucket.unresolvedLinks() == [], "the first site resolves")
        return live
    }

    /// Starts a publish of `test`'s site in the background and returns once it has written
    /// at least `objects` site objects (nil if it ended first).
    static func publishUntil(_ test: Case, objects: Int, endpoint: String) throws -> BackgroundProcess? {
        // One request at a time: slow enough for the poll to see it halfway.
        let publish = try test.cli.start(["publish", "--to", test.bucket.target, "--endpoint", endpoint, "--parallel", "1"])
        let reached = wait(timeout: 240) {
            guard publish.isRunning else { return true }
            return (try? test.bucket.siteObjects().count) ?? 0 >= objects
        }
        return reached && publish.isRunning ? publish : nil
    }

    @Test func aPublisherKilledMidwayLeavesResolvingPagesAndTheRerunCompletes() throws {
        let test = try Case("killedpublisher", articles: 200)
        defer { test.site.delete() }
        // A live site first (40 explainers), then a publish adding 40 and changing 3, killed.
        let live = try Self.publishFirstHalf(test)
        let reference = try test.site.reference(test.cli)
        let publish = try #require(
            try Self.publishUntil(test, objects: live + 40, endpoint: test.server.endpoint), "it finished before the kill")
        publish.kill(SIGKILL)
        _ = try publish.finish(timeout: 30)
        let partial = try test.bucket.siteObjects()
        #expect(partial.count < reference.count, "killed in the middle")
        #expect(try test.bucket.unresolvedLinks() == [], "every page that is live resolves")
        // The killed publisher's lock is stale (this host, a dead pid): the rerun breaks it.
        let rerun = try test.cli.publish(test.bucket.target)
        #expect(rerun.status == 0, "\(rerun.log)")
        #expect((rerun.stdout + rerun.stderr).lowercased().contains("lock"), "the stale lock is reported: \(rerun.log)")
        #expect(Set(try test.bucket.siteObjects().keys) == Set(reference.keys))
        let third = try test.publish()
        #expect(third.uploaded == 0 && third.headerChanges == 0 && third.deleted == 0)
    }

    @Test func aServerKilledMidwayLeavesResolvingPagesAndTheRerunConverges() throws {
        let main = try S3TestServer.current()
        // A server of its own (its own ports and folder), to kill.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let probe = folder + "-probe"
        try Data("ready".utf8).write(to: URL(fileURLWithPath: probe))
        defer { try? FileManager.default.removeItem(atPath: probe) }
        func startServer() throws -> (BackgroundProcess, String) {
            let weed = try BackgroundProcess(
                "/bin/bash", [main.script, "serve", folder], in: S3TestServer.packageRoot, environment: S3TestServer.environment)
            var endpoint = ""
            let up = Self.wait(timeout: 90) {
                guard weed.isRunning else { return true }
                endpoint =
                    (try? String(contentsOfFile: folder + "/endpoint", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                    ?? ""
                guard !endpoint.isEmpty else { return false }
                let curl = SignedCurl(endpoint: endpoint, accessKey: main.accessKey, secretKey: main.secretKey)
                guard (try? curl.request("HEAD", "/explainer-test").status) == 200 else { return false }
                // Ready to serve objects, not only the bucket: a restarted server answers the
                // bucket before its volume is back (then a write or a read is a 500).
                let key = "/explainer-test/ready-probe/" + UUID().uuidString
                guard (try? curl.request("PUT", key, upload: probe).status) == 200,
                    (try? curl.request("GET", key).status) == 200
                else { return false }
                _ = try? curl.request("DELETE", key)
                return true
            }
            try #require(up && weed.isRunning, "the second SeaweedFS did not start: \(folder)/weed.log")
            return (weed, endpoint)
        }
        var (weed, endpoint) = try startServer()
        defer { weed.kill(SIGTERM) }
        var server = main
        server.endpoint = endpoint
        let site = try TestSite(articles: 200)
        defer { site.delete() }
        let test = Case(
            server: server, site: site, cli: PublishCLI(server: server, site: site),
            bucket: BucketSite(curl: server.curl, bucket: "explainer-test", prefix: "killed"))
        let live = try Self.publishFirstHalf(test)
        let reference = try site.reference(test.cli)

        let publish = try #require(try Self.publishUntil(test, objects: live + 40, endpoint: endpoint), "it finished before the kill")
        weed.kill(SIGKILL)
        _ = try weed.finish(timeout: 30)
        let failed = try publish.finish(timeout: 300)
        #expect(failed.status != 0, "a publish whose server died fails: \(failed.log)")
        (weed, endpoint) = try startServer()
        #expect(endpoint == server.endpoint, "restarted on the same ports")
        #expect(try test.bucket.unresolvedLinks() == [], "every page that is live resolves")
        let rerun = try test.cli.publish(test.bucket.target)
        #expect(rerun.status == 0, "\(rerun.log)")
        #expect(Set(try test.bucket.siteObjects().keys) == Set(reference.keys))
        for path in ["index.html", "a000/index.html", "sitemap.xml"] {
            #expect(try test.bucket.get(path) == reference[path]?.bytes, "\(path)")
        }
        let third = try test.publish()
        #expect(third.uploaded == 0 && third.headerChanges == 0 && third.deleted == 0)
        weed.kill(SIGTERM)
        _ = try weed.finish(timeout: 30)
    }
}
