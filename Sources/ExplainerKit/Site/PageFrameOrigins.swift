extension Page {
    /// The origins of the frames the page's embeds show, sorted, for its CSP's `frame-src`:
    /// the overview shows the lede, a section page its section, the one-page view all of the
    /// body; no other page shows an embed (cards show a first paragraph, the quotes page quotes).
    var frameOrigins: [String] {
        guard let article else { return [] }
        switch kind {
        case .overview: return article.lede.frameOrigins
        case .section: return section?.chunk.frameOrigins ?? []
        case .all:
            return Array(Set(article.sections.flatMap(\.chunk.frameOrigins) + article.lede.frameOrigins)).sorted()
        default: return []
        }
    }
}
