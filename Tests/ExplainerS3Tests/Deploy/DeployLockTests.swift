import ExplainerKit
import Foundation
import Synchronization
import Testing

@testable import ExplainerS3

/// `.explainer/lock`: one publish at a time, a stale lock broken with a warning.
@Suite struct DeployLockTests {
    let keys = KeySpace(address: DeploySite.bucket)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A store holding a lock taken by `host`/`pid` at `started`.
    func store(lockedBy host: String, pid: Int32, started: Date) -> MemoryObjectStore {
        let lock = DeployLock(id: "other", host: host, pid: pid, started: started, expires: started + DeployLock.lifetime)
        let object = MemoryObjectStore.Object(
            bytes: lock.bytes, headers: LockKeeper.headers, metadata: [:], etag: MemoryObjectStore.md5(lock.bytes))
        return MemoryObjectStore(objects: [keys.lock: object])
    }

    @Test func aHeldLockRefusesThePublishAndSaysWhoHoldsIt() async throws {
        let store = store(lockedBy: "ci-7", pid: 5, started: now - 60)
        let lock = store.objects[keys.lock]
        let failure = try #require(await DeployHarness(store: store).failure(DeploySite.v1))
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.message.contains("ci-7 (pid 5)"))
        #expect(diagnostic.hint.contains("--break-lock"))
        #expect(store.objects[keys.lock] == lock)
        #expect(DeploySite.site(in: store).isEmpty)
    }

    @Test func anExpiredLockIsBrokenWithAWarning() async throws {
        let store = store(lockedBy: "ci-7", pid: 5, started: now - DeployLock.lifetime - 1)
        let report = try await DeployHarness(store: store).publish(DeploySite.v1)
        #expect(report.warnings.contains { $0.severity == .warning && $0.message.contains("expired") })
        #expect(DeploySite.holds(DeploySite.v1, in: store))
        #expect(store.objects[keys.lock] == nil)
    }

    @Test func aLockOfADeadProcessOnThisHostIsStale() async throws {
        let store = store(lockedBy: "test", pid: 5, started: now - 60)
        var harness = DeployHarness(store: store)
        harness.othersAlive = false
        let report = try await harness.publish(DeploySite.v1)
        #expect(report.warnings.contains { $0.message.contains("process 5 on test is gone") })
        // The same lock on another host is not this host's to judge.
        let elsewhere = self.store(lockedBy: "other", pid: 5, started: now - 60)
        var there = DeployHarness(store: elsewhere)
        there.othersAlive = false
        #expect(await there.failure(DeploySite.v1) != nil)
    }

    @Test func breakLockReplacesALiveLock() async throws {
        let store = store(lockedBy: "ci-7", pid: 5, started: now - 60)
        var harness = DeployHarness(store: store)
        harness.options.breakLock = true
        let report = try await harness.publish(DeploySite.v1)
        #expect(report.warnings.contains { $0.message.contains("--break-lock was given") })
        #expect(DeploySite.holds(DeploySite.v1, in: store))
    }

    @Test func theLockIsReleasedWhenThePublishFails() async throws {
        let harness = DeployHarness()
        // Request 1 takes the lock, 2 lists, 3 reads the manifest, 4 is the first upload.
        harness.store.failRequest(4)
        #expect(await harness.failure(DeploySite.v1) != nil)
        #expect(harness.store.objects[keys.lock] == nil)
    }

    @Test func aDryRunTakesNoLock() async throws {
        let store = store(lockedBy: "ci-7", pid: 5, started: now - 60)
        var harness = DeployHarness(store: store)
        harness.options.dryRun = true
        let report = try await harness.publish(DeploySite.v1)
        #expect(report.uploaded == DeploySite.v1.count)
        #expect(store.writes.isEmpty)
    }

    /// A store whose first conditional write of the lock is applied but answered with
    /// "precondition failed", as a client's retry of a write whose answer was lost sees it.
    final class LostAnswerStore: ObjectStore {
        let base: MemoryObjectStore
        let lockKey: String
        let lost = Mutex(false)

        init(base: MemoryObjectStore, lockKey: String) {
            self.base = base
            self.lockKey = lockKey
        }

        func list(prefix: String) async throws(StoreError) -> [StoredObject] { try await base.list(prefix: prefix) }
        func head(_ key: String) async throws(StoreError) -> ObjectHead? { try await base.head(key) }
        func get(_ key: String) async throws(StoreError) -> StoredBytes? { try await base.get(key) }
        func put(
            _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
        ) async throws(StoreError) -> String {
            let etag = try await base.put(key, bytes: bytes, headers: headers, metadata: metadata, condition: condition)
            let first = lost.withLock { done in
                defer { done = true }
                return !done && key == lockKey
            }
            if first { throw .preconditionFailed(key: key) }
            return etag
        }
        func copy(
            from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]
        ) async throws(StoreError)
            -> String
        { try await base.copy(from: source, to: key, headers: headers, metadata: metadata) }
        func delete(_ keys: [String]) async throws(StoreError) { try await base.delete(keys) }
    }

    @Test func aLockWhoseAnswerWasLostIsRecognisedAsOurOwn() async throws {
        let base = MemoryObjectStore()
        let store = LostAnswerStore(base: base, lockKey: keys.lock)
        let identity = DeployLock.Identity(host: "test", pid: 7, now: { now }, isAlive: { _ in true })
        let keeper = LockKeeper(store: store, keys: keys, identity: identity)
        let (lock, warnings) = try await keeper.acquire(breaking: false)
        #expect(warnings.isEmpty, "not a lock of someone else's, broken")
        #expect(DeployLock.decode(try #require(base.objects[keys.lock]).bytes)?.id == lock.id)
        #expect(await keeper.release(lock).isEmpty)
        #expect(base.objects[keys.lock] == nil)
    }
}
