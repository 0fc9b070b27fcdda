// STAND-IN FILE (part C): minimal versions of part B's plan types (and of part A's
// `BucketAddress`) so the engine builds and is tested before the parts merge. The coordinator
// deletes this file at merge and adapts the engine's few uses to the real API:
//   LocalObject(path, bytes, headers, md5, fingerprint), LocalObjects.make(from:),
//   DeployManifest(entries: path → md5, fingerprint, etag, size; encoded(), decode),
//   RemoteSite(listing:manifest:, needsHead, record(_:head:), holds(_:_:)),
//   DeployPlanner.plan(local:remote:), DeployPlan(steps, deletes, unchanged, lines,
//   checkDeletes(limit:site:)), BucketAddress(key(for:), stateKey(_:), description).
import Crypto
import ExplainerKit
import Foundation

/// STAND-IN (part A): where a site goes, `s3://bucket/prefix`.
public struct BucketAddress: Sendable, Hashable, CustomStringConvertible {
    public var bucket: String
    public var prefix: String

    public init(parsing text: String) throws(BuildFailure) {
        guard text.hasPrefix("s3://") else {
            throw BuildFailure([Diagnostic(file: text, message: "Not an s3:// address.", hint: "Write s3://BUCKET/PREFIX.")])
        }
        let rest = text.dropFirst(5).split(separator: "/").map(String.init)
        guard let bucket = rest.first, !bucket.isEmpty else {
            throw BuildFailure([Diagnostic(file: text, message: "The address names no bucket.", hint: "Write s3://BUCKET/PREFIX.")])
        }
        self.bucket = bucket
        self.prefix = rest.dropFirst().joined(separator: "/")
    }

    /// The object key of a site path.
    public func key(for path: String) -> String { prefix.isEmpty ? path : prefix + "/" + path }

    /// The key of one of the deployer's own objects (`lock`, `manifest.json`…).
    public func stateKey(_ name: String) -> String { key(for: ".explainer/" + name) }

    public var description: String { prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)" }
}

/// STAND-IN (part B): one file of the build as the object it becomes.
struct LocalObject: Sendable, Hashable {
    var path: String
    var bytes: [UInt8]
    var headers: ObjectHeaders
    var md5: String
    var fingerprint: String

    init(path: String, bytes: [UInt8], headers: ObjectHeaders) {
        self.path = path
        self.bytes = bytes
        self.headers = headers
        self.md5 = Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        self.fingerprint = Self.fingerprint(of: headers)
    }

    /// A restored object whose bytes are not needed (already in place): its state only.
    init(path: String, md5: String, fingerprint: String) {
        self.path = path
        self.bytes = []
        self.headers = ObjectHeaders(contentType: "application/octet-stream")
        self.md5 = md5
        self.fingerprint = fingerprint
    }

    static func fingerprint(of headers: ObjectHeaders) -> String {
        let text = [headers.contentType, headers.cacheControl ?? "", headers.contentEncoding ?? ""].joined(separator: "\n")
        return String(SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    /// The user metadata stored with the object.
    var metadata: [String: String] { ["explainer-md5": md5, "explainer-headers": fingerprint] }
}

/// STAND-IN (part B): the build's files as objects.
enum LocalObjects {
    static func make(from build: SiteBuild) -> [LocalObject] {
        build.files.filter { !$0.path.hasSuffix(".gz") }.map { file in
            let type: String
            switch file.path.split(separator: ".").last {
            case "html": type = "text/html; charset=utf-8"
            case "css": type = "text/css; charset=utf-8"
            case "xml": type = "application/xml; charset=utf-8"
            case "js": type = "text/javascript; charset=utf-8"
            case "json": type = "application/json"
            case "svg": type = "image/svg+xml"
            case "jpg", "jpeg": type = "image/jpeg"
            case "png": type = "image/png"
            case "webp": type = "image/webp"
            case "avif": type = "image/avif"
            default: type = "application/octet-stream"
            }
            let headers = ObjectHeaders(contentType: type, cacheControl: "public, max-age=300")
            return LocalObject(path: file.path, bytes: file.bytes, headers: headers)
        }
    }
}

/// STAND-IN (part B): what the bucket held after the last publish, by site path.
struct DeployManifest: Sendable, Hashable, Codable {
    struct Entry: Sendable, Hashable, Codable {
        var md5: String
        var fingerprint: String
        var etag: String
        var size: Int
    }

    var version = 1
    var entries: [String: Entry]

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(self))) ?? []
    }

    static func decode(_ bytes: [UInt8], source: String) throws(BuildFailure) -> DeployManifest {
        guard let manifest = try? JSONDecoder().decode(DeployManifest.self, from: Data(bytes)) else {
            throw BuildFailure([Diagnostic(.warning, file: source, message: "The manifest is not readable.", hint: "")])
        }
        return manifest
    }
}

/// STAND-IN (part B): one site object's state in the bucket (nil md5: unknown, upload it).
struct RemoteObject: Sendable, Hashable {
    var md5: String?
    var fingerprint: String?
    var etag: String
    var size: Int
}

/// STAND-IN (part B): the listing reconciled with the manifest.
struct RemoteSite: Sendable {
    var objects: [String: RemoteObject] = [:]
    /// The paths whose state the manifest does not vouch for: read their metadata.
    var needsHead: [String] = []

    init(listing: [String: StoredObject], manifest: DeployManifest?) {
        for (path, object) in listing {
            if let entry = manifest?.entries[path], entry.etag == object.etag {
                objects[path] = RemoteObject(md5: entry.md5, fingerprint: entry.fingerprint, etag: object.etag, size: object.size)
            } else {
                objects[path] = RemoteObject(md5: nil, fingerprint: nil, etag: object.etag, size: object.size)
                needsHead.append(path)
            }
        }
        needsHead.sort()
    }

    mutating func record(_ path: String, head: ObjectHead?) {
        guard let head else {
            objects[path] = nil
            return
        }
        objects[path] = RemoteObject(
            md5: head.metadata["explainer-md5"], fingerprint: head.metadata["explainer-headers"], etag: head.etag, size: head.size)
    }

    /// Whether the object at `path` holds the manifest entry's bytes and headers.
    func holds(_ path: String, _ entry: DeployManifest.Entry) -> Bool {
        guard let object = objects[path] else { return false }
        return object.md5 == entry.md5 && object.fingerprint == entry.fingerprint
    }
}

/// STAND-IN (part B): what a publish does, in order.
struct DeployPlan: Sendable {
    enum Phase: String, Sendable { case assets, pages, entries }

    struct Step: Sendable {
        var phase: Phase
        var uploads: [LocalObject]
        var headerChanges: [LocalObject]
    }

    var steps: [Step]
    var deletes: [String]
    var unchanged: [String]

    var uploadCount: Int { steps.reduce(0) { $0 + $1.uploads.count } }
    var headerChangeCount: Int { steps.reduce(0) { $0 + $1.headerChanges.count } }

    var lines: [String] {
        steps.flatMap { $0.uploads.map { "upload \($0.path)" } + $0.headerChanges.map { "headers \($0.path)" } }
            + deletes.map { "delete \($0)" }
    }

    func checkDeletes(limit: Int, site: String) throws(BuildFailure) {
        guard deletes.count > limit else { return }
        throw BuildFailure([
            Diagnostic(
                file: site,
                message: "The publish would delete \(deletes.count) objects (\(deletes.prefix(3).joined(separator: ", "))…), "
                    + "more than --max-deletes \(limit).",
                hint: "Check the build, or pass --max-deletes \(deletes.count).")
        ])
    }
}

/// STAND-IN (part B): the diff of the build against the bucket.
enum DeployPlanner {
    static let entryFiles: Set<String> = [
        "index.html", "404.html", "sitemap.xml", "robots.txt", "_redirects", "pagefind/pagefind-entry.json", "search/index.html",
    ]

    static func phase(of path: String) -> DeployPlan.Phase {
        if entryFiles.contains(path) || path == "feed.xml" || path.hasSuffix("/feed.xml") { return .entries }
        return path.hasSuffix(".html") ? .pages : .assets
    }

    static func plan(local: [LocalObject], remote: RemoteSite) -> DeployPlan {
        var steps = [DeployPlan.Phase.assets, .pages, .entries].map { DeployPlan.Step(phase: $0, uploads: [], headerChanges: []) }
        var unchanged: [String] = []
        // New pages before changed ones (a changed page may link to a new one).
        let newFirst = local.sorted { a, b in
            let (aNew, bNew) = (remote.objects[a.path] == nil, remote.objects[b.path] == nil)
            return aNew != bNew ? aNew : a.path < b.path
        }
        for object in newFirst {
            let index = [DeployPlan.Phase.assets, .pages, .entries].firstIndex(of: phase(of: object.path)) ?? 0
            guard let there = remote.objects[object.path], there.md5 == object.md5 else {
                steps[index].uploads.append(object)
                continue
            }
            if there.fingerprint == object.fingerprint { unchanged.append(object.path) } else { steps[index].headerChanges.append(object) }
        }
        // New pages, all of them, before the changed ones: a step is a barrier, its uploads parallel.
        let fresh = steps[1].uploads.filter { remote.objects[$0.path] == nil }
        steps[1].uploads.removeAll { remote.objects[$0.path] == nil }
        steps.insert(DeployPlan.Step(phase: .pages, uploads: fresh, headerChanges: []), at: 1)
        let paths = Set(local.map(\.path))
        return DeployPlan(
            steps: steps.filter { !$0.uploads.isEmpty || !$0.headerChanges.isEmpty },
            deletes: remote.objects.keys.filter { !paths.contains($0) }.sorted(), unchanged: unchanged)
    }
}
