/// Runs one store request per item, at most `limit` at a time: the deployer's uploads,
/// copies and HEADs. After the first failure no new request starts; the ones in flight finish,
/// and the first failure is thrown. The values come back in the order of `items`.
enum BoundedParallel {
    static func map<Item: Sendable, Value: Sendable, Failure: Error>(
        _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws(Failure) -> Value
    ) async throws(Failure) -> [Value] {
        let width = min(max(1, limit), items.count)
        let outcome: Result<[Value], Failure> = await withTaskGroup(of: (Int, Result<Value, Failure>).self) { group in
            var next = 0
            var values = [Value?](repeating: nil, count: items.count)
            var failure: Failure?
            func start(_ index: Int) {
                let item = items[index]
                group.addTask {
                    do throws(Failure) {
                        return (index, .success(try await body(item)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < width {
                start(next)
                next += 1
            }
            while let (index, result) = await group.next() {
                switch result {
                case .success(let value): values[index] = value
                case .failure(let error): failure = failure ?? error
                }
                if failure == nil, next < items.count {
                    start(next)
                    next += 1
                }
            }
            if let failure { return .failure(failure) }
            return .success(values.compactMap { $0 })
        }
        return try outcome.get()
    }
}
