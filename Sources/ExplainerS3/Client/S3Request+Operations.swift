import ExplainerKit

/// The requests of the operations the deployer uses (S3 API reference: ListObjectsV2,
/// HeadBucket, HeadObject, GetObject, PutObject, CopyObject, DeleteObjects).
extension S3Request {
    /// The most keys one DeleteObjects request may name.
    static let deleteBatchSize = 1000

    /// One page of ListObjectsV2 (up to 1,000 keys), keys URL-encoded in the answer.
    static func listObjects(prefix: String, continuationToken: String?) -> S3Request {
        var query = [("list-type", "2"), ("encoding-type", "url"), ("prefix", prefix)]
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        return S3Request(method: "GET", query: query)
    }

    static func headBucket() -> S3Request {
        S3Request(method: "HEAD")
    }

    static func headObject(_ key: String) -> S3Request {
        S3Request(method: "HEAD", key: key)
    }

    static func getObject(_ key: String) -> S3Request {
        S3Request(method: "GET", key: key)
    }

    /// PutObject with the object's headers, `x-amz-meta-*` metadata, `Content-MD5`, and the
    /// condition as `If-None-Match: *` or `If-Match: "etag"`.
    static func putObject(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) -> S3Request {
        var all = objectHeaders(headers, metadata: metadata)
        all.append(("Content-MD5", S3Digest.md5Base64(bytes)))
        switch condition {
        case .none: break
        case .absent: all.append(("If-None-Match", "*"))
        case .matches(let etag): all.append(("If-Match", "\"\(etag)\""))
        }
        return S3Request(method: "PUT", key: key, headers: all, body: bytes)
    }

    /// CopyObject of `source` (in the same bucket) to `key`, the headers and metadata
    /// replaced (`x-amz-metadata-directive: REPLACE`).
    static func copyObject(
        from source: String, to key: String, bucket: String, headers: ObjectHeaders, metadata: [String: String]
    ) -> S3Request {
        var all = objectHeaders(headers, metadata: metadata)
        all.append(("x-amz-copy-source", "/" + S3URIEncoding.path(bucket) + "/" + S3URIEncoding.path(source)))
        all.append(("x-amz-metadata-directive", "REPLACE"))
        return S3Request(method: "PUT", key: key, headers: all)
    }

    /// DeleteObjects of up to `deleteBatchSize` keys, in quiet mode (only failures are
    /// answered), with the `Content-MD5` S3 requires.
    static func deleteObjects(_ keys: [String]) -> S3Request {
        var body = #"<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>"#
        for key in keys { body += "<Object><Key>\(XMLEscaping.escape(key))</Key></Object>" }
        body += "</Delete>"
        let bytes = Array(body.utf8)
        return S3Request(
            method: "POST", query: [("delete", "")],
            headers: [("Content-Type", "application/xml"), ("Content-MD5", S3Digest.md5Base64(bytes))],
            body: bytes)
    }

    /// `Content-Type`, `Cache-Control`, `Content-Encoding` and `x-amz-meta-NAME` (sorted).
    private static func objectHeaders(_ headers: ObjectHeaders, metadata: [String: String]) -> [(name: String, value: String)] {
        var all: [(name: String, value: String)] = [("Content-Type", headers.contentType)]
        if let cacheControl = headers.cacheControl { all.append(("Cache-Control", cacheControl)) }
        if let contentEncoding = headers.contentEncoding { all.append(("Content-Encoding", contentEncoding)) }
        for name in metadata.keys.sorted() { all.append(("x-amz-meta-" + name.lowercased(), metadata[name] ?? "")) }
        return all
    }
}
