import ExplainerKit
import Testing

@testable import ExplainerS3

/// `--rollback`: the previous site restored exactly from `.explainer/previous/`.
@Suite struct RollbackTests {
    let keys = KeySpace(address: DeploySite.bucket)

    @Test func aRollbackRestoresThePreviousSiteAndASecondOneReturns() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        _ = try await harness.publish(DeploySite.v2)
        let back = try await harness.rollback()
        #expect(back.rolledBack)
        #expect(DeploySite.holds(DeploySite.v1, in: harness.store))
        #expect(back.deleted == 3)
        #expect(back.headerChanges == 1)
        _ = try await harness.rollback()
        #expect(DeploySite.holds(DeploySite.v2, in: harness.store))
        // A publish after a rollback sees the site as published: nothing to do.
        let again = try await harness.publish(DeploySite.v2)
        #expect(again.uploaded == 0 && again.headerChanges == 0 && again.deleted == 0)
    }

    @Test func onlyWhatChangesIsKept() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        _ = try await harness.publish(DeploySite.v2)
        let backups = harness.store.objects.keys.compactMap { key -> String? in
            guard case .backup(let path)? = keys.kind(of: key) else { return nil }
            return path
        }
        #expect(Set(backups) == ["index.html", "a/index.html", "b/index.html", "old/index.html", "sitemap.xml", "feed.xml"])
        // A republish that changes nothing keeps them: a rollback still returns to v1.
        _ = try await harness.publish(DeploySite.v2)
        _ = try await harness.rollback()
        #expect(DeploySite.holds(DeploySite.v1, in: harness.store))
        // A publish of a third site keeps only what it changes of the second.
        var v3 = DeploySite.v2
        v3[0] = DeploySite.object("style.1a2b3c4d5e.css", Array("body{color:red}".utf8), DeploySite.asset)
        _ = try await harness.publish(DeploySite.v2)
        _ = try await harness.publish(v3)
        let kept = harness.store.objects.keys.filter { if case .backup? = keys.kind(of: $0) { true } else { false } }
        #expect(kept == [keys.backup(of: "style.1a2b3c4d5e.css")])
    }

    @Test func withoutAPreviousSiteARollbackRefuses() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let before = harness.store.objects
        await #expect(throws: BuildFailure.self) { _ = try await harness.rollback() }
        #expect(harness.store.objects == before)
    }

    @Test func aMissingBackupRefusesBeforeAnyChange() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        _ = try await harness.publish(DeploySite.v2)
        try await harness.store.delete([keys.backup(of: "a/index.html")])
        let before = harness.store.objects
        do {
            _ = try await harness.rollback()
            Issue.record("the rollback went ahead without a backup")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("a/index.html") })
        }
        #expect(harness.store.objects == before)
    }
}
