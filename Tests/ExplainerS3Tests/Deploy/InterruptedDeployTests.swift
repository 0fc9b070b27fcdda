import ExplainerKit
import Testing

@testable import ExplainerS3

/// The property at the heart of the deployer: a publish that dies at any request leaves a
/// bucket whose pages resolve, the next publish completes it (its lock seen as stale), a
/// third has nothing to do, and the previous site is still the one a rollback restores.
@Suite struct InterruptedDeployTests {
    let keys = KeySpace(address: DeploySite.bucket)

    /// How many requests a clean publish of `to` over `from` makes.
    func requests(from: [LocalObject]?, to: [LocalObject]) async throws -> Int {
        let harness = DeployHarness()
        if let from { _ = try await harness.publish(from) }
        let before = harness.store.requests.count
        _ = try await harness.publish(to)
        return harness.store.requests.count - before
    }

    /// Publishes `from` (if any), then `to` dying at request `n`, checks the bucket, reruns.
    func check(dyingAt n: Int, from: [LocalObject]?, to: [LocalObject]) async throws {
        var harness = DeployHarness()
        if let from { _ = try await harness.publish(from) }
        harness.store.die(from: n)
        _ = await harness.failure(to)
        #expect(DeploySite.unresolved(in: harness.store) == [], "died at request \(n)")
        if from != nil { #expect(DeploySite.site(in: harness.store)["index.html"] != nil) }
        harness.store.die(from: nil)
        // The rerun is another process; the one that died left its lock behind.
        harness.pid = 200
        harness.othersAlive = false
        let rerun = try await harness.publish(to)
        #expect(DeploySite.holds(to, in: harness.store), "died at request \(n)")
        #expect(DeploySite.unresolved(in: harness.store) == [])
        _ = rerun
        let third = try await harness.publish(to)
        #expect(third.uploaded == 0 && third.headerChanges == 0 && third.deleted == 0, "died at request \(n)")
        #expect(harness.store.objects[keys.lock] == nil)
        if let from {
            do {
                _ = try await harness.rollback()
            } catch {
                Issue.record(
                    "rollback after dying at request \(n): \(error) \(harness.store.requests.suffix(60).map { "\($0.verb) \($0.key)" })")
            }
            #expect(DeploySite.holds(from, in: harness.store), "rollback after dying at request \(n)")
        }
    }

    @Test func aChangeInterruptedAtAnyRequestIsCompletedByTheNextPublish() async throws {
        let total = try await requests(from: DeploySite.v1, to: DeploySite.v2)
        #expect(total > 20)
        for n in 1...total + 1 {
            try await check(dyingAt: n, from: DeploySite.v1, to: DeploySite.v2)
        }
    }

    @Test func aFirstPublishInterruptedAtAnyRequestIsCompletedByTheNextPublish() async throws {
        let total = try await requests(from: nil, to: DeploySite.v1)
        for n in 1...total + 1 {
            try await check(dyingAt: n, from: nil, to: DeploySite.v1)
        }
    }

    @Test func aSingleFailedRequestFailsThePublishAndARerunCompletesIt() async throws {
        let total = try await requests(from: DeploySite.v1, to: DeploySite.v2)
        for n in 1...total {
            let harness = DeployHarness()
            _ = try await harness.publish(DeploySite.v1)
            harness.store.failRequest(n)
            _ = await harness.failure(DeploySite.v2)
            #expect(DeploySite.unresolved(in: harness.store) == [], "request \(n) failed")
            var rerun = harness
            rerun.othersAlive = false
            _ = try await rerun.publish(DeploySite.v2)
            #expect(DeploySite.holds(DeploySite.v2, in: harness.store), "request \(n) failed")
        }
    }
}
