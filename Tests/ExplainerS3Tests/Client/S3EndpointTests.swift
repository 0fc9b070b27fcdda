import ExplainerKit
import Testing

@testable import ExplainerS3

/// Which server, which region, which addressing style.
@Suite struct S3EndpointTests {
    func resolve(_ endpoint: String? = nil, region: String? = nil, environment: [String: String] = [:]) throws(BuildFailure) -> S3Endpoint {
        try S3Endpoint.resolve(endpoint: endpoint, region: region, environment: environment)
    }

    func problem(_ endpoint: String?, region: String? = nil, _ environment: [String: String] = [:]) -> Diagnostic? {
        do {
            _ = try resolve(endpoint, region: region, environment: environment)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func awsIsTheDefaultWithVirtualHostedStyle() throws {
        let aws = try resolve()
        #expect(aws.region == "us-east-1")
        #expect(aws.description == "https://s3.us-east-1.amazonaws.com")
        let target = aws.target(bucket: "site", key: "a b/index.html")
        #expect(target.host == "site.s3.us-east-1.amazonaws.com")
        #expect(target.origin == "https://site.s3.us-east-1.amazonaws.com")
        #expect(target.path == "/a%20b/index.html")
        #expect(aws.target(bucket: "site").path == "/")
    }

    @Test func dottedBucketOnAWSUsesThePath() throws {
        let target = try resolve(region: "eu-west-1").target(bucket: "www.example.com", key: "index.html")
        #expect(target.host == "s3.eu-west-1.amazonaws.com")
        #expect(target.path == "/www.example.com/index.html")
    }

    @Test func regionOrder() throws {
        #expect(try resolve(region: "eu-central-1", environment: ["AWS_REGION": "us-west-2"]).region == "eu-central-1")
        #expect(try resolve(environment: ["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "ap-south-1"]).region == "us-west-2")
        #expect(try resolve(environment: ["AWS_DEFAULT_REGION": "ap-south-1"]).region == "ap-south-1")
        #expect(try resolve(environment: ["AWS_REGION": ""]).region == "us-east-1")
        #expect(problem(nil, region: "EU West")?.file == "--region")
        #expect(problem(nil, ["AWS_REGION": "x/y"])?.file == "AWS_REGION")
    }

    @Test func customEndpointUsesPathStyle() throws {
        let local = try resolve("http://127.0.0.1:8333")
        #expect(local.description == "http://127.0.0.1:8333")
        let target = local.target(bucket: "site", key: "a+b.css")
        #expect(target.host == "127.0.0.1:8333")
        #expect(target.origin == "http://127.0.0.1:8333")
        #expect(target.path == "/site/a%2Bb.css")
        #expect(local.target(bucket: "site").path == "/site")
        let r2 = try resolve("https://ACCOUNT.r2.cloudflarestorage.com/", region: "auto")
        #expect(r2.target(bucket: "site", key: "x").host == "account.r2.cloudflarestorage.com")
        #expect(r2.region == "auto")
        #expect(try resolve("https://s3.example.com:443").target(bucket: "b").host == "s3.example.com")
        #expect(try resolve("http://[::1]:9000").target(bucket: "b").host == "[::1]:9000")
    }

    @Test func endpointOrder() throws {
        let environment = ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2"]
        #expect(try resolve("http://127.0.0.1:3", environment: environment).port == 3)
        #expect(try resolve(environment: environment).port == 1)
        #expect(try resolve(environment: ["AWS_ENDPOINT_URL": "http://localhost:2"]).port == 2)
        #expect(problem(nil, ["AWS_ENDPOINT_URL_S3": "ftp://x"])?.file == "AWS_ENDPOINT_URL_S3")
    }

    @Test func plainHTTPOnlyToLoopbackUnlessAllowed() throws {
        #expect(problem("http://localhost:9000") == nil)
        #expect(problem("http://127.1.2.3") == nil)
        let remote = problem("http://minio.internal:9000")
        #expect(remote?.message.contains("plain http") == true)
        #expect(remote?.hint.contains("EXPLAINER_S3_ALLOW_HTTP=1") == true)
        #expect(problem("http://minio.internal:9000", ["EXPLAINER_S3_ALLOW_HTTP": "1"]) == nil)
        #expect(problem("https://minio.internal:9000") == nil)
    }

    @Test(arguments: [
        ("s3.example.com", "is not a URL"),
        ("ftp://s3.example.com", "not http or https"),
        ("https://s3.example.com/bucket", "has a path"),
        ("https://s3.example.com?x=1", "has a path"),
        ("https://key:secret@s3.example.com", "user name"),
        ("https://s3.example.com:0", "port"),
        ("https://s3.example.com:99999", "port"),
        ("https://s3.example.com:8a", "port"),
        ("https://", "no valid host"),
        ("https://s3 example.com", "no valid host"),
    ])
    func badEndpointsAreRefused(endpoint: String, expected: String) {
        let diagnostic = problem(endpoint)
        #expect(diagnostic?.message.contains(expected) == true, "\(endpoint): \(diagnostic?.message ?? "accepted")")
        #expect(diagnostic?.file == "--endpoint")
        #expect(diagnostic?.message.contains("secret") != true)
    }
}
