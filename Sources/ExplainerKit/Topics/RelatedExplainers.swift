/// Ranks, for every explainer, the others it shares topics with: most shared topics first,
/// then the newest, then by slug (the site's order, `SitePlanner.newestFirst`, is newest first
/// and by slug, so "then" is "earlier in that order"); none when nothing is shared.
///
/// Made once per build for the whole site, not per pair of pages: every explainer's count of
/// shared topics comes from walking the member lists of its own topics (an inverted index),
/// in parallel across explainers. Each explainer walks the members of its topics but the
/// largest (which, with a long tail of topics, is most of the work), then looks its candidates
/// up in the largest.
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
            shared.withUnsafeMutableBufferPointer { shared in
                for index in start..<min(count, start + chunkSize) {
                    let own = topics[index]
                    guard !own.isEmpty else {
                        out.append([])
                        continue
                    }
                    // Its largest topic is not walked: a member of it counts one more if it
                    // shares a smaller topic too (found by a binary search in the largest's
                    // sorted members), and of the members sharing only it, the earliest in the
                    // site's order are the best: they are the first few of its list.
                    var largest = own[0]
                    for topic in own where memberLists[Int(topic)].count > memberLists[Int(largest)].count { largest = topic }
                    for topic in own where topic != largest {
                        for other in memberLists[Int(topic)] where Int(other) != index {
                            if shared[Int(other)] == 0 { touched.append(other) }
                            shared[Int(other)] += 1
                        }
                    }
                    let big = memberLists[Int(largest)]
                    var candidates: [Match] = []
                    var found = 0
                    for other in big where Int(other) != index && shared[Int(other)] == 0 {
                        candidates.append(Match(index: Int(other), shared: 1))
                        found += 1
                        if found == limit { break }
                    }
                    // The best `limit`: more shared first, then earlier in the site's order.
                    var best: [Match] = []
                    best.reserveCapacity(limit + 1)
                    func offer(_ match: Match) {
                        if best.count == limit, let last = best.last, !precedes(match, last) { return }
                        var place = best.count
                        while place > 0, precedes(match, best[place - 1]) { place -= 1 }
                        best.insert(match, at: place)
                        if best.count > limit { best.removeLast() }
                    }
                    for other in touched {
                        let inBig = Self.contains(big, other) ? 1 : 0
                        offer(Match(index: Int(other), shared: Int(shared[Int(other)]) + inBig))
                        shared[Int(other)] = 0
                    }
                    for candidate in candidates { offer(candidate) }
                    touched.removeAll(keepingCapacity: true)
                    out.append(best)
                }
            }
            return out
        }
        return ranked.flatMap { $0 }
    }

    /// Whether the ascending `sorted` holds `value` (a binary search).
    @inline(__always)
    static func contains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Whether `a` ranks before `b`.
    @inline(__always)
    static func precedes(_ a: Match, _ b: Match) -> Bool {
        a.shared != b.shared ? a.shared > b.shared : a.index < b.index
    }
}
