import Dispatch

/// Maps over an array on all cores, returning results in the input's order (the kit's
/// and a bucket publish's hashing of every file).
package enum ParallelMap {
    /// Set (for a task) to map on the calling thread only: tests compare such serial builds
    /// with parallel ones, byte for byte.
    @TaskLocal static var serial = false

    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 || serial { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Fixed slots written once each from concurrent iterations (disjoint indices), read after.
private final class ResultSlots<R>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) {
        storage[index] = value
    }

    var values: [R] { (0..<count).map { storage[$0]! } }
}
