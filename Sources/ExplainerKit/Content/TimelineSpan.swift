/// Where a timeline date lies, in fractional years (`2023.5` is the middle of 2023; years BC
/// are negative: 1850 BC is `-1850 ..< -1849`): the stretch of time the date names, and the
/// point the timeline draws it at, always inside it.
struct TimelineSpan: Sendable, Hashable {
    /// The first instant the date names.
    var start: Double
    /// The end of what it names (exclusive): the end of the year, the decade, the range.
    var end: Double
    /// Where the timeline places it: the middle of the span (mid-1990s ≈ 1995, late 2023 ≈
    /// 2023.83); for a range, the point of its first date (the event began then).
    var point: Double
    /// Whether the author said it is approximate (`c.`, `circa`, `about`, `around`, `~`).
    var isApproximate = false

    /// The span `start ..< end`, placed at its middle.
    init(start: Double, end: Double, isApproximate: Bool = false) {
        self.start = start
        self.end = end
        self.point = (start + end) / 2
        self.isApproximate = isApproximate
    }

    init(start: Double, end: Double, point: Double, isApproximate: Bool) {
        self.start = start
        self.end = end
        self.point = point
        self.isApproximate = isApproximate
    }

    /// The dates the timeline reads, for messages.
    static let examples =
        "`1979`, `March 2024`, `15 August 2021`, `2021-08-15`, `1990s`, `Mid-1990s`, `Late 2023`, `19th century`, "
        + "`late 19th century`, `the 1800s`, `c. 1850 BC`, `AD 79`, `1979–1989`"

    /// The span `text` names (`TimelineDateParser`), or nil when it names none; written in
    /// `language` (its month names and date words: `TimelineDateWords`).
    static func of(_ text: String, in language: LanguageTag = .english) -> TimelineSpan? {
        TimelineDateParser.span(of: TimelineDateWords.english(text, from: language))
    }
}
