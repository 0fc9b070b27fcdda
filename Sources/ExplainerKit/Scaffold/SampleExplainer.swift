/// The sample explainer of a new site (`explainer init`): short, neutral and true, with a
/// lede, three sections bound to pages, key points and a timeline, so that the first build
/// shows every part of an explainer. Its front matter's comments say what each key does.
enum SampleExplainer {
    /// Its file in `Content/` (its slug is `leap-years`).
    static let fileName = "leap-years.md"

    /// The explainer's text, dated `date` (the day the site was made: not in the future).
    static func text(date: ArticleDate) -> String {
        """
        ---
        # A sample explainer, made by `explainer init`: read it, then make it your own or
        # delete this file. `explainer new "Your title"` starts a new one.
        # Lines starting with # are comments; the rest is what Explainer reads.
        title: "Leap years, explained"
        summary: "Why the calendar adds a day every fourth year, and why it sometimes does not."
        date: \(date.iso)
        tags: [Calendar, Astronomy]
        # Each section is a page of its own: its slug (in its address, /leap-years/history/)
        # and the exact text of the heading (## …) that starts it in the body.
        sections:
          problem: "A year is not a whole number of days"
          history: "From Caesar to Gregory"
          rule: "The rule today"
        # The main points, one sentence each: the overview's key points box.
        keyPoints:
          - "The Earth takes about 365 days and a quarter to go round the Sun, so a calendar of 365 days drifts against the seasons."
          - "A leap day every fourth year, the Julian rule, corrects a little too much: about one day in 128 years."
          - "The Gregorian rule drops three leap days every four centuries: 1900 was not a leap year, 2000 was, and 2100 will not be."
        # Dated events (1979, March 2024, Mid-1990s, 19th century, c. 45 BC, 1979–1989…),
        # drawn to scale and listed in date order on the history page (on the overview when
        # there is no `history` section; `timelineSection: rule` would put it on that page).
        timeline:
          - { date: "45 BC", event: "The Julian calendar takes effect, with a leap day every fourth year." }
          - { date: "1582", event: "Pope Gregory XIII reforms the calendar: ten days are dropped, and most century years stop being leap years." }
          - { date: "1752", event: "Britain and its colonies adopt the Gregorian calendar, dropping eleven days in September." }
          - { date: "1900", event: "A century year not divisible by 400: no leap day." }
          - { date: "2000", event: "A century year divisible by 400: a leap day, as in any fourth year." }
        ---
        Every four years or so, February gains a 29th day. The extra day keeps the calendar in step with the seasons, which follow the Earth around the Sun rather than the count of days.

        The rule behind it is older than most countries, and it has been changed only once.

        ## A year is not a whole number of days

        A calendar counts days, from one noon to the next, but the seasons follow the Earth around the Sun. The year of the seasons, from one spring equinox to the next, lasts about 365 days, 5 hours and 48 minutes.

        A calendar of exactly 365 days is therefore almost a quarter of a day short each year. The error adds up: after a century, the dates would fall about 24 days earlier in the seasons, and after a few centuries the solstices would have moved by months.

        ## From Caesar to Gregory

        The calendar Julius Caesar introduced, which took effect in 45 BC, added one day every fourth year. Its average year of 365.25 days is about 11 minutes too long, an error of one day in roughly 128 years.

        By the 16th century the spring equinox came about ten days earlier in the calendar than it had in the 4th century, when the Church set its rules for the date of Easter. In 1582 Pope Gregory XIII removed the ten days, so that 4 October was followed by 15 October, and changed the rule for century years.

        Countries adopted the reform at different times. Britain and its colonies waited until 1752, when 2 September was followed by 14 September.

        ## The rule today

        Under the Gregorian calendar, a year divisible by 4 is a leap year, except a year divisible by 100, which is not, unless it is also divisible by 400.

        That gives 97 leap years every 400 years and an average year of 365.2425 days. The difference from the year of the seasons is about half a minute a year: roughly one day in three thousand years.

        """
    }
}
