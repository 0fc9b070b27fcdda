import ExplainerKit
import Foundation

/// The server a publish talks to and the region it signs for. `--endpoint`, else
/// `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else AWS itself
/// (`https://s3.REGION.amazonaws.com`, the bucket in the host name: virtual-hosted style); a
/// custom endpoint (MinIO, SeaweedFS, R2, Ceph…) gets the bucket in the path (path style).
/// The region is `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`.
///
/// Only `http` and `https` endpoints, with no path, query or user name. Plain `http` is
/// accepted for a loopback host (`localhost`, `127.x.x.x`, `[::1]`) only, unless
/// `EXPLAINER_S3_ALLOW_HTTP=1` says the network is trusted: a signature does not hide the
/// site's bytes or stop a reply from being changed on the way.
public struct S3Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// Where the bucket goes in a request.
    enum Style: Sendable, Hashable {
        /// `https://bucket.s3.region.amazonaws.com/key`.
        case virtualHosted
        /// `https://host/bucket/key`.
        case path
    }

    /// Where a request for a bucket (and a key) goes, as sent and as signed.
    struct Target: Sendable, Hashable {
        /// The `Host` header: `bucket.s3.us-east-1.amazonaws.com`, `127.0.0.1:8333`.
        var host: String
        /// `https://bucket.s3.us-east-1.amazonaws.com`: the URL without the path.
        var origin: String
        /// The path, URI-encoded: `/bucket/a%20b` (path style) or `/a%20b`.
        var path: String
    }

    /// `https` or `http`.
    let scheme: String
    /// `s3.us-east-1.amazonaws.com`, `127.0.0.1`, `[::1]`.
    let host: String
    /// The port when the endpoint names one.
    let port: Int?
    /// The region requests are signed for.
    public let region: String
    let style: Style

    /// `https://s3.us-east-1.amazonaws.com`.
    public var description: String {
        "\(scheme)://\(hostAndPort)"
    }

    /// The host with the port when it is not the scheme's default.
    private var hostAndPort: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// Where a request for `key` in `bucket` goes (the bucket itself when `key` is nil). A
    /// bucket name with a dot goes in the path even on AWS: in the host name it would not
    /// match AWS's TLS certificate.
    func target(bucket: String, key: String? = nil) -> Target {
        let keyPath = key.map { "/" + S3URIEncoding.path($0) } ?? "/"
        if style == .virtualHosted, !bucket.contains(".") {
            let host = "\(bucket).\(hostAndPort)"
            return Target(host: host, origin: "\(scheme)://\(host)", path: keyPath)
        }
        let path = "/" + S3URIEncoding.path(bucket) + (key.map { "/" + S3URIEncoding.path($0) } ?? "")
        return Target(host: hostAndPort, origin: description, path: path)
    }

    /// The endpoint and region from the flags and the environment (the rules above).
    public static func resolve(endpoint: String?, region: String?, environment: [String: String]) throws(BuildFailure) -> S3Endpoint {
        let value = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let region = try checkedRegion(
            region.map { ("--region", $0) } ?? value("AWS_REGION").map { ("AWS_REGION", $0) }
                ?? value("AWS_DEFAULT_REGION").map { ("AWS_DEFAULT_REGION", $0) } ?? ("", "us-east-1"))
        let named =
            endpoint.map { ("--endpoint", $0) } ?? value("AWS_ENDPOINT_URL_S3").map { ("AWS_ENDPOINT_URL_S3", $0) }
            ?? value("AWS_ENDPOINT_URL").map { ("AWS_ENDPOINT_URL", $0) }
        guard let (source, text) = named else {
            return S3Endpoint(scheme: "https", host: "s3.\(region).amazonaws.com", port: nil, region: region, style: .virtualHosted)
        }
        return try parse(text, source: source, region: region, allowHTTP: value("EXPLAINER_S3_ALLOW_HTTP") == "1")
    }

    /// `text` as an endpoint URL, named `source` in the errors.
    static func parse(_ text: String, source: String, region: String, allowHTTP: Bool) throws(BuildFailure) -> S3Endpoint {
        let hint = "Give the server's address, like https://s3.example.com or http://127.0.0.1:8333."
        guard let separator = text.range(of: "://") else {
            throw failure(source, "`\(text)` is not a URL.", hint: hint)
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw failure(source, "The endpoint `\(text)` is not http or https.", hint: hint)
        }
        let rest = text[separator.upperBound...]
        let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        let tail = rest.dropFirst(authority.count)
        // Never echoed: what stands before the `@` may be a secret.
        guard !authority.contains("@") else {
            throw failure(
                source, "The endpoint has a user name (and maybe a password) in it.",
                hint: "Remove it; the access key comes from AWS_ACCESS_KEY_ID or ~/.aws/credentials.")
        }
        guard tail.isEmpty || tail == "/" else {
            throw failure(
                source, "The endpoint `\(text)` has a path, query or fragment (`\(tail)`).",
                hint: "Give the server's address alone; the bucket goes in --to s3://BUCKET.")
        }
        var host = authority.lowercased()
        var port: Int?
        let portStart = host.hasPrefix("[") ? host.range(of: "]:")?.upperBound : host.lastIndex(of: ":").map { host.index(after: $0) }
        if let portStart {
            let digits = host[portStart...]
            guard let number = Int(digits), (1...65_535).contains(number), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw failure(source, "The endpoint `\(text)` has the port `\(digits)`, not a number from 1 to 65535.", hint: hint)
            }
            port = number
            host = String(host[..<host.index(before: portStart)])
        }
        guard isHostName(host) else {
            throw failure(source, "The endpoint `\(text)` has no valid host name.", hint: hint)
        }
        if scheme == "http", !allowHTTP, !isLoopback(host) {
            throw failure(
                source, "The endpoint `\(text)` is plain http on a host that is not this machine.",
                hint: "Use https://, or set EXPLAINER_S3_ALLOW_HTTP=1 if the network to it is trusted.")
        }
        return S3Endpoint(scheme: scheme, host: host, port: port, region: region, style: .path)
    }

    /// A DNS name or IPv4 address (letters, digits, dots, hyphens), or a bracketed IPv6 address.
    static func isHostName(_ host: String) -> Bool {
        if host.hasPrefix("[") {
            return host.count > 2 && host.hasSuffix("]")
                && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return !host.isEmpty && !host.hasPrefix(".") && !host.hasPrefix("-")
            && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    /// `localhost`, `127.0.0.0/8` or `[::1]`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The region named by `source`, when it is one (lower-case letters, digits, hyphens).
    private static func checkedRegion(_ named: (source: String, region: String)) throws(BuildFailure) -> String {
        let region = named.region
        guard !region.isEmpty, region.count <= 64,
            region.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else {
            throw failure(
                named.source, "`\(region)` is not a region name.",
                hint: "Name the bucket's region like us-east-1 or eu-central-1 (`auto` for Cloudflare R2).")
        }
        return region
    }

    private static func failure(_ source: String, _ message: String, hint: String) -> BuildFailure {
        BuildFailure(Diagnostic(file: source, message: message, hint: hint))
    }
}
