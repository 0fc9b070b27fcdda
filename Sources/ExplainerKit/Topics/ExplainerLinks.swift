/// What an explainer's pages show of the rest of the site: its topics, named as the site names
/// them, and its related explainers (`RelatedExplainers`). Both depend on other explainers (a
/// spelling used more elsewhere, a new explainer on the same topic), so a memo keys the
/// explainer's pages by these as well as by its own source (`BuildMemo.plan`).
package struct ExplainerLinks: Sendable, Hashable {
    /// In the order the front matter lists the tags.
    var topics: [TopicLink] = []
    /// Best first; at most `RelatedExplainers.limit`.
    var related: [RelatedExplainer] = []
    /// On a multilingual site, its pages in other languages, by its page's URL
    /// (`SiteTranslations`): a new translation plans and templates its pages again.
    var alternates: [String: [PageAlternate]] = [:]

    static let none = ExplainerLinks()
}
