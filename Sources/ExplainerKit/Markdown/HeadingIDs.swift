/// Gives headings stable, unique `id`s: the slug of the heading's text, with `-2`, `-3`…
/// appended when the same text comes again or the slug is an id the page uses for something
/// else. The same document always gets the same ids.
struct HeadingIDs {
    /// Ids HTML itself gives a meaning: a link to `#top` goes to the top of the page.
    static let htmlReserved: Set<String> = ["top"]

    private var names: UniqueNames

    /// `reserved` ids are never handed out: those the templates write (`main`, `toc`…) and the
    /// quotes' anchors (`quote-1`…).
    init(reserved: Set<String> = []) {
        names = UniqueNames(reserved: reserved.union(Self.htmlReserved))
    }

    mutating func id(for text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "section" }
        if base.first!.isNumber { base = "h-" + base }
        return names.unique(base)
    }
}
