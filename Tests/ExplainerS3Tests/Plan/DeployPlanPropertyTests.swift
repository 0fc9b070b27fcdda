import ExplainerKit
import Testing

@testable import ExplainerS3

/// For random builds and random buckets: the plan, applied, leaves a bucket whose plan is
/// empty, whether its state is proved by the manifest or by HEADs; and it never writes an
/// object twice nor both writes and deletes a path.
@Suite struct DeployPlanPropertyTests {
    static let paths = [
        "index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "assets/style.0123456789.css", "a/index.html",
        "a/history/index.html", "a/map-480-0123abcd.webp", "a/map.png", "b/index.html", "b/chart.svg",
        "topics/x/feed.xml", "topics/x/index.html", "pagefind/pagefind-entry.json", "pagefind/index/en_23ff5ef.pf_index",
    ]

    static func randomSite(_ rng: inout SeededGenerator) -> [LocalObject] {
        paths.filter { _ in Bool.random(using: &rng) }.map { path in
            var object = PlanFixtures.object(path, "v\(Int.random(in: 0..<3, using: &rng))")
            if Int.random(in: 0..<4, using: &rng) == 0 {
                object.headers.cacheControl = "no-cache"
                object.headerFingerprint = ObjectMetadata.fingerprint(of: object.headers)
            }
            return object
        }
    }

    /// The bucket after the plan ran: what was there, with every write and delete done.
    static func applying(_ plan: DeployPlan, to before: [LocalObject]) -> [LocalObject] {
        var objects = Dictionary(before.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        for step in plan.steps { for object in step.uploads + step.headerChanges { objects[object.path] = object } }
        for path in plan.deletes { objects[path] = nil }
        return objects.values.sorted { $0.path < $1.path }
    }

    @Test func aPlanAppliedLeavesNothingToDo() {
        var rng = SeededGenerator(state: 17)
        for _ in 0..<300 {
            let before = Self.randomSite(&rng)
            let local = Self.randomSite(&rng)
            let plan = DeployPlanner.plan(local: local, remote: PlanFixtures.remote(holding: before))
            let written = plan.steps.flatMap { $0.uploads + $0.headerChanges }.map(\.path)
            #expect(Set(written).count == written.count && Set(written).isDisjoint(with: plan.deletes))
            #expect(written.count + plan.unchanged.count == local.count)
            let after = Self.applying(plan, to: before)
            #expect(after == local.sorted { $0.path < $1.path })
            // Proved by the manifest the publish leaves…
            #expect(DeployPlanner.plan(local: local, remote: PlanFixtures.remote(holding: after)).isEmpty)
            // …and, with no manifest, by a HEAD of each object.
            let bucket = PlanFixtures.bucket(holding: after)
            var remote = RemoteSite.reconcile(listing: bucket.listing, keyPrefix: "", manifest: nil)
            for path in remote.pathsToHead(for: local) {
                remote.resolve(path, head: after.first { $0.path == path }.map(PlanFixtures.head(of:)))
            }
            #expect(DeployPlanner.plan(local: local, remote: remote).isEmpty)
        }
    }

    /// No step makes a page live before an asset it could use, nor an entry file before a page.
    @Test func phasesNeverGoBackwards() {
        var rng = SeededGenerator(state: 4)
        let rank: [DeployPlan.Phase: Int] = [.assets: 0, .pages: 1, .entries: 2]
        for _ in 0..<200 {
            let plan = DeployPlanner.plan(local: Self.randomSite(&rng), remote: PlanFixtures.remote(holding: Self.randomSite(&rng)))
            let ranks = plan.steps.compactMap { rank[$0.phase] }
            #expect(ranks == ranks.sorted())
            #expect(plan.steps.allSatisfy { !$0.uploads.isEmpty || !$0.headerChanges.isEmpty })
            for step in plan.steps {
                for object in step.uploads + step.headerChanges { #expect(rank[DeployPlanner.phase(of: object)] == rank[step.phase]) }
            }
        }
    }
}
