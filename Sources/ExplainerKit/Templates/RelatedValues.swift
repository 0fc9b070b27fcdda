/// One entry of `related`: another explainer as the "Related explainers" list shows it. It
/// reads only its `RelatedExplainer` (and the site's URLs), never the other article: that value
/// is part of the memo key of the pages that list it (`ExplainerLinks`), so what the list shows
/// is exactly what a changed key makes the preview template again.
struct RelatedValues: TemplateObject {
    let explainer: RelatedExplainer
    /// Its overview's URL.
    let url: String
    /// Its date in the page's language.
    let date: String

    init(_ explainer: RelatedExplainer, urls: SiteURLs, strings: LocalizedStrings) {
        self.explainer = explainer
        url = urls.explainer(explainer.slug)
        date = strings.date(explainer.date)
    }

    static let templateFields = TemplateFields<RelatedValues>([
        .field("title", "the related explainer's title", \.explainer.title),
        .field("summary", "its summary", \.explainer.summary),
        .field("url", "its overview's URL", \.url),
        .field("date", "its date in the page's language, as `4 July 2025`", \.date),
        .field("dateISO", "its date, as `2025-07-04`", { $0.explainer.date.iso }),
        .field("sharedTopics", "how many topics it shares with this explainer (at least 1)", \.explainer.sharedTopics),
    ])
}
