import Testing

@testable import ExplainerS3

/// The bucket's site from one listing and the manifest: what the manifest proves, what needs a
/// HEAD, and what a HEAD tells.
@Suite struct RemoteSiteTests {
    static let home = PlanFixtures.object("index.html", "<p>home</p>")
    static let page = PlanFixtures.object("a/index.html", "<p>a</p>")
    static let map = PlanFixtures.object("a/map.png", "png")

    @Test func theManifestProvesObjectsWhoseETagItRecorded() throws {
        let bucket = PlanFixtures.bucket(holding: [Self.home, Self.page, Self.map], keyPrefix: "news/")
        var listing = bucket.listing
        // `a/index.html` was written since (another ETag), the deployer's own objects, and
        // keys outside the prefix.
        listing[try #require(listing.firstIndex { $0.key == "news/a/index.html" })].etag = "other"
        listing += [
            StoredObject(key: "news/.explainer/manifest.json", etag: "m", size: 9),
            StoredObject(key: "newsroom/x.html", etag: "x", size: 1), StoredObject(key: "other/y.html", etag: "y", size: 1),
            StoredObject(key: "news/stray.txt", etag: "s", size: 1),
        ]
        let site = RemoteSite.reconcile(listing: listing, keyPrefix: "news/", manifest: bucket.manifest)
        #expect(site.objects.keys.sorted() == ["a/index.html", "a/map.png", "index.html", "stray.txt"])
        #expect(site.unknown == ["a/index.html", "stray.txt"])
        let home = try #require(site.objects["index.html"])
        #expect(home.md5 == Self.home.md5 && home.headerFingerprint == Self.home.headerFingerprint)
        #expect(site.objects["a/index.html"]?.md5 == nil)
        // Only what the build has is worth a HEAD: the stray object is deleted anyway.
        #expect(site.pathsToHead(for: [Self.home, Self.page, Self.map]) == ["a/index.html"])
    }

    @Test func withoutAManifestEveryObjectIsUnknown() {
        let bucket = PlanFixtures.bucket(holding: [Self.home, Self.map])
        let site = RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: nil)
        #expect(site.unknown == ["index.html", "a/map.png"])
        var sized = bucket.listing
        sized[0].size += 1
        let resized = RemoteSite.reconcile(listing: sized, keyPrefix: "", manifest: bucket.manifest)
        #expect(resized.unknown == [sized[0].key])
    }

    @Test func aHeadTellsTheMetadataOrWhatTheObjectShows() throws {
        let bucket = PlanFixtures.bucket(holding: [Self.home, Self.page, Self.map])
        var site = RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: nil)
        site.resolve("index.html", head: PlanFixtures.head(of: Self.home))
        #expect(site.objects["index.html"]?.md5 == Self.home.md5)
        #expect(site.objects["index.html"]?.headerFingerprint == Self.home.headerFingerprint)
        // No metadata (another tool wrote it): a multipart ETag proves nothing, the headers are what they are.
        site.resolve(
            "a/index.html", head: ObjectHead(etag: "abc-2", size: 8, headers: Self.page.headers, metadata: [:]))
        #expect(site.objects["a/index.html"]?.md5 == nil)
        #expect(site.objects["a/index.html"]?.headerFingerprint == Self.page.headerFingerprint)
        site.resolve("a/map.png", head: nil)
        #expect(site.objects["a/map.png"] == nil)
        #expect(site.unknown.isEmpty)
        var plain = RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: nil)
        plain.resolve("a/map.png", head: ObjectHead(etag: Self.map.md5, size: 3, headers: .init(contentType: "image/png"), metadata: [:]))
        #expect(plain.objects["a/map.png"]?.md5 == Self.map.md5)
        #expect(plain.objects["a/map.png"]?.headerFingerprint != Self.map.headerFingerprint)
    }
}
