/// AWS Signature Version 4 for S3, with the key in the `Authorization` header: the canonical
/// request, the string to sign, the signing key and the signature, as AWS documents them
/// (docs: "Signature Calculations for the Authorization Header"). Pure: the time is an input,
/// so AWS's published examples are tests.
struct SigV4Signer: Sendable {
    /// What is signed of a request.
    struct Request: Sendable {
        var method: String
        /// The path as it is sent, already URI-encoded (`S3URIEncoding.path`): `/bucket/a%20b`.
        var path: String
        /// Query parameters, not encoded (`list-type`, `2`); `lifecycle` alone is (`lifecycle`, ``).
        var query: [(name: String, value: String)] = []
        /// Every header sent but `Authorization`, `x-amz-date`, `x-amz-content-sha256` and
        /// `x-amz-security-token` (which `sign` adds). `Host` must be among them.
        var headers: [(name: String, value: String)] = []
        /// The hex SHA-256 of the body (`S3Digest.sha256Hex`).
        var payloadHash: String = S3Digest.emptySHA256
    }

    let credentials: AWSCredentials
    let region: String
    let service: String

    init(credentials: AWSCredentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The headers to send: the request's own, `x-amz-date`, `x-amz-content-sha256`, the
    /// session token when there is one, and `Authorization`; all but the last signed.
    func sign(_ request: Request, at time: SigV4Timestamp) -> [(name: String, value: String)] {
        var headers = request.headers
        headers.append(("x-amz-date", time.basic))
        headers.append(("x-amz-content-sha256", request.payloadHash))
        if let token = credentials.sessionToken { headers.append(("x-amz-security-token", token)) }
        let canonical = canonicalRequest(request, headers: headers)
        return headers + [("Authorization", authorization(canonicalRequest: canonical, headers: headers, at: time))]
    }

    /// `AWS4-HMAC-SHA256 Credential=KEY/SCOPE, SignedHeaders=a;b, Signature=HEX`.
    func authorization(canonicalRequest: String, headers: [(name: String, value: String)], at time: SigV4Timestamp) -> String {
        let signature = S3Digest.hex(
            S3Digest.hmac(key: signingKey(day: time.day), stringToSign(canonicalRequest: canonicalRequest, at: time)))
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(day: time.day)), "
            + "SignedHeaders=\(Self.signedHeaders(headers)), Signature=\(signature)"
    }

    /// Method, path, canonical query, canonical headers, signed header names and payload
    /// hash, one per line.
    func canonicalRequest(_ request: Request, headers: [(name: String, value: String)]) -> String {
        let canonicalHeaders = Self.canonical(headers).map { "\($0.name):\($0.value)\n" }.joined()
        return [
            request.method, request.path, Self.canonicalQuery(request.query), canonicalHeaders, Self.signedHeaders(headers),
            request.payloadHash,
        ].joined(separator: "\n")
    }

    /// `AWS4-HMAC-SHA256`, the time, the scope and the hex SHA-256 of the canonical request.
    func stringToSign(canonicalRequest: String, at time: SigV4Timestamp) -> String {
        ["AWS4-HMAC-SHA256", time.basic, scope(day: time.day), S3Digest.sha256Hex(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    /// HMAC chain: `AWS4` + secret → day → region → service → `aws4_request`.
    func signingKey(day: Substring) -> [UInt8] {
        let dateKey = S3Digest.hmac(key: Array("AWS4\(credentials.secretAccessKey)".utf8), String(day))
        let regionKey = S3Digest.hmac(key: dateKey, region)
        let serviceKey = S3Digest.hmac(key: regionKey, service)
        return S3Digest.hmac(key: serviceKey, "aws4_request")
    }

    /// `20130524/us-east-1/s3/aws4_request`.
    func scope(day: Substring) -> String {
        "\(day)/\(region)/\(service)/aws4_request"
    }

    /// The query as it is signed and sent: names and values encoded, sorted by name then
    /// value, `name=value` joined by `&`.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (S3URIEncoding.component($0.name), S3URIEncoding.component($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Names lower-cased and sorted, values trimmed with inner runs of spaces made one,
    /// repeated names joined with commas.
    static func canonical(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for header in headers {
            let value = header.value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[header.name.lowercased(), default: []].append(value)
        }
        return merged.keys.sorted().map { ($0, merged[$0, default: []].joined(separator: ",")) }
    }

    /// `date;host;x-amz-content-sha256;x-amz-date`.
    static func signedHeaders(_ headers: [(name: String, value: String)]) -> String {
        Set(headers.map { $0.name.lowercased() }).sorted().joined(separator: ";")
    }
}
