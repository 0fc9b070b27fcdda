import Foundation

@testable import ExplainerS3

/// Small sites for the deployer's tests, as the objects a build would give, and the check
/// that the pages in a bucket resolve.
enum DeploySite {
    static let bucket: BucketAddress = {
        do {
            return try BucketAddress(parsing: "s3://test-bucket/site")
        } catch {
            preconditionFailure("the test address parses")
        }
    }()

    static let page = ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=300")
    static let longPage = ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=600")
    static let asset = ObjectHeaders(contentType: "image/png", cacheControl: "public, max-age=31536000, immutable")

    /// An HTML page linking to `links` (site paths with a leading `/`).
    static func html(_ title: String, _ links: [String]) -> [UInt8] {
        Array(("<!doctype html><title>\(title)</title>" + links.map { "<a href=\"\($0)\">x</a>" }.joined()).utf8)
    }

    static func object(_ path: String, _ bytes: [UInt8], _ headers: ObjectHeaders) -> LocalObject {
        LocalObject(path: path, bytes: bytes, headers: headers)
    }

    /// The first version: a home, article `a` (two pages), article `b`, article `old`.
    static let v1: [LocalObject] = [
        object("style.1a2b3c4d5e.css", Array("body{}".utf8), asset),
        object("img/a.png", [1, 2, 3], asset),
        object("index.html", html("home", ["/a/", "/b/", "/old/", "/style.1a2b3c4d5e.css"]), page),
        object("a/index.html", html("a", ["/a/2/", "/img/a.png", "/style.1a2b3c4d5e.css"]), page),
        object("a/2/index.html", html("a2", ["/a/"]), page),
        object("b/index.html", html("b", ["/a/"]), page),
        object("old/index.html", html("old", ["/b/", "/img/a.png"]), page),
        object("sitemap.xml", Array("<urlset>1</urlset>".utf8), page),
        object("feed.xml", Array("<feed>1</feed>".utf8), page),
    ]

    /// The second: `a` changed (links to the new `c`), `b` headers only, `c` new (two pages
    /// linking to each other and a new image), `old` gone, the entry files changed.
    static let v2: [LocalObject] = [
        object("style.1a2b3c4d5e.css", Array("body{}".utf8), asset),
        object("img/a.png", [1, 2, 3], asset),
        object("img/c.png", [4, 5, 6, 7], asset),
        object("index.html", html("home", ["/a/", "/b/", "/c/", "/style.1a2b3c4d5e.css"]), page),
        object("a/index.html", html("a, edited", ["/a/2/", "/c/", "/img/a.png", "/style.1a2b3c4d5e.css"]), page),
        object("a/2/index.html", html("a2", ["/a/"]), page),
        object("b/index.html", html("b", ["/a/"]), longPage),
        object("c/index.html", html("c", ["/c/2/", "/img/c.png"]), page),
        object("c/2/index.html", html("c2", ["/c/", "/a/"]), page),
        object("sitemap.xml", Array("<urlset>2</urlset>".utf8), page),
        object("feed.xml", Array("<feed>2</feed>".utf8), page),
    ]

    /// The site objects in `store` (the deployer's own left out), by site path.
    static func site(in store: MemoryObjectStore, bucket: BucketAddress = bucket) -> [String: MemoryObjectStore.Object] {
        let root = KeySpace(address: bucket).listPrefix
        var site: [String: MemoryObjectStore.Object] = [:]
        for (key, object) in store.objects where key.hasPrefix(root) {
            let path = String(key.dropFirst(root.count))
            if !path.hasPrefix(".explainer/") { site[path] = object }
        }
        return site
    }

    /// Whether `store` holds exactly `objects` as the site: same paths, bytes, headers and
    /// the deployer's metadata.
    static func holds(_ objects: [LocalObject], in store: MemoryObjectStore) -> Bool {
        let site = site(in: store)
        guard Set(site.keys) == Set(objects.map(\.path)) else { return false }
        return objects.allSatisfy { object in
            guard let there = site[object.path] else { return false }
            return there.bytes == object.bytes && there.headers == object.headers && there.metadata == object.metadata
        }
    }

    /// The links of the pages reachable from the home page that lead to no object: the
    /// bucket's site "resolves" when this is empty. (A new page linked from nothing live yet
    /// is not reachable, so it is not a reader's problem.) Empty while there is no home page.
    static func unresolved(in store: MemoryObjectStore) -> [String] {
        let site = site(in: store)
        // Before a first publish reaches its entry files there is no site to read yet.
        guard site["index.html"] != nil else { return [] }
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        var broken: [String] = []
        while let path = queue.popLast() {
            guard let page = site[path] else {
                broken.append(path)
                continue
            }
            for link in links(in: page.bytes) {
                let target = link.hasSuffix("/") ? String(link.dropFirst()) + "index.html" : String(link.dropFirst())
                if site[target] == nil {
                    broken.append("\(path) → \(link)")
                } else if target.hasSuffix(".html"), seen.insert(target).inserted {
                    queue.append(target)
                }
            }
        }
        return broken.sorted()
    }

    /// The `href="/…"` values of a page.
    static func links(in bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "href=\"").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
        }.filter { $0.hasPrefix("/") }
    }
}
