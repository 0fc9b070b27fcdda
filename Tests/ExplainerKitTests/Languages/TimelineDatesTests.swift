import Testing

@testable import ExplainerKit

@Suite("Languages: timeline dates")
struct TimelineDatesTests {
    static func span(_ text: String, _ language: String) -> TimelineSpan? {
        TimelineSpan.of(text, in: LanguageTag(language)!)
    }

    @Test(
        "A timeline date written in the explainer's language is placed as its English form is",
        arguments: [
            ("3. Juli 2025", "de", "3 July 2025"), ("März 2024", "de", "March 2024"), ("1. Mai 1990", "de", "1 May 1990"),
            ("1er juillet 2025", "fr", "1 July 2025"), ("février 2024", "fr", "February 2024"),
            ("3 de julio de 2025", "es", "3 July 2025"), ("1º de marzo de 2020", "es", "1 March 2020"),
            ("٣ يوليو ٢٠٢٥", "ar", "3 July 2025"), ("3–5 Juli 2025", "de", "3–5 July 2025"), ("Sept. 2001", "de", "September 2001"),
        ])
    func localDates(text: String, language: String, english: String) throws {
        let local = try #require(
            Self.span(text, language), "\(text) → \(TimelineDateWords.english(text, from: LanguageTag(language)!))")
        #expect(local == TimelineSpan.of(english))
    }

    @Test("What a language does not write stays as written: English dates, years, decades, ISO dates")
    func unchanged() {
        for text in ["1979", "1990s", "2021-08-15", "March 2024", "1979–1989"] {
            #expect(Self.span(text, "de") == TimelineSpan.of(text), "\(text)")
        }
        // A four-digit year's `er` is no ordinal (German decades are not read).
        #expect(Self.span("1990er", "de") == nil)
        #expect(TimelineDateWords.english("3. Juli 2025", from: .english) == "3. Juli 2025")
    }

    @Test("Through a build: a German site's timeline in German dates is placed and drawn")
    func germanTimelineBuilds() throws {
        let article = Fixtures.article().replacingOccurrences(
            of: "  - { date: \"2020\", event: \"Something changed\" }",
            with: "  - { date: \"3. Juli 2025\", event: \"Anerkennung\" }\n  - { date: \"März 2024\", event: \"Besuch\" }")
        let build = try SiteBuilder.build(
            Fixtures.sources(
                articles: [("a.md", article)],
                siteYML: "title: T\nbaseURL: https://test.example\nlanguage: de\n"))
        let overview = try #require(build.text("a/history/index.html"))
        #expect(overview.contains("3. Juli 2025") && overview.contains("<svg"))
        // Listed in date order: March 2024 before July 2025.
        let march = try #require(overview.range(of: "März 2024"))
        let july = try #require(overview.range(of: "3. Juli 2025"))
        #expect(march.lowerBound < july.lowerBound)
        // The same dates on an English site are not dates it reads: an error at the line.
        #expect(throws: BuildFailure.self) {
            try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        }
    }
}
