import Testing

/// The summary line of the CLI contract, as the end-to-end tests read it (runs without a server).
@Suite("Publish summary line")
struct PublishSummaryTests {
    @Test func readsARealPublish() throws {
        let line = "Published to s3://B/P: 12 uploaded, 3 header changes, 2 deleted, 59000 unchanged, 31 writes, 1.84 s."
        let summary = try #require(PublishSummary(line: line))
        #expect(summary.target == "s3://B/P" && !summary.dryRun)
        #expect(summary.uploaded == 12 && summary.headerChanges == 3 && summary.deleted == 2 && summary.unchanged == 59000)
        #expect(summary.writes == 31 && summary.seconds == 1.84)
    }

    @Test func readsADryRunAndSingulars() throws {
        let dry = try #require(
            PublishSummary(line: "Dry run for s3://b, nothing changed: 0 to upload, 1 header change, 0 to delete, 7 unchanged."))
        #expect(dry.dryRun && dry.target == "s3://b" && dry.headerChanges == 1 && dry.unchanged == 7 && dry.writes == nil)
        #expect(
            PublishSummary(line: "Published to s3://b: 1 uploaded, 0 header changes, 0 deleted, 0 unchanged, 1 write, 2 s.")?.writes == 1)
    }

    @Test func refusesOtherLines() {
        #expect(PublishSummary(line: "upload index.html") == nil)
        #expect(PublishSummary(line: "Published 3 articles, 57 files to out/.") == nil)
        #expect(PublishSummary(line: "Published to s3://b: x uploaded, 0 header changes, 0 deleted, 0 unchanged, 1 writes, 2 s.") == nil)
    }

    @Test func linksResolveToSitePaths() {
        #expect(BucketSite.target(of: "/", on: "a/index.html") == "index.html")
        #expect(BucketSite.target(of: "/a000/", on: "index.html") == "a000/index.html")
        #expect(BucketSite.target(of: "../risks/", on: "a/background/index.html") == "a/risks/index.html")
        #expect(BucketSite.target(of: "/assets/style.0123456789.css", on: "index.html") == "assets/style.0123456789.css")
        #expect(BucketSite.target(of: "https://test.example.org/feed.xml", on: "index.html") == "feed.xml")
        #expect(BucketSite.target(of: "https://example.com/x", on: "index.html") == nil)
        #expect(BucketSite.target(of: "mailto:desk@example.org", on: "index.html") == nil)
    }

    @Test func listingXMLIsRead() {
        let xml = "<R><Contents><Key>a &amp; b/x.txt</Key><ETag>&#34;5d41&#34;</ETag></Contents><Contents><Key>c</Key></Contents></R>"
        let blocks = SignedCurl.elements("Contents", in: xml)
        #expect(blocks.count == 2)
        #expect(SignedCurl.decodeEntities(SignedCurl.elements("Key", in: blocks[0])[0]) == "a & b/x.txt")
        #expect(SignedCurl.decodeEntities(SignedCurl.elements("ETag", in: blocks[0])[0]) == "\"5d41\"")
        #expect(SignedCurl.encode("a b/c+d~", keepSlash: true) == "a%20b/c%2Bd~")
        #expect(SignedCurl.encode("a/b=", keepSlash: false) == "a%2Fb%3D")
    }
}
