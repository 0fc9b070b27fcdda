import Testing

@testable import ExplainerS3

/// The metadata every site object carries: the MD5 of its bytes and its header fingerprint.
@Suite struct ObjectMetadataTests {
    @Test func md5IsHexOfTheBytes() {
        #expect(ObjectMetadata.md5(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(ObjectMetadata.md5([]) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(ObjectMetadata.isMD5("900150983cd24fb0d6963f7d28e17f72"))
        #expect(!ObjectMetadata.isMD5("900150983cd24fb0d6963f7d28e17f7"))
        #expect(!ObjectMetadata.isMD5("900150983CD24FB0D6963F7D28E17F72"))
        #expect(!ObjectMetadata.isMD5("900150983cd24fb0d6963f7d28e17f72-2"))
    }

    /// The fingerprint is SHA-256 of the three headers joined by newlines (checked with
    /// Python's hashlib), first 16 hex digits; any header changes it.
    @Test func fingerprintIsTheFixedFormula() {
        let page = ObjectHeaders(
            contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=300, must-revalidate", contentEncoding: "gzip")
        #expect(ObjectMetadata.fingerprint(of: page) == "d6dd58d26059799e")
        #expect(ObjectMetadata.fingerprint(of: ObjectHeaders(contentType: "image/png")) == "cba8ae100b1a9bec")
        var other = page
        other.contentEncoding = nil
        #expect(ObjectMetadata.fingerprint(of: other) != ObjectMetadata.fingerprint(of: page))
        #expect(ObjectMetadata.isFingerprint(ObjectMetadata.fingerprint(of: other)))
    }

    @Test func aLocalObjectsMetadataUsesTheFixedKeys() {
        let object = PlanFixtures.object("a/index.html", "<p>a</p>")
        #expect(object.metadata == ["explainer-md5": object.md5, "explainer-headers": object.headerFingerprint])
    }
}
