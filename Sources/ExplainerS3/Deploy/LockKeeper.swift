import ExplainerKit

/// Takes and releases `.explainer/lock`: a write with `If-None-Match: *`, so of two publishes
/// one gets it. A lock that is held refuses the publish, saying who holds it; a stale one (or
/// any, with `--break-lock`) is replaced with `If-Match` on its ETag, with a warning.
struct LockKeeper: Sendable {
    let store: any ObjectStore
    let keys: KeySpace
    let identity: DeployLock.Identity

    static let headers = ObjectHeaders(contentType: "application/json", cacheControl: "no-store")

    /// Takes the lock; returns it and the warning of a lock it broke.
    func acquire(breaking: Bool) async throws(BuildFailure) -> (DeployLock, [Diagnostic]) {
        let mine = DeployLock.new(for: identity)
        let doing = "Taking the publish lock \(keys.lock)"
        do throws(StoreError) {
            _ = try await store.put(keys.lock, bytes: mine.bytes, headers: Self.headers, metadata: [:], condition: .absent)
            return (mine, [])
        } catch .preconditionFailed {
            // Held: look at it below.
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: doing)])
        }
        let held: StoredBytes?
        do throws(StoreError) {
            held = try await store.get(keys.lock)
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: doing)])
        }
        let other = held.flatMap { DeployLock.decode($0.bytes) }
        // Our own write: its answer was lost and the client's retry found the lock taken.
        if let other, other.id == mine.id { return (mine, []) }
        let reason = breaking ? "--break-lock was given" : other?.staleness(for: identity)
        guard let reason else {
            let who = other.map { "another publish holds the lock: \($0.holder)" } ?? "the lock \(keys.lock) is held (unreadable)"
            throw BuildFailure([
                Diagnostic(
                    file: keys.site, message: "Not published: \(who).",
                    hint: "Wait for that publish to finish; if it died, pass --break-lock.")
            ])
        }
        do throws(StoreError) {
            let condition: WriteCondition = held.map { .matches(etag: $0.etag) } ?? .absent
            _ = try await store.put(keys.lock, bytes: mine.bytes, headers: Self.headers, metadata: [:], condition: condition)
        } catch {
            throw BuildFailure([error.diagnostic(site: keys.site, doing: "Breaking the stale lock \(keys.lock)")])
        }
        let whose = other?.holder ?? "an unreadable lock"
        return (mine, [Diagnostic(.warning, file: keys.site, message: "Broke the lock of \(whose): \(reason).")])
    }

    /// Deletes the lock if it is still `lock` (someone may have broken it); a failure is a
    /// warning (the next publish finds the lock stale once it expires, or breaks it).
    func release(_ lock: DeployLock) async -> [Diagnostic] {
        do throws(StoreError) {
            guard let held = try await store.get(keys.lock), DeployLock.decode(held.bytes)?.id == lock.id else { return [] }
            try await store.delete([keys.lock])
            return []
        } catch {
            var warning = error.diagnostic(site: keys.site, doing: "Releasing the publish lock")
            warning.severity = .warning
            warning.hint = "The next publish on this host finds it stale; elsewhere pass --break-lock."
            return [warning]
        }
    }
}
