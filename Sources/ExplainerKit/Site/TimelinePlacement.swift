/// Where an explainer's timeline is shown: the one rule. `timelineSection:` names a section's
/// key or `overview`; without it, the `history` section if there is one, else the overview.
enum TimelinePlacement {
    /// The section that shows the timeline when `timelineSection:` says nothing.
    static let defaultSectionKey = "history"
    /// What `timelineSection:` writes for the overview.
    static let overviewKey = "overview"

    /// Marks the section that shows the timeline (`RenderedSection.showsTimeline`; none: the
    /// overview shows it), or returns the error for a `timelineSection:` that names no page.
    static func place(in sections: inout [RenderedSection], frontMatter: FrontMatter, file: String) -> Diagnostic? {
        let keys = sections.map(\.key)
        let key: String?
        switch frontMatter.timelineSection {
        case nil:
            key = keys.contains(defaultSectionKey) ? defaultSectionKey : nil
        case overviewKey?:
            key = nil
        case let named?:
            guard keys.contains(named) else {
                let known = [overviewKey] + keys
                let nearest = EditDistance.nearest(to: named, in: known).map { "Did you mean `\($0)`? " } ?? ""
                return Diagnostic(
                    file: file, line: frontMatter.timelineSectionLocation?.line, column: frontMatter.timelineSectionLocation?.column,
                    message: "`timelineSection: \(UnsafeCharacters.printable(named))` names no page of this explainer.",
                    hint: nearest + "Use `overview` or a section's key: \(known.map { "`\($0)`" }.joined(separator: ", ")).")
            }
            key = named
        }
        for index in sections.indices { sections[index].showsTimeline = sections[index].key == key }
        return nil
    }
}
