import Synchronization

/// An `ObjectStore` that counts the writes passed through it (every PUT, COPY and
/// DeleteObjects request): the `writes` of a publish's report.
final class CountingStore: ObjectStore {
    private let base: any ObjectStore
    private let counts = Mutex((writes: 0, bytes: 0))

    init(_ base: any ObjectStore) {
        self.base = base
    }

    /// Requests that wrote, and bytes sent by PUTs.
    var writes: Int { counts.withLock { $0.writes } }
    var bytes: Int { counts.withLock { $0.bytes } }

    func list(prefix: String) async throws(StoreError) -> [StoredObject] { try await base.list(prefix: prefix) }
    func head(_ key: String) async throws(StoreError) -> ObjectHead? { try await base.head(key) }
    func get(_ key: String) async throws(StoreError) -> StoredBytes? { try await base.get(key) }

    func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) async throws(StoreError) -> String {
        counts.withLock {
            $0.writes += 1
            $0.bytes += bytes.count
        }
        return try await base.put(key, bytes: bytes, headers: headers, metadata: metadata, condition: condition)
    }

    func copy(from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]) async throws(StoreError) -> String {
        counts.withLock { $0.writes += 1 }
        return try await base.copy(from: source, to: key, headers: headers, metadata: metadata)
    }

    func delete(_ keys: [String]) async throws(StoreError) {
        guard !keys.isEmpty else { return }
        counts.withLock { $0.writes += (keys.count + 999) / 1000 }
        try await base.delete(keys)
    }
}
