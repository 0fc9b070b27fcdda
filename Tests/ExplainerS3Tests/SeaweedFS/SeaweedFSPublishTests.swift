import Foundation
import Testing

/// `explainer publish --to s3://…` against a real S3 server (SeaweedFS, started by
/// `Scripts/seaweedfs.sh`): the built CLI on small temp sites, the bucket read back with
/// signed curl requests. Each test has its own bucket. Serialized: the machine is small and
/// the kill tests time their kills.
@Suite("SeaweedFS publish", .serialized, .needsS3)
struct SeaweedFSPublishTests {
    /// A site, the CLI in its folder, and an empty bucket (under `prefix`) to publish it to.
    struct Case {
        var server: S3TestServer
        var site: TestSite
        var cli: PublishCLI
        var bucket: BucketSite

        init(_ label: String, articles: Int, prefix: String = "", siteYMLExtra: String = "") throws {
            server = try S3TestServer.current()
            site = try TestSite(articles: articles, siteYMLExtra: siteYMLExtra)
            cli = PublishCLI(server: server, site: site)
            bucket = BucketSite(curl: server.curl, bucket: try server.makeBucket(label), prefix: prefix)
        }

        init(server: S3TestServer, site: TestSite, cli: PublishCLI, bucket: BucketSite) {
            self.server = server
            self.site = site
            self.cli = cli
            self.bucket = bucket
        }

        /// A publish of the site that must succeed; its summary.
        @discardableResult
        func publish(_ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> PublishSummary {
            let run = try cli.publish(bucket.target, arguments)
            try #require(run.status == 0, "publish failed: \(run.log)", sourceLocation: sourceLocation)
            return try #require(run.summary, "no summary line: \(run.log)", sourceLocation: sourceLocation)
        }
    }

    /// Waits (polling, at most `timeout` seconds) until `condition` holds; whether it did.
    static func wait(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return try condition()
    }

    /// The paths whose bytes differ between two references (or that only the second has).
    static func changed(_ old: [String: (bytes: Data, gzip: Bool)], _ new: [String: (bytes: Data, gzip: Bool)]) -> Set<String> {
        Set(new.filter { old[$0.key]?.bytes != $0.value.bytes }.keys)
    }

    @Test func firstPublishUploadsEverySiteFileWithItsHeaders() throws {
        let test = try Case("first", articles: 3, prefix: "news/site")
        defer { test.site.delete() }
        let reference = try test.site.reference(test.cli)
        let summary = try test.publish()
        #expect(!summary.dryRun && summary.target == test.bucket.target)
        #expect(summary.uploaded == reference.count && summary.headerChanges == 0 && summary.deleted == 0 && summary.unchanged == 0)
        #expect((summary.writes ?? 0) >= reference.count)

        let objects = try test.bucket.siteObjects()
        #expect(Set(objects.keys) == Set(reference.keys), "no .gz object, nothing outside the prefix")
        #expect(try test.server.curl.list(test.bucket.bucket).keys.allSatisfy { $0.hasPrefix("news/site/") })
        for (path, file) in reference {
            #expect(try test.bucket.get(path) == file.bytes, "\(path): the stored bytes (gzip: \(file.gzip))")
        }
        let home = try #require(try test.bucket.head("index.html"))
        #expect(home["content-type"] == "text/html; charset=utf-8")
        #expect(home["content-encoding"] == "gzip")
        #expect(home["x-amz-meta-explainer-md5"] == objects["index.html"]?.etag)
        #expect(home["x-amz-meta-explainer-headers"]?.wholeMatch(of: /[0-9a-f]{16}/) != nil)
        #expect(home["cache-control"].map { !$0.contains("immutable") } == true)
        let stylesheet = try #require(reference.keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        let css = try #require(try test.bucket.head(stylesheet))
        #expect(css["cache-control"]?.contains("immutable") == true && css["cache-control"]?.contains("max-age=31536000") == true)
        #expect(css["content-type"]?.hasPrefix("text/css") == true)
        let robots = try #require(try test.bucket.head("robots.txt"))
        #expect(robots["content-type"]?.hasPrefix("text/plain") == true && robots["content-encoding"] == nil)

        let state = try test.bucket.all()
        #expect(state[".explainer/manifest.json"] != nil)
        #expect(state[".explainer/lock"] == nil, "the lock is released")
        #expect(try test.bucket.unresolvedLinks() == [])
    }

    @Test func republishingAnUnchangedSiteUploadsNothing() throws {
        let test = try Case("nochange", articles: 3)
        defer { test.site.delete() }
        try test.publish()
        let before = try test.bucket.siteObjects()
        Thread.sleep(forTimeInterval: 1.1)  // a rewritten object would show a later LastModified
        let summary = try test.publish()
        #expect(summary.uploaded == 0 && summary.headerChanges == 0 && summary.deleted == 0)
        #expect(summary.unchanged == before.count)
        #expect((summary.writes ?? 99) <= 4, "only the lock and the manifest")
        #expect(try test.bucket.siteObjects() == before)
    }

    @Test func oneChangedArticleUploadsOnlyItsObjectsHomeSitemapAndFeeds() throws {
        let test = try Case("onearticle", articles: 6, prefix: "site")
        defer { test.site.delete() }
        try test.publish()
        let old = try test.site.reference(test.cli)
        let before = try test.bucket.siteObjects()
        try test.site.write(2, revision: 1)
        let new = try test.site.reference(test.cli)
        let expected = Self.changed(old, new)
        #expect(!expected.isEmpty && expected.contains("a002/index.html"))
        for path in expected {
            #expect(
                path.hasPrefix("a002/") || ["index.html", "sitemap.xml"].contains(path) || path.hasSuffix("feed.xml"),
                "\(path) changed with one article")
        }
        Thread.sleep(forTimeInterval: 1.1)
        let summary = try test.publish()
        #expect(summary.uploaded == expected.count && summary.headerChanges == 0 && summary.deleted == 0)
        #expect(summary.unchanged == new.count - expected.count)
        #expect((summary.writes ?? 99) < expected.count + 20)
        let after = try test.bucket.siteObjects()
        #expect(Set(after.filter { before[$0.key] != $0.value }.keys) == expected)
        for path in expected { #expect(try test.bucket.get(path) == new[path]?.bytes, "\(path)") }
    }

    @Test func aDeletedArticleIsDeletedLastAndKeptForRollback() throws {
        let test = try Case("deleted", articles: 6)
        defer { test.site.delete() }
        try test.publish()
        let old = try test.site.reference(test.cli)
        try test.site.remove(5)
        let new = try test.site.reference(test.cli)
        let gone = Set(old.keys).subtracting(new.keys)
        #expect(!gone.isEmpty && gone.allSatisfy { $0.hasPrefix("a005/") })

        let dry = try test.cli.publish(test.bucket.target, ["--dry-run"])
        #expect(dry.status == 0, "\(dry.log)")
        let lines = dry.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let deletes = lines.filter { $0.hasPrefix("delete ") }
        #expect(Set(deletes.map { String($0.dropFirst("delete ".count)) }) == gone)
        let lastWrite = lines.lastIndex { $0.hasPrefix("upload ") || $0.hasPrefix("headers ") } ?? -1
        let firstDelete = lines.firstIndex { $0.hasPrefix("delete ") } ?? Int.max
        #expect(lastWrite < firstDelete, "deletes come after every upload and header change")

        let summary = try test.publish()
        #expect(summary.deleted == gone.count)
        let objects = try test.bucket.all()
        #expect(Set(objects.keys.filter { !$0.hasPrefix(".explainer/") }) == Set(new.keys))
        for path in gone { #expect(objects[".explainer/previous/objects/" + path] != nil, "\(path) kept for a rollback") }
        #expect(try test.bucket.unresolvedLinks() == [])
    }

    @Test func aHeaderOnlyChangeCopiesObjectsWithoutUploading() throws {
        let test = try Case("headers", articles: 3)
        defer { test.site.delete() }
        try test.publish()
        let before = try test.bucket.siteObjects()
        let oldHome = try #require(try test.bucket.head("index.html"))
        try test.site.setSiteYML(extra: "publish:\n  cacheControl:\n    pages: \"public, max-age=60\"\n")
        let summary = try test.publish()
        #expect(summary.uploaded == 0 && summary.deleted == 0 && summary.headerChanges > 0)
        let home = try #require(try test.bucket.head("index.html"))
        #expect(home["cache-control"] == "public, max-age=60")
        #expect(home["x-amz-meta-explainer-headers"] != oldHome["x-amz-meta-explainer-headers"])
        #expect(home["x-amz-meta-explainer-md5"] == oldHome["x-amz-meta-explainer-md5"])
        let after = try test.bucket.siteObjects()
        #expect(after.mapValues(\.etag) == before.mapValues(\.etag), "the same bytes")
        #expect(try test.publish().headerChanges == 0, "and a rerun has nothing left to change")
    }

    @Test func aDryRunPrintsEveryActionAndChangesNothing() throws {
        let test = try Case("dryrun", articles: 4, prefix: "p")
        defer { test.site.delete() }
        let dryFirst = try test.cli.publish(test.bucket.target, ["--dry-run"])
        #expect(dryFirst.status == 0 && dryFirst.summary?.dryRun == true, "\(dryFirst.log)")
        #expect(try test.server.curl.list(test.bucket.bucket).isEmpty, "a dry run writes nothing, not even a lock")
        try test.publish()
        let old = try test.site.reference(test.cli)
        try test.site.write(1, revision: 1)
        try test.site.remove(3)
        let new = try test.site.reference(test.cli)
        let before = try test.bucket.all()
        let run = try test.cli.publish(test.bucket.target, ["--dry-run"])
        #expect(run.status == 0, "\(run.log)")
        let summary = try #require(run.summary, "\(run.log)")
        let uploads = Self.changed(old, new)
        let gone = Set(old.keys).subtracting(new.keys)
        #expect(summary.dryRun && summary.target == test.bucket.target)
        #expect(summary.uploaded == uploads.count && summary.deleted == gone.count && summary.headerChanges == 0)
        let lines = run.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(Set(lines.filter { $0.hasPrefix("upload ") }.map { String($0.dropFirst(7)) }) == uploads)
        #expect(Set(lines.filter { $0.hasPrefix("delete ") }.map { String($0.dropFirst(7)) }) == gone)
        #expect(try test.bucket.all() == before)
    }

    @Test func tooManyDeletesFailBeforeAnythingChanges() throws {
        let test = try Case("maxdeletes", articles: 6)
        defer { test.site.delete() }
        try test.publish()
        for i in 3..<6 { try test.site.remove(i) }
        try test.site.write(0, revision: 1)
        let before = try test.bucket.all()
        let run = try test.cli.publish(test.bucket.target, ["--max-deletes", "2"])
        #expect(run.status != 0, "\(run.log)")
        #expect(run.stderr.contains("--max-deletes"), "the message names the flag: \(run.stderr)")
        #expect(try test.bucket.all() == before, "nothing uploaded, nothing deleted, no lock left")
        let allowed = try test.publish(["--max-deletes", "100"])
        #expect(allowed.deleted > 2)
    }

    @Test func twoPublishesAtOnceOneIsRefusedByTheLock() throws {
        let test = try Case("concurrent", articles: 120)
        defer { test.site.delete() }
        var refusals = 0
        for attempt in 1...3 where refusals == 0 {
            // Both build at the same time, then race for the lock; the winner holds it while it uploads.
            try test.site.write(attempt % 120, revision: attempt)
            let first = try test.cli.start(["publish", "--to", test.bucket.target, "--endpoint", test.server.endpoint])
            let second = try test.cli.start(["publish", "--to", test.bucket.target, "--endpoint", test.server.endpoint])
            let runs = [try first.finish(timeout: 300), try second.finish(timeout: 300)]
            let refused = runs.filter { $0.status != 0 }
            #expect(runs.contains { $0.status == 0 }, "one publish succeeds: \(runs.map(\.log))")
            #expect(refused.count <= 1, "\(runs.map(\.log))")
            for run in refused {
                #expect(run.stderr.contains("--break-lock"), "the refusal says how to break a stale lock: \(run.log)")
                refusals += 1
            }
        }
        #expect(refusals == 1, "in 3 attempts the two publishes never overlapped")
        #expect(try test.bucket.all()[".explainer/lock"] == nil)
    }

    @Test func rollbackRestoresThePreviousSiteAndRollingBackTwiceTheNewer() throws {
        let test = try Case("rollback", articles: 6, prefix: "r")
        defer { test.site.delete() }
        try test.publish()
        let v1 = try test.bucket.siteObjects().mapValues(\.etag)
        let v1Head = try #require(try test.bucket.head("a001/index.html"))
        try test.site.write(1, revision: 1)
        try test.site.remove(5)
        try test.publish()
        let v2 = try test.bucket.siteObjects().mapValues(\.etag)
        #expect(v2 != v1)

        let back = try test.cli.publish(test.bucket.target, ["--rollback"])
        #expect(back.status == 0, "\(back.log)")
        #expect(try test.bucket.siteObjects().mapValues(\.etag) == v1, "exactly the previous site")
        let head = try #require(try test.bucket.head("a001/index.html"))
        for name in ["content-type", "content-encoding", "cache-control", "x-amz-meta-explainer-md5"] {
            #expect(head[name] == v1Head[name], "\(name)")
        }
        #expect(try test.bucket.unresolvedLinks() == [])
        let forward = try test.cli.publish(test.bucket.target, ["--rollback"])
        #expect(forward.status == 0, "\(forward.log)")
        #expect(try test.bucket.siteObjects().mapValues(\.etag) == v2, "rolling back twice returns to the newer site")
    }
}
