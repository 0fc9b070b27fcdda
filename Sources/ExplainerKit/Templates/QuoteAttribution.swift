/// Splits the context of a quote's attribution into its role or occasion and the date it
/// mentions, for the quote cards: "in a statement on 3 July" → "in a statement" and 3 July.
/// A date without a year takes the latest year that does not put it after the explainer's date.
///
/// Contexts in ASCII (all real ones) are read as bytes by `QuoteAttributionBytes`; any other
/// text takes the `Character`-based reading below, which defines the results of both.
enum QuoteAttribution {
    static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    static func split(_ context: String, published: ArticleDate) -> (role: String, date: ArticleDate?) {
        if let result = QuoteAttributionBytes.split(context, published: published) { return result }
        return splitCharacters(context, published: published)
    }

    /// The general reading, for any text.
    static func splitCharacters(_ context: String, published: ArticleDate) -> (role: String, date: ArticleDate?) {
        let words = context.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for start in words.indices {
            guard let (date, end) = date(in: words, at: start, published: published) else { continue }
            var before = Array(words[..<start])
            if let word = before.last?.lowercased(), ["on", "dated", "of"].contains(word) { before.removeLast() }
            let after = words[end...].joined(separator: " ")
            var role = before.joined(separator: " ")
            if !after.isEmpty { role += (role.isEmpty ? "" : " ") + after }
            return (trimPunctuation(role), date)
        }
        return (context, nil)
    }

    /// A date starting at `words[start]`: `3 July [2025]`, `July 3[,] [2025]`, `2025-07-03`.
    /// Returns it with the index just past its last word.
    static func date(in words: [String], at start: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        func clean(_ word: String) -> String { String(word.filter { !",.;:".contains($0) }) }
        func month(_ word: String) -> Int? {
            let w = clean(word).lowercased()
            guard w.count >= 3 else { return nil }
            return months.firstIndex { $0 == w || ($0.hasPrefix(w) && w.count <= 4 && $0 != "may") }.map { $0 + 1 }
        }
        func day(_ word: String) -> Int? {
            var w = clean(word).lowercased()
            for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w.removeLast(2) }
            guard (1...2).contains(w.count), let d = Int(w), (1...31).contains(d) else { return nil }
            return d
        }
        func year(_ index: Int) -> Int? {
            guard index < words.count else { return nil }
            let w = clean(words[index])
            guard w.count == 4, let y = Int(w), (1000...9999).contains(y) else { return nil }
            return y
        }
        let first = words[start]
        if let date = ArticleDate(iso: clean(first)), clean(first).count == 10 { return (date, start + 1) }
        if start + 1 < words.count {
            if let d = day(first), !first.hasSuffix(","), let m = month(words[start + 1]) {
                return resolve(d, m, words[start + 1].hasSuffix(",") ? nil : year(start + 2), end: start + 2, published: published)
            }
            if let m = month(first), let d = day(words[start + 1]) {
                return resolve(d, m, year(start + 2), end: start + 2, published: published)
            }
        }
        return nil
    }

    /// Day `d` of month `m`, in year `y`, or else in the latest year not after `published`;
    /// with the index past the date (`end + 1` when the year was a word of it).
    static func resolve(_ d: Int, _ m: Int, _ y: Int?, end: Int, published: ArticleDate) -> (ArticleDate, Int)? {
        if let y { return ArticleDate(year: y, month: m, day: d).map { ($0, end + 1) } }
        guard let date = ArticleDate(year: published.year, month: m, day: d) else { return nil }
        return date > published ? ArticleDate(year: published.year - 1, month: m, day: d).map { ($0, end) } : (date, end)
    }

    static func trimPunctuation(_ text: String) -> String {
        let junk: Set<Character> = [" ", ",", ";", ":", "–", "—", "-"]
        var s = Substring(text)
        while let c = s.first, junk.contains(c) { s.removeFirst() }
        while let c = s.last, junk.contains(c) { s.removeLast() }
        return String(s)
    }
}
