/// One dated event of an explainer's timeline (`timeline:` in front matter).
struct TimelineEntry: Sendable, Hashable {
    /// The date as the author wrote it: `1979`, `March 2024`, `15 August 2021`.
    var date: String
    /// What happened.
    var event: String
    /// The year found in `date`, used to draw the timeline to scale.
    var year: Int?

    init(date: String, event: String) {
        self.date = date
        self.event = event
        self.year = Self.year(in: date)
    }

    /// The first four-digit run in `text` that reads as a plausible year.
    static func year(in text: String) -> Int? {
        var digits = ""
        for ch in text + " " {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                if digits.count == 4, let y = Int(digits) { return y }
                digits = ""
            }
        }
        return nil
    }
}
