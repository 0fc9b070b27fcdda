import ExplainerKit
import Foundation

/// What the last publish left in the bucket, as it wrote it (`.explainer/manifest.json`): per
/// site path, the MD5 and header fingerprint of the object and the ETag and size the store
/// gave it, and its headers (what a rollback restores). A listing whose ETag for a key is the
/// manifest's proves the object is the one described, without a HEAD. The JSON is
/// deterministic (keys sorted); one that does not decode or check is reported and not trusted.
struct DeployManifest: Sendable, Hashable {
    /// One object as the publish that wrote it recorded it.
    struct Entry: Codable, Sendable, Hashable {
        /// Hex MD5 of the stored bytes.
        var md5: String
        /// `ObjectMetadata.fingerprint(of:)` of the headers.
        var headers: String
        /// The ETag the store answered the write with (without quotes).
        var etag: String
        var size: Int
        var contentType: String
        var cacheControl: String?
        var contentEncoding: String?

        /// The headers the object is served with.
        var objectHeaders: ObjectHeaders {
            ObjectHeaders(contentType: contentType, cacheControl: cacheControl, contentEncoding: contentEncoding)
        }
    }

    /// The format's version; a manifest of another is not trusted.
    static let currentVersion = 1

    var version = DeployManifest.currentVersion
    /// By site path.
    var objects: [String: Entry]

    init(objects: [String: Entry] = [:]) {
        self.objects = objects
    }

    /// The manifest of the bucket once `plan` ran on `remote`: each object of the build with
    /// the ETag its write answered (`written`, by site path) or, unchanged, the one the
    /// bucket had. A write missing from `written` is left out (the next publish reads it).
    init(after plan: DeployPlan, remote: RemoteSite, written: [String: String]) {
        self.init()
        for object in plan.steps.flatMap({ $0.uploads + $0.headerChanges }) {
            if let etag = written[object.path] { record(object, etag: etag) }
        }
        for object in plan.unchanged {
            if let etag = remote.objects[object.path]?.etag { record(object, etag: etag) }
        }
    }

    /// Records `object` as written, with the ETag the store answered.
    mutating func record(_ object: LocalObject, etag: String) {
        objects[object.path] = Entry(
            md5: object.md5, headers: object.headerFingerprint, etag: etag, size: object.bytes.count,
            contentType: object.headers.contentType, cacheControl: object.headers.cacheControl,
            contentEncoding: object.headers.contentEncoding)
    }

    /// The manifest as JSON: the same manifest always gives the same bytes.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and optionals only: encoding cannot fail.
        return (try? Array(encoder.encode(Document(version: version, objects: objects)))) ?? []
    }

    /// The manifest `bytes` hold, checked: the version, every path a site path, every MD5 and
    /// fingerprint hex of their length, sizes not negative, ETags not empty.
    static func decode(_ bytes: [UInt8]) throws(Problem) -> DeployManifest {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw Problem(detail: "it is not a manifest's JSON")
        }
        guard document.version == currentVersion else {
            throw Problem(detail: "its version is \(document.version), this explainer writes \(currentVersion)")
        }
        for (path, entry) in document.objects.sorted(by: { $0.key < $1.key }) {
            guard OutputFile.isSafe(path) else { throw Problem(detail: "it names the path `\(path.prefix(80))`") }
            guard ObjectMetadata.isMD5(entry.md5), ObjectMetadata.isFingerprint(entry.headers), entry.size >= 0,
                !entry.etag.isEmpty
            else { throw Problem(detail: "its entry for `\(path.prefix(80))` is incomplete") }
        }
        return DeployManifest(objects: document.objects)
    }

    /// Why a manifest was not trusted.
    struct Problem: Error, Sendable, Hashable {
        var detail: String

        /// The warning a publish gives for the manifest at `location` (`s3://b/p/.explainer/manifest.json`).
        func warning(at location: String) -> Diagnostic {
            Diagnostic(
                .warning, file: location, message: "The manifest of the last publish cannot be used: \(detail).",
                hint: "Nothing to do: this publish reads every object's metadata instead, and writes a new manifest.")
        }
    }

    /// The JSON's shape.
    private struct Document: Codable {
        var version: Int
        var objects: [String: Entry]
    }
}
