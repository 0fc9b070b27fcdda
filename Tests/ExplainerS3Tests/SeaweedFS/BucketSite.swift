import Foundation
import Testing

/// A published site as the bucket holds it under `s3://bucket/prefix`: its objects by site path
/// (the deployer's `.explainer/` objects apart), and the check that every page resolves.
struct BucketSite {
    var curl: SignedCurl
    var bucket: String
    /// "" or "news/site" (no slashes at the ends).
    var prefix: String

    var target: String { prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)" }

    func key(_ path: String) -> String { prefix.isEmpty ? path : prefix + "/" + path }

    /// Every object under the prefix, by path relative to it (`.explainer/…` included).
    func all() throws -> [String: SignedCurl.Listed] {
        let start = prefix.isEmpty ? "" : prefix + "/"
        var out: [String: SignedCurl.Listed] = [:]
        for (key, object) in try curl.list(bucket, prefix: start) { out[String(key.dropFirst(start.count))] = object }
        return out
    }

    /// The site's objects: everything but the deployer's own `.explainer/` objects.
    func siteObjects() throws -> [String: SignedCurl.Listed] {
        try all().filter { !$0.key.hasPrefix(".explainer/") }
    }

    func head(_ path: String) throws -> [String: String]? { try curl.head(bucket, key(path)) }

    func get(_ path: String) throws -> Data? { try curl.get(bucket, key(path)) }

    /// The site path a link on the page at `page` leads to, or nil when it leaves the site.
    static func target(of link: String, on page: String) -> String? {
        guard !link.isEmpty, let base = URL(string: "https://test.example.org/" + page),
            let url = URL(string: link, relativeTo: base)?.absoluteURL, url.host == "test.example.org"
        else { return nil }
        var path = String(url.path.drop { $0 == "/" })
        if path.isEmpty || url.hasDirectoryPath { path += path.isEmpty ? "index.html" : "/index.html" }
        return path.replacingOccurrences(of: "//", with: "/")
    }

    /// Every internal `href`/`src` that leads to no object, on every HTML page a reader can
    /// reach from the site's entry pages (the home page, the 404 page, search) by following
    /// links: "page → link". A page nothing live links to yet (a new explainer whose pages
    /// link to each other, cut off midway) is not live: it is not checked until it is.
    func unresolvedLinks() throws -> [String] {
        let objects = try siteObjects()
        var missing: [String] = []
        var queue = ["index.html", "404.html", "search/index.html"].filter { objects[$0] != nil }
        var seen = Set(queue)
        while let page = queue.popLast() {
            guard let bytes = try curl.get(bucket, key(page), decoded: true) else {
                missing.append("\(page): gone while checking")
                continue
            }
            let html = String(decoding: bytes, as: UTF8.self)
            for match in html.matches(of: /(?:href|src)="([^"#?]*)[^"]*"/) {
                let link = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                guard let path = Self.target(of: link, on: page) else { continue }
                if objects[path] == nil {
                    missing.append("\(page) → \(link)")
                } else if path.hasSuffix(".html"), seen.insert(path).inserted {
                    queue.append(path)
                }
            }
        }
        return missing.sorted()
    }
}
