/// One entry of `explainer.updates` (and `explainer.latestCorrection`): a correction, a
/// clarification or an update as the log shows it (a class: built once per explainer).
final class UpdateValues: TemplateObject {
    let update: ArticleUpdate
    /// Formatted once: the log, the notice and the corrections page show them.
    let date: String
    let dateISO: String
    /// Its kind as readers are told it, in the page's language.
    let label: String

    /// `strings`: the page's language, whose dates and words it shows.
    init(_ update: ArticleUpdate, strings: LocalizedStrings) {
        self.update = update
        label = update.kind.label(strings)
        date = strings.timestamp(update.timestamp)
        dateISO = update.timestamp.iso
    }

    static let templateFields = TemplateFields<UpdateValues>([
        .field("kind", "`correction`, `clarification` or `update`", \.update.kind.rawValue),
        .field("label", "the kind as readers are told it: `Correction`, `Clarification`, `Update`", \.label),
        .field("isCorrection", "whether it is a correction", { $0.update.kind == .correction }),
        .field("date", "its date in the page's language, as `5 July 2025`; with its time, `5 July 2025, 09:30 UTC+02:00`", \.date),
        .field("dateISO", "its date as `2025-07-05`, with its time `2025-07-05T09:30:00+02:00`", \.dateISO),
        .field("text", "what changed (text)", \.update.text),
    ])
}

/// One entry of `corrections`, the corrections page's list: a correction with the explainer
/// it corrects.
final class CorrectionValues: TemplateObject {
    let values: UpdateValues
    let explainerTitle: String
    let explainerURL: String

    init(_ update: ArticleUpdate, of article: RenderedArticle, urls: SiteURLs, strings: LocalizedStrings) {
        values = UpdateValues(update, strings: strings)
        explainerTitle = article.frontMatter.title
        explainerURL = urls.explainer(article.slug)
    }

    static let templateFields = TemplateFields<CorrectionValues>(
        UpdateValues.templateFields.all.map { $0.reading(through: \.values) } + [
            .field("explainerTitle", "the title of the explainer it corrects", \.explainerTitle),
            .field("explainerURL", "that explainer's overview's URL (its log is at `#corrections-and-updates`)", \.explainerURL),
        ])

    /// Every correction of `articles` (in site order, newest explainer first), newest first;
    /// corrections of the same instant in the order of their explainers, then as written.
    static func list(_ articles: [RenderedArticle], urls: SiteURLs, strings: LocalizedStrings) -> [CorrectionValues] {
        let entries = articles.enumerated().flatMap { article in
            article.element.frontMatter.corrections.enumerated().map { (article: article.offset, order: $0.offset, update: $0.element) }
        }
        return entries.sorted { ($0.update.timestamp, $1.article, $1.order) > ($1.update.timestamp, $0.article, $0.order) }
            .map { CorrectionValues($0.update, of: articles[$0.article], urls: urls, strings: strings) }
    }
}
