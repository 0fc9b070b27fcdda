import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The `ObjectStore` of a real bucket: S3's REST API, signed with Signature Version 4, over one
/// AsyncHTTPClient `HTTPClient` whose connection pool is sized to the publish's parallelism.
/// Every request has a deadline (`requestTimeout`, more for a large body) and is retried by
/// `retry` when the failure is worth it (`S3ErrorMapping`); redirects are not followed (S3
/// answers a wrong region with one) and bodies are not decompressed (gzip objects are bytes).
///
/// Call `shutdown()` when done (or use `withClient`): AsyncHTTPClient traps in debug builds
/// on a client that was never shut down.
public final class S3Client: ObjectStore, Sendable {
    let bucket: String
    let endpoint: S3Endpoint
    let signer: SigV4Signer
    let retry: RetryPolicy
    /// The deadline of a request without a body; a body adds a second per `minimumRate` bytes.
    let requestTimeout: Duration
    let http: HTTPClient

    /// The slowest upload rate planned for (bytes a second), so a large file is not cut off.
    static let minimumRate = 256 * 1024
    /// The largest answer body read for a GET (the manifest, the lock); larger is an error.
    static let getLimit = 256 * 1024 * 1024
    /// The largest answer body read for anything else (listings, errors).
    static let answerLimit = 16 * 1024 * 1024
    /// The most listing pages read (1,000 keys each) before giving up: a guard against a
    /// server that never ends its listing.
    static let maximumListPages = 100_000

    /// A client for `bucket` at `endpoint`, with up to `parallelism` connections.
    public init(
        bucket: String, endpoint: S3Endpoint, credentials: AWSCredentials, parallelism: Int = 16, retry: RetryPolicy = RetryPolicy(),
        requestTimeout: Duration = .seconds(30)
    ) {
        self.bucket = bucket
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: endpoint.region)
        self.retry = retry
        self.requestTimeout = requestTimeout
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.httpVersion = .http1Only
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(5), read: Self.timeAmount(requestTimeout))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, parallelism))
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// A client for the bucket of `address` (keys are given whole: the caller applies the prefix).
    public convenience init(
        bucket address: BucketAddress, endpoint: S3Endpoint, credentials: AWSCredentials, parallelism: Int = 16,
        retry: RetryPolicy = RetryPolicy(), requestTimeout: Duration = .seconds(30)
    ) {
        self.init(
            bucket: address.bucket, endpoint: endpoint, credentials: credentials, parallelism: parallelism, retry: retry,
            requestTimeout: requestTimeout)
    }

    /// Runs `body` with a new client and shuts the client down after it, also when it throws.
    public static func withClient<Result: Sendable, Failure: Error>(
        bucket: String, endpoint: S3Endpoint, credentials: AWSCredentials, parallelism: Int = 16, retry: RetryPolicy = RetryPolicy(),
        _ body: (S3Client) async throws(Failure) -> Result
    ) async throws(Failure) -> Result {
        let client = S3Client(bucket: bucket, endpoint: endpoint, credentials: credentials, parallelism: parallelism, retry: retry)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Closes the connections. The client cannot be used after.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// Whether the bucket exists and the credentials may use it (a signed HEAD of the
    /// bucket): false for a missing bucket; throws for refused credentials, a wrong region,
    /// an endpoint that is not S3.
    public func bucketExists() async throws(StoreError) -> Bool {
        try await perform(.headBucket()) { answer in
            if answer.status == 404 { return .success(false) }
            guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: nil)) }
            if answer.header("content-type")?.lowercased().hasPrefix("text/html") == true {
                return .failure(notS3("HEAD of the bucket answered an HTML page"))
            }
            return .success(true)
        }
    }

    /// Creates the bucket (in the endpoint's region's default location); one the credentials
    /// already own is not an error. For tests and first setups: a publish never creates one.
    public func createBucket() async throws(StoreError) {
        try await perform(S3Request(method: "PUT")) { answer -> Swift.Result<Void, S3Failure> in
            let code = answer.xml.flatMap { $0.name == "Error" ? $0.value("Code") : nil }
            if (200..<300).contains(answer.status) || code == "BucketAlreadyOwnedByYou" { return .success(()) }
            return .failure(failure(answer, key: nil))
        }
    }

    public func list(prefix: String) async throws(StoreError) -> [StoredObject] {
        var objects: [StoredObject] = []
        var token: String?
        for _ in 0..<Self.maximumListPages {
            let request = S3Request.listObjects(prefix: prefix, continuationToken: token)
            let page = try await perform(request) { answer -> Swift.Result<S3Results.ListPage, S3Failure> in
                guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: nil)) }
                guard let page = answer.xml.flatMap(S3Results.listPage) else {
                    return .failure(notS3("the listing is not a ListBucketResult: \(answer.bodySnippet)"))
                }
                return .success(page)
            }
            objects += page.objects
            guard page.isTruncated else { return objects }
            guard let next = page.nextToken, next != token else {
                throw notS3("a truncated listing came without a new continuation token").error
            }
            token = next
        }
        throw StoreError.failed(status: 0, code: "", message: "The listing of \(prefix) did not end after \(Self.maximumListPages) pages.")
    }

    public func head(_ key: String) async throws(StoreError) -> ObjectHead? {
        try await perform(.headObject(key)) { answer -> Swift.Result<ObjectHead?, S3Failure> in
            if answer.status == 404 { return .success(nil) }
            guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: key)) }
            guard let etag = answer.etag else { return .failure(notS3("HEAD \(key) answered without an ETag")) }
            var metadata: [String: String] = [:]
            for (name, value) in answer.headers where name.hasPrefix("x-amz-meta-") {
                metadata[String(name.dropFirst("x-amz-meta-".count))] = value
            }
            let headers = ObjectHeaders(
                contentType: answer.header("content-type") ?? "application/octet-stream", cacheControl: answer.header("cache-control"),
                contentEncoding: answer.header("content-encoding"))
            return .success(
                ObjectHead(etag: etag, size: Int(answer.header("content-length") ?? "") ?? 0, headers: headers, metadata: metadata))
        }
    }

    public func get(_ key: String) async throws(StoreError) -> StoredBytes? {
        try await perform(.getObject(key), bodyLimit: Self.getLimit) { answer -> Swift.Result<StoredBytes?, S3Failure> in
            if answer.status == 404 {
                let code = answer.xml.flatMap { $0.name == "Error" ? $0.value("Code") : nil }
                if answer.body.isEmpty || code == "NoSuchKey" { return .success(nil) }
            }
            guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: key)) }
            guard let etag = answer.etag else { return .failure(notS3("GET \(key) answered without an ETag")) }
            return .success(StoredBytes(bytes: answer.body, etag: etag))
        }
    }

    public func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) async throws(StoreError) -> String {
        let request = S3Request.putObject(key, bytes: bytes, headers: headers, metadata: metadata, condition: condition)
        return try await perform(request) { answer in
            if condition != .none, answer.status == 409 || answer.status == 412 {
                return .failure(S3Failure(error: .preconditionFailed(key: key), retryable: false))
            }
            guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: key)) }
            guard let etag = answer.etag else { return .failure(notS3("PUT \(key) answered without an ETag")) }
            return .success(etag)
        }
    }

    public func copy(
        from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]
    ) async throws(StoreError) -> String {
        let request = S3Request.copyObject(from: source, to: key, bucket: bucket, headers: headers, metadata: metadata)
        return try await perform(request) { answer in
            guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: key)) }
            // A copy can fail after its 200 was sent: the error is then the body.
            guard let xml = answer.xml else { return .failure(notS3("the copy's answer is not XML: \(answer.bodySnippet)")) }
            if xml.name == "Error" {
                return .failure(
                    S3ErrorMapping.failure(
                        code: xml.value("Code") ?? "", message: xml.value("Message") ?? "", status: answer.status, key: key, bucket: bucket,
                        details: xml))
            }
            guard let etag = S3Results.copyETag(xml) else { return .failure(notS3("the copy's answer is not a CopyObjectResult")) }
            return .success(etag)
        }
    }

    public func delete(_ keys: [String]) async throws(StoreError) {
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(start + S3Request.deleteBatchSize, keys.count)])
            start += batch.count
            try await perform(.deleteObjects(batch)) { answer -> Swift.Result<Void, S3Failure> in
                guard (200..<300).contains(answer.status) else { return .failure(failure(answer, key: nil)) }
                guard let xml = answer.xml else { return .failure(notS3("the delete's answer is not XML: \(answer.bodySnippet)")) }
                if xml.name == "Error" {
                    return .failure(
                        S3ErrorMapping.failure(
                            code: xml.value("Code") ?? "", message: xml.value("Message") ?? "", status: answer.status, key: nil,
                            bucket: bucket,
                            details: xml))
                }
                guard let errors = S3Results.deleteErrors(xml) else { return .failure(notS3("the delete's answer is not a DeleteResult")) }
                guard let first = errors.first(where: { !S3ErrorMapping.retryableCodes.contains($0.code) }) ?? errors.first else {
                    return .success(())
                }
                var failure = S3ErrorMapping.failure(
                    code: first.code, message: "Could not delete \(first.key): \(first.message)", status: answer.status, key: first.key,
                    bucket: bucket)
                failure.retryable = errors.allSatisfy { S3ErrorMapping.retryableCodes.contains($0.code) }
                return .failure(failure)
            }
        }
    }

    /// Sends `request` until `interpret` accepts an answer, or the failure is not worth
    /// another attempt, or `retry` says to stop; throws the last failure's error.
    private func perform<Value>(
        _ request: S3Request, bodyLimit: Int = S3Client.answerLimit, _ interpret: (S3Answer) -> Swift.Result<Value, S3Failure>
    ) async throws(StoreError) -> Value {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        while true {
            attempt += 1
            let failure: S3Failure
            do {
                switch interpret(try await exchange(request, bodyLimit: bodyLimit)) {
                case .success(let value): return value
                case .failure(let error): failure = error
                }
            } catch {
                failure = error
            }
            guard failure.retryable, !Task.isCancelled,
                let wait = retry.delay(afterAttempt: attempt, elapsed: start.duration(to: clock.now), jitter: Double.random(in: 0..<1))
            else { throw failure.error }
            try? await Task.sleep(for: wait)
        }
    }

    /// One attempt: the request signed now, sent, and its answer read whole (up to `bodyLimit`).
    private func exchange(_ request: S3Request, bodyLimit: Int) async throws(S3Failure) -> S3Answer {
        let (url, headers) = request.signed(bucket: bucket, endpoint: endpoint, signer: signer, at: Date())
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in headers { outgoing.headers.add(name: header.name, value: header.value) }
        if request.method == "PUT" || request.method == "POST" { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let timeout = requestTimeout + .seconds(request.body.count / Self.minimumRate)
        do {
            let response = try await http.execute(outgoing, timeout: Self.timeAmount(timeout))
            let body = try await response.body.collect(upTo: bodyLimit)
            var answerHeaders: [String: String] = [:]
            for header in response.headers {
                let name = header.name.lowercased()
                answerHeaders[name] = answerHeaders[name].map { $0 + "," + header.value } ?? header.value
            }
            return S3Answer(status: Int(response.status.code), headers: answerHeaders, body: Array(buffer: body))
        } catch {
            throw S3ErrorMapping.unreachable(error, endpoint: endpoint.description)
        }
    }

    private func failure(_ answer: S3Answer, key: String?) -> S3Failure {
        S3ErrorMapping.failure(answer, key: key, bucket: bucket, endpoint: endpoint.description, now: Date())
    }

    private func notS3(_ detail: String) -> S3Failure {
        S3Failure(error: .notS3(endpoint: endpoint.description, detail: detail), retryable: false)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
