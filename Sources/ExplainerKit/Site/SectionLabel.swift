/// What the pages call a section (the explainer's navigation, the pager, the quotes page, the
/// section page's `<title>`): the `label:` of its `sections:` entry, else its heading,
/// shortened when longer than `limit` characters.
enum SectionLabel {
    /// 40 characters: on a 360 px phone the navigation and the pager set about 40 characters
    /// of the sans-serif body size on a line, so a label takes at most one line there and a
    /// typical H2 ("Afghanistan's historical context", 32) is shown whole.
    static let limit = 40

    /// The label of the section headed `heading`, bound to `binding` if any.
    static func of(heading: String, binding: SectionBinding?) -> String {
        binding?.label ?? shortened(heading)
    }

    /// `text` when it has at most `limit` characters; else cut after the last whole word that
    /// leaves room for `…` (at `limit - 1` characters when there is none), trailing punctuation and
    /// spaces dropped, and `…` added: at most `limit` characters in all.
    static func shortened(_ text: String, limit: Int = limit) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let room = text.prefix(limit - 1)
        var cut = room
        // A word ending where the room does is kept whole.
        if text[room.endIndex] != " ", let space = room.lastIndex(where: { $0 == " " }), space > room.startIndex {
            cut = room[..<space]
        }
        while let last = cut.last, " ,;:.-(\u{2013}\u{2014}".contains(last) { cut = cut.dropLast() }
        return (cut.isEmpty ? room : cut) + "\u{2026}"
    }
}
