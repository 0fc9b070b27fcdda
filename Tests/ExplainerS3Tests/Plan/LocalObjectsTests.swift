import ExplainerKit
import Testing

@testable import ExplainerS3

/// A build's files as objects: the build's `.gz` copies are no objects, their bytes stand in
/// for the file's where the rules store it gzipped.
@Suite struct LocalObjectsTests {
    static let files: [(path: String, bytes: [UInt8])] = [
        ("index.html", Array("<p>home</p>".utf8)), ("index.html.gz", [0x1f, 0x8b, 1]),
        ("a/map.png", [0x89, 0x50]), ("robots.txt", Array("User-agent: *".utf8)),
        ("assets/style.0123456789.css", Array("p{}".utf8)), ("assets/style.0123456789.css.gz", [0x1f, 0x8b, 2]),
        ("a/data.csv.gz", [0x1f, 0x8b, 3]),
    ]

    @Test func gzipCopiesAreStoredInTheirFilesObjects() throws {
        let objects = LocalObjects.make(files: Self.files, rules: .standard)
        #expect(objects.map(\.path) == ["a/data.csv.gz", "a/map.png", "assets/style.0123456789.css", "index.html", "robots.txt"])
        let home = try #require(objects.first { $0.path == "index.html" })
        #expect(home.bytes == [0x1f, 0x8b, 1] && home.headers.contentEncoding == "gzip")
        #expect(home.md5 == ObjectMetadata.md5([0x1f, 0x8b, 1]))
        #expect(home.headers.contentType == "text/html; charset=utf-8")
        #expect(home.headers.cacheControl == "public, max-age=300, must-revalidate")
        #expect(home.headerFingerprint == ObjectMetadata.fingerprint(of: home.headers))
        let style = try #require(objects.first { $0.path.hasSuffix(".css") })
        #expect(style.headers.contentEncoding == "gzip" && style.headers.cacheControl == "public, max-age=31536000, immutable")
        let map = try #require(objects.first { $0.path == "a/map.png" })
        #expect(map.bytes == [0x89, 0x50] && map.headers.contentEncoding == nil)
        // A `.gz` with no file beside it is a file of the site, stored as it is.
        let data = try #require(objects.first { $0.path == "a/data.csv.gz" })
        #expect(data.bytes == [0x1f, 0x8b, 3] && data.headers.contentEncoding == nil && data.headers.contentType == "application/gzip")
    }

    @Test func gzipOffStoresThePlainBytes() throws {
        var rules = ObjectHeaderRules.standard
        rules.gzip = false
        rules.pages = "no-cache"
        let objects = LocalObjects.make(files: Self.files, rules: rules)
        let home = try #require(objects.first { $0.path == "index.html" })
        #expect(home.bytes == Array("<p>home</p>".utf8) && home.headers.contentEncoding == nil)
        #expect(home.headers.cacheControl == "no-cache")
        #expect(!objects.contains { $0.path.hasSuffix("html.gz") || $0.path.hasSuffix("css.gz") })
    }
}
