import Foundation
import Testing

/// Reads (and, for setup, writes) a bucket with signed requests made by `curl --aws-sigv4`:
/// independent of the client under test, so the tests check what the bucket really holds.
struct SignedCurl: Sendable {
    var endpoint: String
    var accessKey: String
    var secretKey: String

    /// One answer: the status, the headers (names lower-cased) and the body.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// One object of a listing.
    struct Listed: Hashable {
        var etag: String
        var size: Int
        var lastModified: String
    }

    /// A signed request of `path` (already percent-encoded, query included); `upload` is a file
    /// sent as the body; `decoded` asks for gzip and decodes it (else the stored bytes come as they are).
    func request(_ method: String, _ path: String, headers: [String] = [], upload: String? = nil, decoded: Bool = false) throws -> Answer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var arguments = [
            "-s", "--max-time", "60", "-D", folder + "/headers", "-o", folder + "/body", "-w", "%{http_code}",
            "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", "\(accessKey):\(secretKey)",
        ]
        arguments += method == "HEAD" ? ["-I"] : ["-X", method]
        for header in headers { arguments += ["-H", header] }
        if let upload { arguments += ["-T", upload] }
        if decoded { arguments.append("--compressed") }
        arguments.append(endpoint + path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let headerText = (try? String(contentsOfFile: folder + "/headers", encoding: .utf8)) ?? ""
        var parsed: [String: String] = [:]
        for line in headerText.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = FileManager.default.contents(atPath: folder + "/body") ?? Data()
        return Answer(status: Int(status) ?? 0, headers: parsed, body: body)
    }

    /// Every object under `prefix` (ListObjectsV2, all pages), by key.
    func list(_ bucket: String, prefix: String = "") throws -> [String: Listed] {
        var objects: [String: Listed] = [:]
        var token: String?
        for _ in 0..<10_000 {  // bounded: 10 million keys
            // The query in canonical (sorted) order, each value strictly encoded.
            var query = token.map { "continuation-token=\(Self.encode($0, keepSlash: false))&" } ?? ""
            query += "list-type=2&prefix=\(Self.encode(prefix, keepSlash: false))"
            let answer = try request("GET", "/\(bucket)?\(query)")
            try #require(answer.status == 200, "listing \(bucket) answered \(answer.status): \(answer.text)")
            let text = answer.text
            for block in Self.elements("Contents", in: text) {
                guard let key = Self.elements("Key", in: block).first else { continue }
                objects[Self.decodeEntities(key)] = Listed(
                    etag: Self.decodeEntities(Self.elements("ETag", in: block).first ?? "").replacingOccurrences(of: "\"", with: ""),
                    size: Int(Self.elements("Size", in: block).first ?? "") ?? -1,
                    lastModified: Self.elements("LastModified", in: block).first ?? "")
            }
            guard Self.elements("IsTruncated", in: text).first == "true",
                let next = Self.elements("NextContinuationToken", in: text).first
            else { return objects }
            token = Self.decodeEntities(next)
        }
        return objects
    }

    /// The object's bytes (gzip decoded when `decoded`), or nil when there is none.
    func get(_ bucket: String, _ key: String, decoded: Bool = false) throws -> Data? {
        let answer = try request("GET", "/\(bucket)/\(Self.encode(key, keepSlash: true))", decoded: decoded)
        return answer.status == 200 ? answer.body : nil
    }

    /// The object's headers (names lower-cased), or nil when there is none.
    func head(_ bucket: String, _ key: String) throws -> [String: String]? {
        let answer = try request("HEAD", "/\(bucket)/\(Self.encode(key, keepSlash: true))")
        return answer.status == 200 ? answer.headers : nil
    }

    /// RFC 3986 percent-encoding (unreserved characters kept; `/` too for a key's path).
    static func encode(_ text: String, keepSlash: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c) || (keepSlash && c == "/")) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The contents of every `<name>…</name>` element in `xml` (no nesting of the same name).
    static func elements(_ name: String, in xml: String) -> [String] {
        var found: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(name)>"), let close = rest[open.upperBound...].range(of: "</\(name)>") {
            found.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// XML's entities and numeric references decoded.
    static func decodeEntities(_ text: String) -> String {
        var out = text
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#34;", "\""), ("&#39;", "'")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}
