import Foundation
import Testing

@testable import ExplainerS3

/// The signer against AWS's published examples ("Examples of how to calculate the signature",
/// S3 API reference: the example key, bucket `examplebucket`, 24 May 2013, us-east-1).
@Suite struct SigV4SignerTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "a test")
    let signer = SigV4Signer(credentials: credentials, region: "us-east-1")
    let time = SigV4Timestamp(Date(timeIntervalSince1970: 1_369_353_600))  // 2013-05-24T00:00:00Z
    let host = ("Host", "examplebucket.s3.amazonaws.com")

    /// The `Signature=` part of the signed request's `Authorization`.
    func signature(_ request: SigV4Signer.Request) -> String? {
        let authorization = signer.sign(request, at: time).first { $0.name == "Authorization" }?.value ?? ""
        return authorization.components(separatedBy: "Signature=").last
    }

    @Test func getObjectWithRangeMatchesAWSExample() {
        let request = SigV4Signer.Request(method: "GET", path: "/test.txt", headers: [host, ("Range", "bytes=0-9")])
        var headers = request.headers
        headers += [("x-amz-date", time.basic), ("x-amz-content-sha256", S3Digest.emptySHA256)]
        let canonical = signer.canonicalRequest(request, headers: headers)
        #expect(
            canonical == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            signer.stringToSign(canonicalRequest: canonical, at: time) == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
                """)
        #expect(signature(request) == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        let authorization = signer.sign(request, at: time).last
        #expect(authorization?.name == "Authorization")
        #expect(
            authorization?.value.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                    + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ") == true)
    }

    @Test func putObjectMatchesAWSExample() {
        let body = Array("Welcome to Amazon S3.".utf8)
        #expect(S3Digest.sha256Hex(body) == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = SigV4Signer.Request(
            method: "PUT", path: "/" + S3URIEncoding.path("test$file.text"),
            headers: [host, ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            payloadHash: S3Digest.sha256Hex(body))
        #expect(request.path == "/test%24file.text")
        #expect(signature(request) == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func getBucketLifecycleMatchesAWSExample() {
        let request = SigV4Signer.Request(method: "GET", path: "/", query: [("lifecycle", "")], headers: [host])
        #expect(signature(request) == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test func listObjectsMatchesAWSExample() {
        let request = SigV4Signer.Request(method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")], headers: [host])
        #expect(SigV4Signer.canonicalQuery(request.query) == "max-keys=2&prefix=J")
        #expect(signature(request) == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test func sessionTokenIsSentAndSigned() {
        let temporary = AWSCredentials(
            accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            sessionToken: "token/abc=", source: "a test")
        let request = SigV4Signer.Request(method: "GET", path: "/test.txt", headers: [host])
        let headers = SigV4Signer(credentials: temporary, region: "us-east-1").sign(request, at: time)
        #expect(headers.contains { $0.name == "x-amz-security-token" && $0.value == "token/abc=" })
        let authorization = headers.last?.value ?? ""
        #expect(authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"))
        #expect(authorization != signer.sign(request, at: time).last?.value)
    }

    @Test func headerValuesAreTrimmedAndNamesMerged() {
        let canonical = SigV4Signer.canonical([("X-Amz-Meta-A", "  one   two "), ("host", "h"), ("x-amz-meta-a", "three")])
        #expect(canonical.map(\.name) == ["host", "x-amz-meta-a"])
        #expect(canonical.last?.value == "one two,three")
    }

    @Test func queryIsEncodedAndSortedByNameThenValue() {
        let query = SigV4Signer.canonicalQuery([
            ("prefix", "a b/c+d"), ("list-type", "2"), ("continuation-token", "x=y"), ("b", "2"), ("b", "1"),
        ])
        #expect(query == "b=1&b=2&continuation-token=x%3Dy&list-type=2&prefix=a%20b%2Fc%2Bd")
    }

    @Test func timestampIsUTCBasicFormat() {
        #expect(time.basic == "20130524T000000Z")
        #expect(time.day == "20130524")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 951_868_799.9)).basic == "20000229T235959Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 0)).basic == "19700101T000000Z")
        #expect(SigV4Timestamp(Date(timeIntervalSince1970: 4_102_444_800)).basic == "21000101T000000Z")
    }
}
