import Foundation
import Testing

@testable import ExplainerS3

/// What each operation sends, signed.
@Suite struct S3RequestTests {
    let endpoint = try! S3Endpoint.resolve(endpoint: "http://127.0.0.1:8333", region: nil, environment: [:])
    let signer = SigV4Signer(credentials: SigV4SignerTests.credentials, region: "us-east-1")
    let date = Date(timeIntervalSince1970: 1_369_353_600)

    func header(_ name: String, of request: S3Request) -> String? {
        request.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    @Test func listingAsksForURLEncodedKeysAndPages() {
        let first = S3Request.listObjects(prefix: "news/", continuationToken: nil)
        let (url, _) = first.signed(bucket: "site", endpoint: endpoint, signer: signer, at: date)
        #expect(url == "http://127.0.0.1:8333/site?encoding-type=url&list-type=2&prefix=news%2F")
        let next = S3Request.listObjects(prefix: "", continuationToken: "1/ab+c=")
        #expect(
            next.signed(bucket: "site", endpoint: endpoint, signer: signer, at: date).url.hasSuffix(
                "continuation-token=1%2Fab%2Bc%3D&encoding-type=url&list-type=2&prefix="))
    }

    @Test func putSendsHeadersMetadataMD5AndCondition() {
        let bytes = Array("hello".utf8)
        let headers = ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=300", contentEncoding: "gzip")
        let metadata = ["explainer-md5": "5d41402abc4b2a76b9719d911017c592", "explainer-headers": "0123456789abcdef"]
        let put = S3Request.putObject("a b/index.html", bytes: bytes, headers: headers, metadata: metadata, condition: .none)
        #expect(put.method == "PUT")
        #expect(put.body == bytes)
        #expect(header("Content-Type", of: put) == "text/html; charset=utf-8")
        #expect(header("Cache-Control", of: put) == "public, max-age=300")
        #expect(header("Content-Encoding", of: put) == "gzip")
        #expect(header("Content-MD5", of: put) == "XUFAKrxLKna5cZ2REBfFkg==")
        #expect(header("x-amz-meta-explainer-md5", of: put) == "5d41402abc4b2a76b9719d911017c592")
        #expect(header("x-amz-meta-explainer-headers", of: put) == "0123456789abcdef")
        #expect(header("If-None-Match", of: put) == nil)
        let absent = S3Request.putObject("lock", bytes: [], headers: headers, metadata: [:], condition: .absent)
        #expect(header("If-None-Match", of: absent) == "*")
        #expect(header("Content-MD5", of: absent) == "1B2M2Y8AsgTpgAmY7PhCfg==")
        let matches = S3Request.putObject("m", bytes: [], headers: headers, metadata: [:], condition: .matches(etag: "abc"))
        #expect(header("If-Match", of: matches) == "\"abc\"")

        let (url, signed) = put.signed(bucket: "site", endpoint: endpoint, signer: signer, at: date)
        #expect(url == "http://127.0.0.1:8333/site/a%20b/index.html")
        #expect(signed.first { $0.name == "x-amz-content-sha256" }?.value == S3Digest.sha256Hex(bytes))
        #expect(signed.first { $0.name == "Host" }?.value == "127.0.0.1:8333")
        let authorization = signed.first { $0.name == "Authorization" }?.value ?? ""
        #expect(
            authorization.contains(
                "SignedHeaders=cache-control;content-encoding;content-md5;content-type;host;x-amz-content-sha256;x-amz-date;"
                    + "x-amz-meta-explainer-headers;x-amz-meta-explainer-md5,"))
    }

    @Test func copyReplacesMetadataFromAnEncodedSource() {
        let copy = S3Request.copyObject(
            from: "news/a b+c.html", to: "news/.explainer/previous/objects/a b+c.html", bucket: "site",
            headers: ObjectHeaders(contentType: "text/html"), metadata: ["explainer-md5": "x"])
        #expect(copy.method == "PUT")
        #expect(copy.body.isEmpty)
        #expect(header("x-amz-copy-source", of: copy) == "/site/news/a%20b%2Bc.html")
        #expect(header("x-amz-metadata-directive", of: copy) == "REPLACE")
        #expect(header("Content-MD5", of: copy) == nil)
    }

    @Test func deleteIsQuietEscapedAndHashed() {
        let delete = S3Request.deleteObjects(["a&b.html", "c<d>.css"])
        let body = String(decoding: delete.body, as: UTF8.self)
        #expect(body.contains("<Quiet>true</Quiet>"))
        #expect(body.contains("<Object><Key>a&amp;b.html</Key></Object><Object><Key>c&lt;d&gt;.css</Key></Object>"))
        #expect(header("Content-MD5", of: delete) == S3Digest.md5Base64(delete.body))
        #expect(delete.method == "POST")
        #expect(delete.signed(bucket: "site", endpoint: endpoint, signer: signer, at: date).url == "http://127.0.0.1:8333/site?delete=")
        let parsed = S3XML.parse(delete.body)
        #expect(parsed?.children("Object").compactMap { $0.value("Key") } == ["a&b.html", "c<d>.css"])
    }

    @Test func digests() {
        #expect(S3Digest.md5Hex(Array("hello".utf8)) == "5d41402abc4b2a76b9719d911017c592")
        #expect(S3Digest.sha256Hex([]) == S3Digest.emptySHA256)
        #expect(S3Digest.hex([0x00, 0xAB, 0xFF]) == "00abff")
    }
}
