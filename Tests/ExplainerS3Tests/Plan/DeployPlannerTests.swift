import ExplainerKit
import Testing

@testable import ExplainerS3

/// The plan: what each path needs, in the order that keeps every page resolving, the dry run's
/// lines and the delete limit.
@Suite struct DeployPlannerTests {
    typealias F = PlanFixtures

    static let old = [
        F.object("index.html", "home v1"), F.object("a/index.html", "a v1"), F.object("a/map.png", "map"),
        F.object("gone/index.html", "gone"), F.object("gone/photo.jpg", "photo"), F.object("sitemap.xml", "sitemap v1"),
        F.object("b/index.html", "b"),
    ]

    /// The new build: `a` changed, `c` is new, `gone` deleted, the map's headers changed.
    static var new: [LocalObject] {
        var map = F.object("a/map.png", "map")
        map.headers.cacheControl = "no-cache"
        map.headerFingerprint = ObjectMetadata.fingerprint(of: map.headers)
        return [
            F.object("index.html", "home v2"), F.object("a/index.html", "a v2"), map, F.object("c/index.html", "c"),
            F.object("c/chart.svg", "svg"), F.object("sitemap.xml", "sitemap v2"), F.object("b/index.html", "b"),
        ]
    }

    @Test func eachPathGetsWhatItNeeds() {
        let plan = DeployPlanner.plan(local: Self.new, remote: F.remote(holding: Self.old))
        #expect(plan.uploadCount == 5 && plan.headerChangeCount == 1)
        #expect(plan.deletes == ["gone/index.html", "gone/photo.jpg"])
        #expect(plan.unchanged.map(\.path) == ["b/index.html"])
        #expect(plan.replaced == ["a/index.html", "a/map.png", "index.html", "sitemap.xml"])
        #expect(!plan.isEmpty)
    }

    /// Assets, then new pages, then changed pages, then entry files; deletes last.
    @Test func theOrderKeepsEveryPageResolving() {
        let plan = DeployPlanner.plan(local: Self.new, remote: F.remote(holding: Self.old))
        #expect(plan.steps.map(\.phase) == [.assets, .pages, .pages, .entries])
        #expect(plan.steps[0].uploads.map(\.path) == ["c/chart.svg"] && plan.steps[0].headerChanges.map(\.path) == ["a/map.png"])
        #expect(plan.steps[1].uploads.map(\.path) == ["c/index.html"])
        #expect(plan.steps[2].uploads.map(\.path) == ["a/index.html"])
        #expect(plan.steps[3].uploads.map(\.path) == ["index.html", "sitemap.xml"])
        #expect(
            plan.lines == [
                "upload c/chart.svg", "headers a/map.png", "upload c/index.html", "upload a/index.html", "upload index.html",
                "upload sitemap.xml", "delete gone/index.html", "delete gone/photo.jpg",
            ])
        #expect(
            plan.dryRunSummary(target: "s3://b/p")
                == "Dry run for s3://b/p, nothing changed: 5 to upload, 1 header changes, 2 to delete, 1 unchanged.")
    }

    @Test func aFirstPublishUploadsEverythingAndDeletesNothing() {
        let plan = DeployPlanner.plan(local: Self.old, remote: RemoteSite())
        #expect(plan.uploadCount == Self.old.count && plan.deletes.isEmpty && plan.replaced.isEmpty)
        #expect(plan.steps.map(\.phase) == [.assets, .pages, .entries])
    }

    @Test func anUnchangedSiteHasAnEmptyPlan() {
        let plan = DeployPlanner.plan(local: Self.old, remote: F.remote(holding: Self.old))
        #expect(plan.isEmpty && plan.lines.isEmpty && plan.unchanged.count == Self.old.count)
        #expect(
            plan.dryRunSummary(target: "s3://b")
                == "Dry run for s3://b, nothing changed: 0 to upload, 0 header changes, 0 to delete, 7 unchanged.")
    }

    /// An object whose state nothing proved (no manifest, no HEAD) is written again.
    @Test func unknownObjectsAreWritten() {
        let bucket = F.bucket(holding: Self.old)
        let remote = RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: nil)
        let plan = DeployPlanner.plan(local: Self.old, remote: remote)
        #expect(plan.uploadCount == Self.old.count && plan.replaced.count == Self.old.count)
    }

    @Test func tooManyDeletesFailBeforeAnything() throws {
        let many = (0..<300).map { F.object("old-\(1000 + $0)/index.html", "x") }
        let plan = DeployPlanner.plan(local: [F.object("index.html", "home")], remote: F.remote(holding: many))
        #expect(throws: Never.self) { try DeleteLimit.check(plan, limit: 300, target: "s3://b/p") }
        do {
            try DeleteLimit.check(plan, limit: DeleteLimit.defaultLimit, target: "s3://b/p")
            Issue.record("300 deletes passed a limit of 256")
        } catch {
            let problem = try #require(error.diagnostics.first)
            #expect(problem.file == "s3://b/p")
            #expect(problem.message.contains("300 objects") && problem.message.contains("--max-deletes 256"))
            #expect(problem.message.contains("old-1000/index.html") && problem.message.contains("and 295 more"))
            #expect(problem.hint.contains("--max-deletes 300"))
        }
    }
}
