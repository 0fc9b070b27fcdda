/// Ranks, for every explainer, the others it shares topics with: most shared topics first,
/// then the newest, then by slug (the site's order, `SitePlanner.newestFirst`, is newest first
/// and by slug, so "then" is "earlier in that order"); none when nothing is shared.
///
/// Made once per build for the whole site, not per pair of pages: every explainer's count of
/// shared topics comes from walking the member lists of its own topics (an inverted index),
/// so the work is the sum, over topics, of their size squared, in parallel across explainers.
enum RelatedExplainers {
    /// How many related explainers a page shows.
    static let limit = 3

    /// One match: the other explainer's place in the site's order, and the topics shared.
    struct Match: Sendable, Hashable {
        var index: Int
        var shared: Int
    }

    /// - Parameters:
    ///   - topicsOf: each explainer's topics (any hashable keys), in the site's order, none twice.
    ///   - limit: how many to keep for each.
    /// - Returns: for each explainer, its best `limit` matches, best first.
    static func rank<Key: Hashable & Sendable>(topicsOf: [[Key]], limit: Int) -> [[Match]] {
        let count = topicsOf.count
        guard count > 1, limit > 0 else { return Array(repeating: [], count: count) }
        // Topics as small integers, and each topic's members in the site's order.
        var numbers: [Key: Int32] = [:]
        var members: [[Int32]] = []
        let topics: [[Int32]] = topicsOf.enumerated().map { index, keys in
            keys.map { key in
                let number: Int32
                if let known = numbers[key] {
                    number = known
                } else {
                    number = Int32(members.count)
                    numbers[key] = number
                    members.append([])
                }
                members[Int(number)].append(Int32(index))
                return number
            }
        }
        let memberLists = members
        let chunkSize = 256
        let chunks = Array(stride(from: 0, to: count, by: chunkSize))
        let ranked = ParallelMap.map(chunks) { start -> [[Match]] in
            // Shared-topic counts of every other explainer, reset after each use.
            var shared = [Int32](repeating: 0, count: count)
            var touched: [Int32] = []
            var out: [[Match]] = []
            for index in start..<min(count, start + chunkSize) {
                for topic in topics[index] {
                    for other in memberLists[Int(topic)] where Int(other) != index {
                        if shared[Int(other)] == 0 { touched.append(other) }
                        shared[Int(other)] += 1
                    }
                }
                // The best `limit`: more shared first, then earlier in the site's order.
                var best: [Match] = []
                best.reserveCapacity(limit + 1)
                for other in touched {
                    let match = Match(index: Int(other), shared: Int(shared[Int(other)]))
                    shared[Int(other)] = 0
                    if best.count == limit, let last = best.last, !precedes(match, last) { continue }
                    var place = best.count
                    while place > 0, precedes(match, best[place - 1]) { place -= 1 }
                    best.insert(match, at: place)
                    if best.count > limit { best.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                out.append(best)
            }
            return out
        }
        return ranked.flatMap { $0 }
    }

    /// Whether `a` ranks before `b`.
    @inline(__always)
    static func precedes(_ a: Match, _ b: Match) -> Bool {
        a.shared != b.shared ? a.shared > b.shared : a.index < b.index
    }
}
