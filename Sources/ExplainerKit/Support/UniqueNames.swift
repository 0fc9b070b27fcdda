/// Hands out unique names: a base name as it is the first time it is asked for, then
/// `base-2`, `base-3`, …, never a name that is reserved or already given. Heading ids and the
/// page slugs of unnamed sections both come from here.
///
/// Linear: each base remembers the next suffix to try, so asking for the same base n times
/// tries each suffix once, not 2 + 3 + … + n times.
struct UniqueNames {
    private var taken: Set<String>
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `base`, or the first of `base-2`, `base-3`, … that is free; it is taken from then on.
    mutating func unique(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var n = nextSuffix[base] ?? 2
        while !taken.insert("\(base)-\(n)").inserted { n += 1 }
        nextSuffix[base] = n + 1
        return "\(base)-\(n)"
    }
}
