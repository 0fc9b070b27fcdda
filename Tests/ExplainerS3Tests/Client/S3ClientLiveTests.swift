import Foundation
import Testing

@testable import ExplainerS3

/// Every operation of the client against a real S3 server: the one `Scripts/seaweedfs.sh`
/// starts (`EXPLAINER_S3_ENDPOINT`, with the keys in `AWS_ACCESS_KEY_ID` and
/// `AWS_SECRET_ACCESS_KEY`). Skipped without it. Each run makes its own bucket.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EXPLAINER_S3_ENDPOINT"] != nil, "EXPLAINER_S3_ENDPOINT is not set"))
struct S3ClientLiveTests {
    let environment = ProcessInfo.processInfo.environment
    let bucket = "client-\(UInt32.random(in: 0...UInt32.max))"

    /// Runs `body` with a client of a new bucket (created first), with `secret` replacing the
    /// real secret when given.
    func withBucket(secret: String? = nil, create: Bool = true, _ body: (S3Client) async throws -> Void) async throws {
        let endpoint = try S3Endpoint.resolve(endpoint: environment["EXPLAINER_S3_ENDPOINT"], region: nil, environment: environment)
        var credentials = try AWSCredentials.resolve(environment: environment, home: nil)
        if let secret { credentials = AWSCredentials(accessKeyID: credentials.accessKeyID, secretAccessKey: secret, source: "a test") }
        let client = S3Client(bucket: bucket, endpoint: endpoint, credentials: credentials, parallelism: 4, retry: S3ClientTests.fast)
        do {
            if create { try await client.createBucket() }
            try await body(client)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    func storeError(_ operation: () async throws(StoreError) -> Void) async -> StoreError? {
        do {
            try await operation()
            return nil
        } catch {
            return error
        }
    }

    @Test func everyOperationRoundTrips() async throws {
        try await withBucket { client in
            #expect(try await client.bucketExists())
            let keys = ["p/a b+c~d.html", "p/日本語/index.html", "p/x%41.css", "p/.explainer/lock"]
            let html = ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=300", contentEncoding: "gzip")
            var etags: [String: String] = [:]
            for key in keys {
                let bytes = Array("bytes of \(key)".utf8)
                etags[key] = try await client.put(
                    key, bytes: bytes, headers: html, metadata: ["explainer-md5": S3Digest.md5Hex(bytes)], condition: .none)
                #expect(etags[key] == S3Digest.md5Hex(bytes))
            }
            let listed = try await client.list(prefix: "p/")
            #expect(Set(listed.map(\.key)) == Set(keys))
            #expect(listed.allSatisfy { $0.etag == etags[$0.key] })

            let head = try #require(try await client.head("p/a b+c~d.html"))
            #expect(head.headers == html)
            #expect(head.metadata["explainer-md5"] == etags["p/a b+c~d.html"])
            #expect(head.size == "bytes of p/a b+c~d.html".utf8.count)
            #expect(try await client.head("p/missing.html") == nil)

            // Stored as given: gzip bytes are not decompressed on the way back.
            let got = try #require(try await client.get("p/日本語/index.html"))
            #expect(got.bytes == Array("bytes of p/日本語/index.html".utf8))
            #expect(try await client.get("p/missing.html") == nil)

            let copied = try await client.copy(
                from: "p/a b+c~d.html", to: "p/.explainer/previous/objects/a b+c~d.html",
                headers: ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "no-cache"),
                metadata: ["explainer-headers": "f"])
            let copy = try #require(try await client.head("p/.explainer/previous/objects/a b+c~d.html"))
            #expect(copy.etag == copied)
            #expect(copy.headers.cacheControl == "no-cache")
            #expect(copy.metadata["explainer-headers"] == "f")
            #expect(copy.metadata["explainer-md5"] == nil)

            try await client.delete(keys + ["p/never-there.html"])
            #expect(try await client.list(prefix: "p/").map(\.key) == ["p/.explainer/previous/objects/a b+c~d.html"])
        }
    }

    @Test func conditionalWrites() async throws {
        try await withBucket { client in
            let json = ObjectHeaders(contentType: "application/json")
            let first = try await client.put("lock", bytes: Array("1".utf8), headers: json, metadata: [:], condition: .absent)
            let again = await storeError { () async throws(StoreError) in
                _ = try await client.put("lock", bytes: Array("2".utf8), headers: json, metadata: [:], condition: .absent)
            }
            #expect(again == .preconditionFailed(key: "lock"))
            let stale = await storeError { () async throws(StoreError) in
                _ = try await client.put(
                    "lock", bytes: Array("3".utf8), headers: json, metadata: [:],
                    condition: .matches(
                        etag: first == String(repeating: "0", count: 32)
                            ? String(repeating: "1", count: 32) : String(repeating: "0", count: 32)))
            }
            #expect(stale == .preconditionFailed(key: "lock"))
            _ = try await client.put("lock", bytes: Array("4".utf8), headers: json, metadata: [:], condition: .matches(etag: first))
            #expect(try await client.get("lock")?.bytes == Array("4".utf8))
        }
    }

    @Test func manyKeysPageAndDeleteInBatches() async throws {
        try await withBucket { client in
            let keys = (0..<1_205).map { "many/\($0).txt" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for slice in stride(from: 0, to: keys.count, by: 100) {
                    group.addTask {
                        for key in keys[slice..<min(slice + 100, keys.count)] {
                            _ = try await client.put(
                                key, bytes: [1], headers: ObjectHeaders(contentType: "text/plain"), metadata: [:], condition: .none)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await client.list(prefix: "many/").count == keys.count)
            try await client.delete(keys)
            #expect(try await client.list(prefix: "many/").isEmpty)
        }
    }

    @Test func wrongSecretIsDenied() async throws {
        try await withBucket { _ in }
        try await withBucket(secret: "not-the-secret", create: false) { client in
            let error = await storeError { () async throws(StoreError) in _ = try await client.list(prefix: "") }
            if case .denied(let code, _)? = error {
                #expect(code == "SignatureDoesNotMatch")
            } else {
                Issue.record("\(String(describing: error))")
            }
            let head = await storeError { () async throws(StoreError) in _ = try await client.bucketExists() }
            if case .denied? = head {} else { Issue.record("HEAD: \(String(describing: head))") }
        }
    }

    @Test func missingBucket() async throws {
        try await withBucket(create: false) { client in
            let exists = try await client.bucketExists()
            #expect(!exists)
            let error = await storeError { () async throws(StoreError) in _ = try await client.list(prefix: "") }
            #expect(error == .noSuchBucket(bucket))
        }
    }
}
