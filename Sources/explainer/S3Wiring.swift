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
