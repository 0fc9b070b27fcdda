import ExplainerKit
import Foundation
import Testing

@testable import ExplainerS3

/// The deployer against an in-memory bucket: order, the diff, deletes last, the report.
@Suite struct BucketDeployerTests {
    let keys = KeySpace(address: DeploySite.bucket)

    /// The phase a written site key belongs to, by the order rule.
    func phase(of key: String) -> Int? {
        guard case .site(let path)? = keys.kind(of: key) else { return nil }
        switch SiteFileRole.of(path) {
        case .asset: return 0
        case .page: return 1
        case .entry: return 2
        }
    }

    @Test func firstPublishWritesAssetsThenPagesThenEntriesThenTheManifest() async throws {
        let harness = DeployHarness()
        let report = try await harness.publish(DeploySite.v1)
        #expect(DeploySite.holds(DeploySite.v1, in: harness.store))
        let writes = harness.store.writes.map(\.key)
        let phases = writes.compactMap(phase(of:))
        #expect(phases == phases.sorted())
        #expect(Set(phases) == [0, 1, 2])
        #expect(writes.firstIndex(of: keys.manifest) == writes.count - 2)
        #expect(harness.store.objects[keys.lock] == nil)
        #expect(report.uploaded == DeploySite.v1.count)
        #expect(report.writes == DeploySite.v1.count + 3)
        let summary = "Published to s3://test-bucket/site: 9 uploaded, 0 header changes, 0 deleted, 0 unchanged, 12 writes, "
        #expect(report.summary.hasPrefix(summary))
    }

    @Test func anUnchangedSiteIsNotWrittenAgain() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let before = harness.store.requests.count
        let report = try await harness.publish(DeploySite.v1)
        let requests = harness.store.requests.dropFirst(before)
        #expect(report.uploaded == 0 && report.headerChanges == 0 && report.deleted == 0)
        #expect(report.unchanged == DeploySite.v1.count)
        // The lock taken and released; one listing; no HEAD (the manifest vouches for all).
        #expect(report.writes == 2)
        #expect(requests.filter { $0.verb == "LIST" }.count == 1)
        #expect(!requests.contains { $0.verb == "HEAD" })
    }

    @Test func aChangeUploadsItsObjectsCopiesHeaderChangesAndDeletesLast() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let before = harness.store.requests.count
        let report = try await harness.publish(DeploySite.v2)
        #expect(DeploySite.holds(DeploySite.v2, in: harness.store))
        #expect(report.uploaded == 7)
        #expect(report.headerChanges == 1)
        #expect(report.deleted == 1)
        #expect(report.unchanged == 3)
        let writes = Array(harness.store.requests.dropFirst(before)).filter { ["PUT", "COPY", "DELETE"].contains($0.verb) }
        let siteWrites = writes.indices.filter { writes[$0].verb != "DELETE" && phase(of: writes[$0].key) != nil }
        let delete = try #require(writes.firstIndex { $0.verb == "DELETE" && $0.key != keys.lock })
        #expect(siteWrites.allSatisfy { $0 < delete })
        #expect(writes.contains { $0.verb == "COPY" && $0.key == keys.key(for: "b/index.html") })
        #expect(writes.firstIndex { $0.key == keys.manifest }.map { $0 > delete } == true)
    }

    @Test func aDryRunPrintsEveryActionAndChangesNothing() async throws {
        var harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let before = harness.store.objects
        let writes = harness.store.writes.count
        harness.options.dryRun = true
        let report = try await harness.publish(DeploySite.v2)
        #expect(harness.store.objects == before)
        #expect(harness.store.writes.count == writes)
        #expect(report.lines.contains("upload c/index.html"))
        #expect(report.lines.contains("headers b/index.html"))
        #expect(report.lines.last == "delete old/index.html")
        let summary = "Dry run for s3://test-bucket/site, nothing changed: 7 to upload, 1 header changes, 1 to delete, 3 unchanged."
        #expect(report.summary == summary)
    }

    @Test func tooManyDeletesFailBeforeAnyChange() async throws {
        var harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let before = harness.store.objects
        harness.options.maxDeletes = 0
        let failure = try #require(await harness.failure(DeploySite.v2))
        #expect(failure.diagnostics.contains { $0.hint.contains("--max-deletes") })
        #expect(harness.store.objects == before)
    }

    @Test func theManifestIsWrittenOnlyOverTheOneRead() async throws {
        let harness = DeployHarness()
        _ = try await harness.publish(DeploySite.v1)
        let tampering = TamperingStore(base: harness.store, key: keys.manifest)
        let deployer = BucketDeployer(store: tampering, bucket: DeploySite.bucket, options: harness.options)
        await #expect(throws: BuildFailure.self) { _ = try await deployer.publish(objects: DeploySite.v2) }
        #expect(harness.store.objects[keys.manifest]?.bytes == Array("another publish".utf8))
        #expect(harness.store.objects[keys.lock] == nil)
    }

    @Test func aStoreErrorIsAClearDiagnostic() async throws {
        let harness = DeployHarness()
        harness.store.failRequest(2)
        let failure = try #require(await harness.failure(DeploySite.v1))
        let first = try #require(failure.diagnostics.first)
        #expect(first.file == "s3://test-bucket/site")
        #expect(first.message.contains("Reading the bucket"))
        #expect(!first.hint.isEmpty)
        #expect(harness.store.objects[keys.lock] == nil)
    }
}

/// A store where another writer replaces `key` just before this publish writes it.
final class TamperingStore: ObjectStore {
    let base: MemoryObjectStore
    let key: String

    init(base: MemoryObjectStore, key: String) {
        self.base = base
        self.key = key
    }

    func list(prefix: String) async throws(StoreError) -> [StoredObject] { try await base.list(prefix: prefix) }
    func head(_ key: String) async throws(StoreError) -> ObjectHead? { try await base.head(key) }
    func get(_ key: String) async throws(StoreError) -> StoredBytes? { try await base.get(key) }
    func copy(from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]) async throws(StoreError) -> String {
        try await base.copy(from: source, to: key, headers: headers, metadata: metadata)
    }
    func delete(_ keys: [String]) async throws(StoreError) { try await base.delete(keys) }

    func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) async throws(StoreError) -> String {
        if key == self.key {
            _ = try await base.put(key, bytes: Array("another publish".utf8), headers: headers, metadata: [:], condition: .none)
        }
        return try await base.put(key, bytes: bytes, headers: headers, metadata: metadata, condition: condition)
    }
}
