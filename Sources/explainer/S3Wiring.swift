import ExplainerKit
import ExplainerS3
import Foundation

/// `publish --to s3://…`: the bucket's address and its client, made from the flags and the
/// environment before anything is built (a typo in the address or missing credentials are
/// said at once). Credentials are never printed: only their source is named in errors.
enum S3Wiring {
    /// The address and a client for it; `parallelism` sizes the client's connection pool.
    static func connect(
        to address: String, endpoint: String?, region: String?, parallelism: Int,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(BuildFailure) -> (BucketAddress, S3Client) {
        let bucket = try BucketAddress(parsing: address)
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentials = try AWSCredentials.resolve(environment: environment, home: home)
        let resolved = try S3Endpoint.resolve(endpoint: endpoint, region: region, environment: environment)
        let client = S3Client(bucket: bucket, endpoint: resolved, credentials: credentials, parallelism: parallelism)
        return (bucket, client)
    }
}

// MARK: - STAND-IN for part A (delete this section at merge: the real types are in ExplainerS3/Client/)

/// STAND-IN (part A).
struct AWSCredentials: Sendable {
    static func resolve(environment: [String: String], home: String) throws(BuildFailure) -> AWSCredentials {
        guard environment["AWS_ACCESS_KEY_ID"] != nil else {
            throw BuildFailure(
                Diagnostic(
                    file: "AWS_ACCESS_KEY_ID", message: "No credentials found.", hint: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."))
        }
        return AWSCredentials()
    }
}

/// STAND-IN (part A).
struct S3Endpoint: Sendable {
    static func resolve(endpoint: String?, region: String?, environment: [String: String]) throws(BuildFailure) -> S3Endpoint {
        S3Endpoint()
    }
}

/// STAND-IN (part A): answers every request with "unreachable".
struct S3Client: ObjectStore {
    init(bucket: BucketAddress, endpoint: S3Endpoint, credentials: AWSCredentials, parallelism: Int) {}

    private func missing() -> StoreError { .unreachable(endpoint: "s3", detail: "the S3 client is not merged yet") }
    func list(prefix: String) async throws(StoreError) -> [StoredObject] { throw missing() }
    func head(_ key: String) async throws(StoreError) -> ObjectHead? { throw missing() }
    func get(_ key: String) async throws(StoreError) -> StoredBytes? { throw missing() }
    func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) async throws(StoreError) -> String { throw missing() }
    func copy(from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]) async throws(StoreError) -> String {
        throw missing()
    }
    func delete(_ keys: [String]) async throws(StoreError) { throw missing() }
    func shutdown() async throws {}
}
