import Synchronization

/// A count shared by threads: each `increment` returns the new value.
final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
