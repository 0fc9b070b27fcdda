import Foundation

/// One request to the bucket, before it is signed: method, key (nil for the bucket itself),
/// query, headers and body. The operations make these (`S3Request+Operations.swift`);
/// `signed` turns one into the URL and headers to send, so what is signed can be tested as a
/// value.
struct S3Request: Sendable {
    var method: String
    /// The object's key; nil for a request on the bucket (HEAD, list, DeleteObjects).
    var key: String?
    var query: [(name: String, value: String)] = []
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []

    /// `PUT a/b.html`, `GET ?list-type=2`: what a message names.
    var summary: String {
        "\(method) \(key ?? "")" + (query.isEmpty ? "" : "?" + query.map(\.name).joined(separator: "&"))
    }

    /// The URL and every header to send (`Host`, the payload hash, the date, the
    /// signature…), signed at `date` for `bucket` at `endpoint`.
    func signed(
        bucket: String, endpoint: S3Endpoint, signer: SigV4Signer, at date: Date
    ) -> (url: String, headers: [(name: String, value: String)]) {
        let target = endpoint.target(bucket: bucket, key: key)
        let signable = SigV4Signer.Request(
            method: method, path: target.path, query: query, headers: [("Host", target.host)] + headers,
            payloadHash: body.isEmpty ? S3Digest.emptySHA256 : S3Digest.sha256Hex(body))
        let query = SigV4Signer.canonicalQuery(query)
        return (target.origin + target.path + (query.isEmpty ? "" : "?" + query), signer.sign(signable, at: SigV4Timestamp(date)))
    }
}
