/// Gives headings stable, unique `id`s: the slug of the heading's text, with `-2`, `-3`…
/// appended when the same text comes again. The same document always gets the same ids.
struct HeadingIDs {
    private var used: Set<String>

    /// `reserved` ids are never handed out (e.g. ids the templates use: `main`, `top`).
    init(reserved: Set<String> = []) {
        self.used = reserved
    }

    mutating func id(for text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "section" }
        if base.first!.isNumber { base = "h-" + base }
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
