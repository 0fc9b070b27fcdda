/// One entry of an explainer's `updates:`: a correction, a clarification or an update, dated,
/// with what changed.
struct ArticleUpdate: Sendable, Hashable {
    /// What the entry is: a correction admits an error; a clarification makes something
    /// clearer; an update adds news.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case correction
        case clarification
        case update

        /// How a reader is told it in `strings`' language: `Correction`, `Clarification`,
        /// `Update` (the translation key is the kind's name).
        func label(_ strings: LocalizedStrings) -> String {
            strings.text(rawValue)
        }

        /// What it is for, in the words of the hint for a wrong `kind:`.
        var meaning: String {
            switch self {
            case .correction: "an error put right"
            case .clarification: "something made clearer"
            case .update: "news added"
            }
        }
    }

    /// When it was made (the calendar date as written; see `ArticleDate`).
    var date: ArticleDate
    var kind: Kind
    /// What changed, as the reader is told it (plain text).
    var text: String
    /// Where the entry stands in the file, for errors.
    var location: SourceLocation?
    /// The time of day written with `date`, if any (`date: 2025-07-05T09:30:00+02:00`).
    var time: ArticleTime? = nil

    /// `date` with its time: what orders updates and what ISO output writes.
    var timestamp: ArticleTimestamp { ArticleTimestamp(date: date, time: time) }
}
