/// Ranks, for every explainer, the others it shares topics with: most shared topics first,
/// then the newest, then by slug (the site's order, `SitePlanner.newestFirst`, is newest first
/// and by slug, so "then" is "earlier in that order"); none when nothing is shared.
///
/// Made once per build for the whole site, not per pair of pages: every explainer's count of
/// shared topics comes from walking the member lists of its own topics (an inverted index),
/// in parallel across explainers. Each explainer walks the member lists of its own topics
/// together, in the site's order, and stops as soon as no explainer not yet met could enter
/// its best three (one met later shares at most as many topics as there are lists left, and
/// loses ties): usually after a few dozen members, whatever the topics' sizes.
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
            var out: [[Match]] = []
            var heads: [Int] = []
            var lists: [[Int32]] = []
            for index in start..<min(count, start + chunkSize) {
                // Its topics' member lists, walked together in the site's order (a k-way merge):
                // each other explainer is met once, with the number of lists holding it, its
                // shared count, exactly.
                lists.removeAll(keepingCapacity: true)
                for topic in topics[index] { lists.append(memberLists[Int(topic)]) }
                heads.removeAll(keepingCapacity: true)
                heads.append(contentsOf: repeatElement(0, count: lists.count))
                var best: [Match] = []
                best.reserveCapacity(limit + 1)
                while true {
                    var next = Int32.max
                    var open = 0
                    for (list, head) in zip(lists, heads) where head < list.count {
                        open += 1
                        next = min(next, list[head])
                    }
                    // One not met yet shares at most `open` topics and comes later in the
                    // site's order: it cannot beat a full list whose last shares as many.
                    if open == 0 || (best.count == limit && best[limit - 1].shared >= open) { break }
                    var shared = 0
                    for position in lists.indices where heads[position] < lists[position].count {
                        if lists[position][heads[position]] == next {
                            shared += 1
                            heads[position] += 1
                        }
                    }
                    guard Int(next) != index else { continue }
                    // The best `limit`: more shared first, then earlier in the site's order.
                    let match = Match(index: Int(next), shared: shared)
                    if best.count == limit, !precedes(match, best[limit - 1]) { continue }
                    var place = best.count
                    while place > 0, precedes(match, best[place - 1]) { place -= 1 }
                    best.insert(match, at: place)
                    if best.count > limit { best.removeLast() }
                }
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
