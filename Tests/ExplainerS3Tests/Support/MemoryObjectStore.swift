import Crypto
import Synchronization

@testable import ExplainerS3

/// An in-memory bucket for the deployer's tests: S3's semantics for the calls the deployer
/// makes (conditional writes, copy with replaced metadata, quiet deletes), every request
/// counted and logged, and faults: the N-th request fails, or the store "dies" from request N
/// on (every later request fails, as when the server or the network goes away).
final class MemoryObjectStore: ObjectStore {
    /// One stored object.
    struct Object: Sendable, Hashable {
        var bytes: [UInt8]
        var headers: ObjectHeaders
        var metadata: [String: String]
        var etag: String
    }

    /// One request as it reached the store (before a fault was applied).
    struct Request: Sendable, Hashable {
        var verb: String
        var key: String
    }

    private struct State {
        var objects: [String: Object] = [:]
        var requests: [Request] = []
        var failRequest: Int?
        var dieFrom: Int?
    }

    private let state = Mutex(State())

    init(objects: [String: Object] = [:]) {
        state.withLock { $0.objects = objects }
    }

    /// The objects, by key.
    var objects: [String: Object] { state.withLock { $0.objects } }
    var requests: [Request] { state.withLock { $0.requests } }
    var writes: [Request] { requests.filter { ["PUT", "COPY", "DELETE"].contains($0.verb) } }

    /// Makes request number `n` (1-based, counted from now) fail, and only it.
    func failRequest(_ n: Int) { state.withLock { $0.failRequest = $0.requests.count + n } }
    /// Makes every request from number `n` on (counted from now) fail; nil heals the store.
    func die(from n: Int?) {
        state.withLock { state in state.dieFrom = n.map { state.requests.count + $0 } }
    }

    static func md5(_ bytes: [UInt8]) -> String { Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    /// Logs the request and throws the injected fault, if it is its turn.
    private func arrive(_ verb: String, _ key: String) throws(StoreError) {
        let fail: Bool = state.withLock { state in
            state.requests.append(Request(verb: verb, key: key))
            let n = state.requests.count
            return n == state.failRequest || (state.dieFrom.map { n >= $0 } ?? false)
        }
        if fail { throw StoreError.unreachable(endpoint: "memory", detail: "injected fault at \(verb) \(key)") }
    }

    func list(prefix: String) async throws(StoreError) -> [StoredObject] {
        try arrive("LIST", prefix)
        return state.withLock { state in
            state.objects.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }
                .map { StoredObject(key: $0.key, etag: $0.value.etag, size: $0.value.bytes.count) }
        }
    }

    func head(_ key: String) async throws(StoreError) -> ObjectHead? {
        try arrive("HEAD", key)
        return state.withLock { state in
            state.objects[key].map { ObjectHead(etag: $0.etag, size: $0.bytes.count, headers: $0.headers, metadata: $0.metadata) }
        }
    }

    func get(_ key: String) async throws(StoreError) -> StoredBytes? {
        try arrive("GET", key)
        return state.withLock { state in state.objects[key].map { StoredBytes(bytes: $0.bytes, etag: $0.etag) } }
    }

    func put(
        _ key: String, bytes: [UInt8], headers: ObjectHeaders, metadata: [String: String], condition: WriteCondition
    ) async throws(StoreError) -> String {
        try arrive("PUT", key)
        let etag = Self.md5(bytes)
        let written: Bool = state.withLock { state in
            switch condition {
            case .none: break
            case .absent: if state.objects[key] != nil { return false }
            case .matches(let expected): if state.objects[key]?.etag != expected { return false }
            }
            state.objects[key] = Object(bytes: bytes, headers: headers, metadata: metadata, etag: etag)
            return true
        }
        guard written else { throw StoreError.preconditionFailed(key: key) }
        return etag
    }

    func copy(from source: String, to key: String, headers: ObjectHeaders, metadata: [String: String]) async throws(StoreError) -> String {
        try arrive("COPY", key)
        let etag: String? = state.withLock { state in
            guard let object = state.objects[source] else { return nil }
            state.objects[key] = Object(bytes: object.bytes, headers: headers, metadata: metadata, etag: object.etag)
            return object.etag
        }
        guard let etag else { throw StoreError.failed(status: 404, code: "NoSuchKey", message: "no \(source)") }
        return etag
    }

    func delete(_ keys: [String]) async throws(StoreError) {
        for start in stride(from: 0, to: keys.count, by: 1000) {
            let batch = keys[start..<min(start + 1000, keys.count)]
            try arrive("DELETE", batch.first ?? "")
            state.withLock { state in
                for key in batch { state.objects[key] = nil }
            }
        }
    }
}
