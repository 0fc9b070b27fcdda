/// A `sections:` entry of front matter: the page slug for the H2 heading that starts a section.
struct SectionBinding: Sendable, Hashable {
    /// The page's slug, e.g. `history` (its URL is `/<article>/history/`).
    var key: String
    /// The exact text of the H2 heading, e.g. `Afghanistan's historical context`.
    var heading: String
    /// What the pages call it (the table of contents, the pager), when the entry says
    /// (`whats-next: { heading: "What's next", label: "Next steps" }`); else made from the heading.
    var label: String?
    /// Where the entry stands in the file, for errors.
    var location: SourceLocation?

    init(key: String, heading: String, label: String? = nil, location: SourceLocation? = nil) {
        self.key = key
        self.heading = heading
        self.label = label
        self.location = location
    }
}
