/// One entry of an explainer's `updates:`: a correction, a clarification or an update, dated,
/// with what changed.
struct ArticleUpdate: Sendable, Hashable {
    /// What the entry is: a correction admits an error; a clarification makes something
    /// clearer; an update adds news.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case correction
        case clarification
        case update
    }

    /// When it was made (the calendar date as written; see `ArticleDate`).
    var date: ArticleDate
    var kind: Kind
    /// What changed, as the reader is told it (plain text).
    var text: String
    /// Where the entry stands in the file, for errors.
    var location: SourceLocation?
}
