/// The site's topics, made once per build from every explainer's `tags:` (pure): each tag is a
/// topic whose slug is `Slug.make(tag)`, so `Russia` and `russia` are one topic, shown with the
/// spelling most used (ties: the first in Unicode order, so `Russia` before `russia`); a
/// warning names the files that spell it otherwise. Also each explainer's `ExplainerLinks`:
/// its topics as the site names them and its related explainers (`RelatedExplainers`).
///
/// Made from the explainers the build has (a `--drafts` build's drafts too, as the home page
/// lists them); the feeds and the sitemap keep to the listed ones (`RenderedArticle.isListed`).
struct SiteTopics: Sendable {
    /// Every topic, by slug (in the order of its UTF-8 bytes).
    let topics: [Topic]
    /// Spellings merged into one topic.
    let warnings: [Diagnostic]
    private let links: [ObjectIdentifier: ExplainerLinks]

    /// A site without topics.
    static let none = SiteTopics(topics: [], warnings: [], links: [:])

    private init(topics: [Topic], warnings: [Diagnostic], links: [ObjectIdentifier: ExplainerLinks]) {
        self.topics = topics
        self.warnings = warnings
        self.links = links
    }

    /// What `article`'s pages show of the rest of the site (`.none` for one this was not made from).
    func links(of article: RenderedArticle) -> ExplainerLinks {
        links[ObjectIdentifier(article)] ?? .none
    }

    /// The topics of `newestFirst`, the site's explainers in the site's order
    /// (`SitePlanner.newestFirst`).
    init(newestFirst: [RenderedArticle]) {
        // One pass: every explainer's topic slugs, and how often each slug is spelled each way.
        struct Spelling {
            var count = 0
            /// The first place it is written (in site order), and every file that writes it.
            var files: [(file: String, location: SourceLocation?)] = []
        }
        var spellings: [String: [String: Spelling]] = [:]
        var slugsOf: [[String]] = []
        slugsOf.reserveCapacity(newestFirst.count)
        for article in newestFirst {
            let fm = article.frontMatter
            var slugs: [String] = []
            for (index, tag) in fm.tags.enumerated() {
                let slug = Slug.make(tag)
                guard !slug.isEmpty, !slugs.contains(slug) else { continue }
                slugs.append(slug)
                let location = index < fm.tagLocations.count ? fm.tagLocations[index] : nil
                spellings[slug, default: [:]][tag, default: Spelling()].count += 1
                spellings[slug]![tag]!.files.append((article.article.sourcePath, location))
            }
            slugsOf.append(slugs)
        }
        var names: [String: String] = [:]
        var warnings: [Diagnostic] = []
        for slug in spellings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let ways = spellings[slug]!
            // Most used first; then in Unicode scalar order (`Russia` before `russia`).
            let ranked = ways.sorted { a, b in
                a.value.count != b.value.count
                    ? a.value.count > b.value.count : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
            }
            let name = ranked[0].key
            names[slug] = name
            guard ranked.count > 1 else { continue }
            let others = ranked.dropFirst().flatMap { way in way.value.files.map { (way.key, $0.file, $0.location) } }
            let listed = others.prefix(10).map { "\($0.1) (\"\($0.0)\")" }.joined(separator: ", ")
            let more = others.count > 10 ? " and \(others.count - 10) more" : ""
            let first = others[0]
            warnings.append(
                Diagnostic(
                    .warning, file: first.1, line: first.2?.line, column: first.2?.column,
                    message:
                        "The tag \"\(first.0)\" is the topic \"\(name)\" (/topics/\(slug)/), spelled \"\(name)\" in \(ranked[0].value.count) explainer\(ranked[0].value.count == 1 ? "" : "s"); spelled otherwise in \(listed)\(more).",
                    hint: "Spell the tag \"\(name)\" in every explainer, so that every page shows the topic the same way."))
        }
        var members: [String: [Int]] = [:]
        for (index, slugs) in slugsOf.enumerated() {
            for slug in slugs { members[slug, default: []].append(index) }
        }
        let slugOrder = names.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        topics = slugOrder.map { slug in
            Topic(link: TopicLink(name: names[slug]!, slug: slug), articles: members[slug]!.map { newestFirst[$0] })
        }
        let related = RelatedExplainers.rank(topicsOf: slugsOf, limit: RelatedExplainers.limit)
        var links: [ObjectIdentifier: ExplainerLinks] = [:]
        links.reserveCapacity(newestFirst.count)
        for (index, article) in newestFirst.enumerated() {
            links[ObjectIdentifier(article)] = ExplainerLinks(
                topics: slugsOf[index].map { TopicLink(name: names[$0]!, slug: $0) },
                related: related[index].map { match in
                    let other = newestFirst[match.index]
                    return RelatedExplainer(
                        slug: other.slug, title: other.frontMatter.title, summary: other.frontMatter.summary,
                        date: other.frontMatter.date, sharedTopics: match.shared)
                })
        }
        self.warnings = warnings
        self.links = links
    }
}
