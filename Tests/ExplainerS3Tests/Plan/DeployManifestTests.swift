import ExplainerKit
import Testing

@testable import ExplainerS3

/// The manifest: the same bytes for the same manifest, read back as written, and never
/// trusted when it does not check.
@Suite struct DeployManifestTests {
    static let objects = [
        PlanFixtures.object("index.html", "<p>home</p>"), PlanFixtures.object("a/index.html", "<p>a</p>"),
        PlanFixtures.object("a/map.png", "png"),
    ]

    static func manifest(_ objects: [LocalObject]) -> DeployManifest {
        var manifest = DeployManifest()
        for object in objects { manifest.record(object, etag: "etag-" + object.path) }
        return manifest
    }

    @Test func roundTripsAndIsDeterministic() throws {
        let manifest = Self.manifest(Self.objects)
        let bytes = manifest.encoded()
        #expect(bytes == Self.manifest(Self.objects.reversed()).encoded())
        let decoded = try DeployManifest.decode(bytes)
        #expect(decoded == manifest)
        let entry = try #require(decoded.objects["a/map.png"])
        #expect(entry.etag == "etag-a/map.png" && entry.size == 3 && entry.md5 == ObjectMetadata.md5(Array("png".utf8)))
        #expect(entry.objectHeaders == Self.objects[2].headers)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\"objects\":{\"a/index.html\":"), "\(text.prefix(60))")
        #expect(text.contains("\"version\":1"))
    }

    /// After a publish: the written objects with their new ETags, the unchanged with the old.
    @Test func theManifestAfterAPlan() throws {
        let before = PlanFixtures.remote(holding: Array(Self.objects.prefix(2)))
        let changed = PlanFixtures.object("a/index.html", "<p>a, changed</p>")
        let plan = DeployPlanner.plan(local: [Self.objects[0], changed, Self.objects[2]], remote: before)
        let manifest = DeployManifest(after: plan, remote: before, written: ["a/index.html": "new-a", "a/map.png": "new-map"])
        #expect(manifest.objects.keys.sorted() == ["a/index.html", "a/map.png", "index.html"])
        #expect(manifest.objects["a/index.html"]?.etag == "new-a" && manifest.objects["a/index.html"]?.md5 == changed.md5)
        #expect(manifest.objects["index.html"]?.etag == Self.objects[0].md5)
        let partial = DeployManifest(after: plan, remote: before, written: ["a/map.png": "new-map"])
        #expect(partial.objects["a/index.html"] == nil)
    }

    @Test func aBadManifestIsRefusedWithWhy() {
        func problem(_ text: String) -> String? {
            do {
                _ = try DeployManifest.decode(Array(text.utf8))
                return nil
            } catch {
                return error.detail
            }
        }
        let entry =
            #"{"md5":"900150983cd24fb0d6963f7d28e17f72","headers":"d6dd58d26059799e","etag":"e","size":3,"contentType":"text/html"}"#
        #expect(problem(#"{"version":1,"objects":{"a.html":\#(entry)}}"#) == nil)
        #expect(problem("not json")?.contains("not a manifest") == true)
        #expect(problem(#"{"version":2,"objects":{}}"#)?.contains("version is 2") == true)
        #expect(problem(#"{"version":1,"objects":{"../x":\#(entry)}}"#)?.contains("../x") == true)
        #expect(problem(#"{"version":1,"objects":{".explainer/lock":\#(entry)}}"#) != nil)
        let shortMD5 = entry.replacingOccurrences(of: "7f72", with: "")
        #expect(problem(#"{"version":1,"objects":{"a.html":\#(shortMD5)}}"#)?.contains("incomplete") == true)
        let negative = entry.replacingOccurrences(of: "\"size\":3", with: "\"size\":-1")
        #expect(problem(#"{"version":1,"objects":{"a.html":\#(negative)}}"#) != nil)
        #expect(problem(#"{"version":1}"#) != nil)
    }

    @Test func theWarningSaysNothingIsLost() {
        let warning = DeployManifest.Problem(detail: "it is not a manifest's JSON").warning(at: "s3://b/p/.explainer/manifest.json")
        #expect(warning.severity == .warning && warning.file == "s3://b/p/.explainer/manifest.json")
        #expect(warning.message.contains("not a manifest's JSON") && !warning.hint.isEmpty)
    }
}
