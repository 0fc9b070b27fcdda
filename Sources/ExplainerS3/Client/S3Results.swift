/// The bodies of S3's successful answers, read from `S3XML`. Each reader returns nil when the
/// document is not the one S3 sends for that request (the endpoint is not S3).
enum S3Results {
    /// One page of a ListObjectsV2 answer.
    struct ListPage: Sendable, Hashable {
        var objects: [StoredObject]
        /// The token of the next page, when the listing is truncated.
        var nextToken: String?
        var isTruncated: Bool
    }

    /// One key a DeleteObjects request could not delete.
    struct KeyError: Sendable, Hashable {
        var key: String
        var code: String
        var message: String
    }

    /// `<ListBucketResult>`: its objects (keys decoded when the answer says
    /// `<EncodingType>url</EncodingType>`), truncation and next token. Nil when it is not one,
    /// or when an object has no key, a size that is not a number or a key that does not decode.
    static func listPage(_ xml: S3XML) -> ListPage? {
        guard xml.name == "ListBucketResult" else { return nil }
        let encoded = xml.value("EncodingType")?.lowercased() == "url"
        var objects: [StoredObject] = []
        for entry in xml.children("Contents") {
            guard let rawKey = entry.value("Key"), let key = encoded ? S3URIEncoding.decodeListed(rawKey) : rawKey,
                let size = Int(entry.value("Size") ?? "0")
            else { return nil }
            objects.append(StoredObject(key: key, etag: S3Answer.unquoted(entry.value("ETag") ?? ""), size: size))
        }
        let token = xml.value("NextContinuationToken").flatMap { $0.isEmpty ? nil : $0 }
        return ListPage(objects: objects, nextToken: token, isTruncated: xml.value("IsTruncated")?.lowercased() == "true")
    }

    /// `<DeleteResult>`: the keys it failed to delete (none in quiet mode when all went).
    static func deleteErrors(_ xml: S3XML) -> [KeyError]? {
        guard xml.name == "DeleteResult" else { return nil }
        return xml.children("Error").map {
            KeyError(key: $0.value("Key") ?? "", code: $0.value("Code") ?? "", message: $0.value("Message") ?? "")
        }
    }

    /// `<CopyObjectResult>`: the new object's ETag, unquoted.
    static func copyETag(_ xml: S3XML) -> String? {
        guard xml.name == "CopyObjectResult", let etag = xml.value("ETag") else { return nil }
        return S3Answer.unquoted(etag)
    }
}
