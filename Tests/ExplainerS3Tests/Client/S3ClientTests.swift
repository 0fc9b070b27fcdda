import Foundation
import Testing

@testable import ExplainerS3

/// The client over a real connection to `StubHTTPServer`: what it sends (and that the
/// signature the server recomputes from the received request matches), how it reads the
/// answers, what it retries and what it reports.
@Suite struct S3ClientTests {
    typealias Reply = StubHTTPServer.Reply
    /// Tiny delays, bounded by attempts only: a loaded machine (the whole suite runs in
    /// parallel) may take seconds per request, which must not end the retries early.
    static let fast = RetryPolicy(
        maximumAttempts: 4, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5), totalTime: .seconds(3600))

    /// Runs `body` with a client of bucket `site` talking to a stub answering with `respond`.
    func withStub(
        retry: RetryPolicy = fast, _ respond: @escaping @Sendable (StubHTTPServer.Received, Int) -> Reply,
        _ body: (S3Client, StubHTTPServer) async throws -> Void
    ) async throws {
        let server = try await StubHTTPServer.start(respond)
        let endpoint = try S3Endpoint.resolve(endpoint: server.endpoint, region: nil, environment: [:])
        let client = S3Client(bucket: "site", endpoint: endpoint, credentials: SigV4SignerTests.credentials, parallelism: 4, retry: retry)
        do {
            try await body(client, server)
        } catch {
            await client.shutdown()
            await server.stop()
            throw error
        }
        await client.shutdown()
        await server.stop()
    }

    /// The error `operation` throws, or nil when it succeeds.
    func storeError<T>(_ operation: () async throws(StoreError) -> T) async -> StoreError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    /// Whether the signature the request carries is the one computed from what the server
    /// received (path and query as sent, the signed headers' values): what S3 checks.
    func signatureMatches(_ request: StubHTTPServer.Received) -> Bool {
        guard let authorization = request.headers["authorization"],
            let names = authorization.components(separatedBy: "SignedHeaders=").last?.components(separatedBy: ",").first,
            let amzDate = request.headers["x-amz-date"]
        else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        guard let date = formatter.date(from: amzDate) else { return false }
        let added: Set = ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token"]
        let headers = names.split(separator: ";").map(String.init).filter { !added.contains($0) }.map { ($0, request.headers[$0] ?? "") }
        let query = request.query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                S3URIEncoding.decodeListed(String($0)) ?? ""
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        let signable = SigV4Signer.Request(
            method: request.method, path: request.path, query: query, headers: headers,
            payloadHash: request.headers["x-amz-content-sha256"] ?? "")
        let signer = SigV4Signer(credentials: SigV4SignerTests.credentials, region: "us-east-1")
        return signer.sign(signable, at: SigV4Timestamp(date)).last?.value == authorization
    }

    @Test func putSendsWhatItSignsAndRetriesA503() async throws {
        try await withStub({ request, index in
            index == 0
                ? .answer(status: 503, body: "<Error><Code>SlowDown</Code><Message>Slow</Message></Error>")
                : .answer(status: 200, headers: [("ETag", "\"abc\"")])
        }) { client, server in
            let etag = try await client.put(
                "news/a b+c/日本.html", bytes: Array("<p>hi</p>".utf8),
                headers: ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=300"),
                metadata: ["explainer-md5": "m"], condition: .absent)
            #expect(etag == "abc")
            let requests = server.requests
            #expect(requests.count == 2)
            let put = try #require(requests.last)
            #expect(put.method == "PUT")
            #expect(put.path == "/site/news/a%20b%2Bc/%E6%97%A5%E6%9C%AC.html")
            #expect(put.body == Array("<p>hi</p>".utf8))
            #expect(put.headers["content-md5"] == S3Digest.md5Base64(put.body))
            #expect(put.headers["if-none-match"] == "*")
            #expect(put.headers["x-amz-meta-explainer-md5"] == "m")
            #expect(put.headers["host"] == "127.0.0.1:\(server.port)")
            #expect(requests.allSatisfy(signatureMatches))
        }
    }

    @Test func refusedCredentialsAreNotRetried() async throws {
        try await withStub({ _, _ in
            .answer(
                status: 403,
                body:
                    "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message></Error>"
            )
        }) { client, server in
            let error = await storeError { () async throws(StoreError) in
                try await client.put("a", bytes: [1], headers: ObjectHeaders(contentType: "text/plain"), metadata: [:], condition: .none)
            }
            #expect(error == .denied(code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match."))
            #expect(server.requests.count == 1)
        }
    }

    @Test func failedConditionIsPreconditionFailed() async throws {
        try await withStub({ _, _ in .answer(status: 412, body: "<Error><Code>PreconditionFailed</Code><Message>x</Message></Error>") }) {
            client, _ in
            let error = await storeError { () async throws(StoreError) in
                try await client.put(
                    ".explainer/lock", bytes: [], headers: ObjectHeaders(contentType: "application/json"), metadata: [:], condition: .absent
                )
            }
            #expect(error == .preconditionFailed(key: ".explainer/lock"))
        }
    }

    @Test func listingFollowsContinuationTokens() async throws {
        try await withStub({ request, _ in
            if request.query.contains("continuation-token=") {
                return .answer(
                    status: 200,
                    body: """
                        <ListBucketResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>
                        <Contents><Key>news/b%20c.html</Key><ETag>"2"</ETag><Size>2</Size></Contents></ListBucketResult>
                        """)
            }
            return .answer(
                status: 200,
                body: """
                    <ListBucketResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><NextContinuationToken>t/1+=</NextContinuationToken>
                    <Contents><Key>news/a.html</Key><ETag>"1"</ETag><Size>1</Size></Contents></ListBucketResult>
                    """)
        }) { client, server in
            let objects = try await client.list(prefix: "news/")
            #expect(
                objects == [StoredObject(key: "news/a.html", etag: "1", size: 1), StoredObject(key: "news/b c.html", etag: "2", size: 2)])
            let requests = server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.query == "encoding-type=url&list-type=2&prefix=news%2F")
            #expect(requests.last?.query.contains("continuation-token=t%2F1%2B%3D") == true)
            #expect(requests.allSatisfy(signatureMatches))
        }
    }

    @Test func listingThatNeverAdvancesIsRefused() async throws {
        try await withStub({ _, _ in
            .answer(
                status: 200,
                body:
                    "<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>same</NextContinuationToken></ListBucketResult>"
            )
        }) { client, server in
            let error = await storeError { () async throws(StoreError) in try await client.list(prefix: "") }
            if case .notS3 = error {} else { Issue.record("\(String(describing: error))") }
            #expect(server.requests.count == 2)
        }
    }

    @Test func headReadsHeadersAndMetadata() async throws {
        try await withStub({ request, _ in
            request.path.hasSuffix("gone.html")
                ? .answer(status: 404)
                : .answer(
                    status: 200,
                    headers: [
                        ("ETag", "\"e1\""), ("Content-Length", "42"), ("Content-Type", "text/css; charset=utf-8"),
                        ("Cache-Control", "public, max-age=31536000, immutable"), ("Content-Encoding", "gzip"),
                        ("X-Amz-Meta-Explainer-Md5", "abc"), ("x-amz-meta-explainer-headers", "0123"),
                    ])
        }) { client, server in
            let head = try #require(try await client.head("style.css"))
            #expect(head.etag == "e1")
            #expect(head.size == 42)
            #expect(
                head.headers
                    == ObjectHeaders(
                        contentType: "text/css; charset=utf-8", cacheControl: "public, max-age=31536000, immutable", contentEncoding: "gzip"
                    ))
            #expect(head.metadata == ["explainer-md5": "abc", "explainer-headers": "0123"])
            #expect(try await client.head("gone.html") == nil)
            #expect(server.requests.map(\.method) == ["HEAD", "HEAD"])
        }
    }

    @Test func getReadsBytesAndTellsAMissingKeyFromAMissingBucket() async throws {
        try await withStub({ request, _ in
            switch request.path {
            case "/site/m.json": .answer(status: 200, headers: [("ETag", "\"m1\"")], body: "{}")
            case "/site/none": .answer(status: 404, body: "<Error><Code>NoSuchKey</Code><Message>x</Message></Error>")
            default: .answer(status: 404, body: "<Error><Code>NoSuchBucket</Code><Message>x</Message></Error>")
            }
        }) { client, _ in
            let manifest = try await client.get("m.json")
            #expect(manifest == StoredBytes(bytes: Array("{}".utf8), etag: "m1"))
            let none = try await client.get("none")
            #expect(none == nil)
            #expect(await storeError { () async throws(StoreError) in try await client.get("other") } == .noSuchBucket("site"))
        }
    }

    @Test func copyWithAnErrorInIts200IsRetriedThenSucceeds() async throws {
        try await withStub({ _, index in
            index == 0
                ? .answer(status: 200, body: "<Error><Code>InternalError</Code><Message>try again</Message></Error>")
                : .answer(status: 200, body: "<CopyObjectResult><ETag>&quot;c2&quot;</ETag></CopyObjectResult>")
        }) { client, server in
            let etag = try await client.copy(
                from: "a b.html", to: ".explainer/previous/objects/a b.html", headers: ObjectHeaders(contentType: "text/html"),
                metadata: ["explainer-md5": "x"])
            #expect(etag == "c2")
            let copy = try #require(server.requests.last)
            #expect(copy.headers["x-amz-copy-source"] == "/site/a%20b.html")
            #expect(copy.headers["x-amz-metadata-directive"] == "REPLACE")
            #expect(copy.headers["content-length"] == "0")
            #expect(server.requests.count == 2)
            #expect(server.requests.allSatisfy(signatureMatches))
        }
    }

    @Test func copyWithANonRetryableErrorIn200Fails() async throws {
        try await withStub({ _, _ in .answer(status: 200, body: "<Error><Code>AccessDenied</Code><Message>no</Message></Error>") }) {
            client, server in
            let error = await storeError { () async throws(StoreError) in
                try await client.copy(from: "a", to: "b", headers: ObjectHeaders(contentType: "text/html"), metadata: [:])
            }
            #expect(error == .denied(code: "AccessDenied", message: "no"))
            #expect(server.requests.count == 1)
        }
    }

    @Test func deleteGoesInBatchesOfAThousand() async throws {
        try await withStub({ _, _ in .answer(status: 200, body: "<DeleteResult/>") }) { client, server in
            let keys = (0..<2_500).map { "k/\($0).html" }
            try await client.delete(keys)
            try await client.delete([])
            let requests = server.requests
            #expect(requests.count == 3)
            let counts = requests.map { S3XML.parse($0.body)?.children("Object").count }
            #expect(counts == [1000, 1000, 500])
            #expect(
                requests.allSatisfy {
                    $0.method == "POST" && $0.query == "delete=" && $0.headers["content-md5"] == S3Digest.md5Base64($0.body)
                })
            #expect(requests.allSatisfy(signatureMatches))
        }
    }

    @Test func deleteSurfacesAKeysError() async throws {
        try await withStub({ _, _ in
            .answer(
                status: 200,
                body:
                    "<DeleteResult><Error><Key>a.html</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>"
            )
        }) { client, server in
            let error = await storeError { () async throws(StoreError) in try await client.delete(["a.html", "b.html"]) }
            #expect(error == .denied(code: "AccessDenied", message: "Could not delete a.html: Access Denied"))
            #expect(server.requests.count == 1)
        }
    }

    @Test func anHTMLServerIsNotS3() async throws {
        try await withStub({ _, _ in
            .answer(
                status: 200, headers: [("Content-Type", "text/html")], body: "<!DOCTYPE html><html><body>Directory listing</body></html>")
        }) {
            client, server in
            let error = await storeError { () async throws(StoreError) in try await client.list(prefix: "") }
            if case .notS3(let endpoint, let detail)? = error {
                #expect(endpoint == server.endpoint)
                #expect(detail.contains("Directory listing"))
            } else {
                Issue.record("\(String(describing: error))")
            }
            let head = await storeError { () async throws(StoreError) in try await client.bucketExists() }
            if case .notS3? = head {} else { Issue.record("HEAD: \(String(describing: head))") }
        }
    }

    @Test func bucketExistsIsAHeadOfTheBucket() async throws {
        try await withStub({ request, _ in .answer(status: request.headers["host"] == nil ? 400 : 200) }) { client, server in
            let exists = try await client.bucketExists()
            #expect(exists)
            #expect(server.requests.first?.method == "HEAD")
            #expect(server.requests.first?.path == "/site")
        }
        try await withStub({ _, _ in .answer(status: 404) }) { client, _ in
            let exists = try await client.bucketExists()
            #expect(!exists)
        }
    }

    @Test func droppedConnectionsAreRetriedThenUnreachable() async throws {
        try await withStub({ _, _ in .drop }) { client, server in
            let error = await storeError { () async throws(StoreError) in try await client.head("a") }
            if case .unreachable(let endpoint, _)? = error {
                #expect(endpoint == server.endpoint)
            } else {
                Issue.record("\(String(describing: error))")
            }
            #expect(server.requests.count == Self.fast.maximumAttempts)
        }
    }

    @Test func aRefusedConnectionIsUnreachable() async throws {
        // A port nothing listens on: the stub's, after it stopped.
        let server = try await StubHTTPServer.start { _, _ in .answer(status: 200) }
        await server.stop()
        let endpoint = try S3Endpoint.resolve(endpoint: server.endpoint, region: nil, environment: [:])
        let start = ContinuousClock.now
        let error = await S3Client.withClient(
            bucket: "site", endpoint: endpoint, credentials: SigV4SignerTests.credentials
        ) {
            client async -> StoreError? in
            await storeError { () async throws(StoreError) in try await client.list(prefix: "") }
        }
        if case .unreachable? = error {} else { Issue.record("\(String(describing: error))") }
        #expect(ContinuousClock.now - start < .seconds(8), "\(String(describing: error))")
    }
}
