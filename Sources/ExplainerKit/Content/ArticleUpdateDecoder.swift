import Yams

/// Reads `updates:`, an explainer's corrections, clarifications and updates: a list of
/// `{ date, kind, text }`, each checked where it stands (a missing or unknown key, a kind
/// that is none of the three, a date that does not exist or comes before the explainer's
/// `date`), every problem an error at its line.
enum ArticleUpdateDecoder {
    /// How an entry is written, for hints.
    static let example = "`- { date: 2025-07-05, kind: correction, text: \"What was wrong, and what is right.\" }`"

    /// The keys of one entry, in the order the hints name them.
    static let keys = ["date", "kind", "text"]

    /// The entries of `updates:` in `fields`, in the order written; `published` is the
    /// explainer's `date` (nil when it has none: that is reported already).
    static func decode(_ fields: inout YAMLFields, published: ArticleDate?) -> [ArticleUpdate] {
        guard let node = fields.field("updates") else { return [] }
        guard case .sequence(let items) = node else {
            fields.error(
                at: node, "`updates` must be a list, not a \(fields.kind(of: node)).",
                hint: "Write `updates:` then one entry per line, e.g. \(example).")
            return []
        }
        var updates: [ArticleUpdate] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                fields.error(
                    at: item, "Each update must be a mapping of `date`, `kind` and `text`, not a \(fields.kind(of: item)).",
                    hint: "Write \(example).")
                continue
            }
            var entry = YAMLFields(
                file: fields.file, lineOffset: fields.lineOffset, composed: YAMLDocument.Composed(mapping: mapping, mark: item.mark))
            let timestamp = entry.timestamp("date", required: false)
            let kindText = entry.optionalString("kind", what: "correction")
            let text = entry.optionalString("text", what: "\"What was wrong, and what is right.\"")
            // A key refused as a misspelling of another (`txt:`) is not reported missing too.
            let misspelt = Set(
                mapping.keys.compactMap(\.scalar?.string).filter { !keys.contains($0) }
                    .compactMap { EditDistance.nearest(to: $0, in: keys) })
            let missing = keys.filter { entry.node($0) == nil && !misspelt.contains($0) }
            if !missing.isEmpty {
                entry.error(
                    at: item, "This update has no \(missing.map { "`\($0)`" }.joined(separator: " or ")).",
                    hint: "Each update needs a date, a kind and a text: write \(example).")
            }
            let kind = kindText.flatMap(ArticleUpdate.Kind.init(rawValue:))
            if let kindText, kind == nil {
                let names = ArticleUpdate.Kind.allCases.map(\.rawValue)
                let nearest = EditDistance.nearest(to: kindText.lowercased(), in: names).map { "Did you mean `\($0)`? " } ?? ""
                entry.error(
                    at: entry.node("kind"), "`kind: \(UnsafeCharacters.printable(kindText))` is not a kind of update.",
                    hint: nearest + "Use "
                        + ArticleUpdate.Kind.allCases.map { "`\($0.rawValue)` (\($0.meaning))" }.joined(separator: ", ") + ".")
            }
            if let timestamp, let published, timestamp.date < published {
                entry.error(
                    at: entry.node("date"), "This update is dated \(timestamp.date), before the explainer's `date: \(published)`.",
                    hint: "An update comes after the explainer is first published: fix its date, or the explainer's `date`.")
            }
            let location = fields.location(item)
            fields.absorb(entry)
            guard let timestamp, let kind, let text else { continue }
            updates.append(
                ArticleUpdate(date: timestamp.date, kind: kind, text: text, location: location, time: timestamp.time))
        }
        return updates
    }
}
