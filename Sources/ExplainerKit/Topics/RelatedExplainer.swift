/// Another explainer as a related list shows it: what the list's template may read, and no
/// more (it is part of `ExplainerLinks`, the key of the explainer's pages in a memo, so a
/// related explainer's new title reaches the pages that list it).
struct RelatedExplainer: Sendable, Hashable {
    var slug: String
    var title: String
    var summary: String
    var date: ArticleDate
    /// How many topics it shares with the explainer that lists it (at least one).
    var sharedTopics: Int
}
