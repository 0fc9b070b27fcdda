/// One dated event of an explainer's timeline (`timeline:` in front matter).
struct TimelineEntry: Sendable, Hashable {
    /// The date as the author wrote it: `1979`, `March 2024`, `15 August 2021`, `Mid-1990s`.
    var date: String
    /// What happened.
    var event: String
    /// Where `date` lies and where the timeline draws it (`TimelineSpan.of`); nil when the
    /// date names no time the timeline can place (the decoder refuses those).
    var span: TimelineSpan?

    /// `language`: the explainer's, in which `date` is read (`3. Juli 2025`).
    init(date: String, event: String, language: LanguageTag = .english) {
        self.date = date
        self.event = event
        self.span = TimelineSpan.of(date, in: language)
    }

    /// `entries` in the one order the timeline has, drawn and listed: by `span.point`, entries
    /// at the same point in the order written. An entry without a span stays after the entry
    /// it follows (at the top when it comes first).
    static func chronological(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        var keyed: [(point: Double, index: Int, entry: TimelineEntry)] = []
        keyed.reserveCapacity(entries.count)
        var last = -Double.infinity
        for (index, entry) in entries.enumerated() {
            if let point = entry.span?.point { last = point }
            keyed.append((entry.span?.point ?? last, index, entry))
        }
        keyed.sort { ($0.point, $0.index) < ($1.point, $1.index) }
        return keyed.map(\.entry)
    }
}
