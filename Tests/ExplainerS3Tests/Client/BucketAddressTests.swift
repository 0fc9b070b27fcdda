import ExplainerKit
import Testing

@testable import ExplainerS3

/// `--to s3://BUCKET[/PREFIX]` and the keys it gives.
@Suite struct BucketAddressTests {
    func problem(_ text: String) -> String? {
        do {
            _ = try BucketAddress(parsing: text)
            return nil
        } catch {
            return error.diagnostics.first?.message
        }
    }

    @Test func bucketAndNormalisedPrefix() throws {
        let root = try BucketAddress(parsing: "s3://my-site")
        #expect(root.bucket == "my-site")
        #expect(root.prefix == "")
        #expect(root.description == "s3://my-site")
        #expect(try BucketAddress(parsing: "s3://my-site/").prefix == "")
        let nested = try BucketAddress(parsing: "S3://my.site.2//news//2024/")
        #expect(nested.bucket == "my.site.2")
        #expect(nested.prefix == "news/2024")
        #expect(nested.description == "s3://my.site.2/news/2024")
    }

    @Test func keysWithAndWithoutPrefix() throws {
        let root = try BucketAddress(parsing: "s3://site")
        #expect(root.key(for: "russia-taliban/index.html") == "russia-taliban/index.html")
        #expect(root.stateKey("lock") == ".explainer/lock")
        #expect(root.statePrefix == ".explainer/")
        let nested = try BucketAddress(parsing: "s3://site/news")
        #expect(nested.key(for: "index.html") == "news/index.html")
        #expect(nested.stateKey("previous/objects/a/index.html") == "news/.explainer/previous/objects/a/index.html")
        #expect(nested.keyPrefix == "news/")
        #expect(nested.path(forKey: "news/a/index.html") == "a/index.html")
        #expect(nested.path(forKey: "news/.explainer/lock") == nil)
        #expect(nested.path(forKey: "newsroom/index.html") == nil)
        #expect(nested.path(forKey: "news/") == nil)
    }

    @Test(arguments: [
        ("http://site", "is not an s3:// address"),
        ("s3://", "is not an s3:// address"),
        ("s3://ab", "not 3 to 63"),
        ("s3://" + String(repeating: "a", count: 64), "not 3 to 63"),
        ("s3://My_Bucket", "`M`"),
        ("s3://-site", "start and end"),
        ("s3://site-", "start and end"),
        ("s3://a..b", "two dots"),
        ("s3://192.168.1.1", "IP address"),
        ("s3://xn--site", "reserved prefix"),
        ("s3://site-s3alias", "reserved suffix"),
        ("s3://site/./x", "starting with a dot"),
        ("s3://site/a/../b", "starting with a dot"),
        ("s3://site/.explainer", "starting with a dot"),
        ("s3://site/a\tb", "control character"),
    ])
    func badAddressesAreRefused(text: String, expected: String) {
        #expect(problem(text)?.contains(expected) == true, "\(text): \(problem(text) ?? "accepted")")
    }

    @Test func errorsNameTheFlag() {
        do {
            _ = try BucketAddress(parsing: "s3://x")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.file == "--to")
            #expect(error.diagnostics.first?.hint.isEmpty == false)
        }
    }
}
