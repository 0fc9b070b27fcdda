import ExplainerKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Who is publishing, and what a lock left by someone else means: the lock object's body,
/// and the rules for a stale lock (past its expiry, or taken on this host by a process that
/// is gone).
struct DeployLock: Sendable, Hashable, Codable {
    var id: String
    var host: String
    var pid: Int32
    var started: Date
    var expires: Date

    /// How long a lock holds when its publisher vanished on another host.
    static let lifetime: TimeInterval = 2 * 60 * 60

    /// This process, and how it tells whether another process lives (injectable for tests).
    struct Identity: Sendable {
        var host: String
        var pid: Int32
        var now: @Sendable () -> Date
        var isAlive: @Sendable (Int32) -> Bool

        static let current = Identity(
            host: Self.hostName(), pid: getpid(), now: { Date() },
            isAlive: { pid in kill(pid, 0) == 0 || errno != ESRCH })

        private static func hostName() -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    static func new(for identity: Identity) -> DeployLock {
        let now = identity.now()
        return DeployLock(id: UUID().uuidString, host: identity.host, pid: identity.pid, started: now, expires: now + lifetime)
    }

    var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return (try? Array(encoder.encode(self))) ?? []
    }

    /// The lock in `bytes`, or nil when they are not one (a stale lock of unknown shape).
    static func decode(_ bytes: [UInt8]) -> DeployLock? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(DeployLock.self, from: Data(bytes))
    }

    /// Why this lock is stale, or nil when its publish may still be running.
    func staleness(for identity: Identity) -> String? {
        if identity.now() > expires { return "it expired at \(Self.format(expires))" }
        if host == identity.host, !identity.isAlive(pid) { return "process \(pid) on \(host) is gone" }
        return nil
    }

    /// "host (pid 12), since 2026-12-02T01:44:00Z".
    var holder: String { "\(host) (pid \(pid)), since \(Self.format(started))" }

    static func format(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
