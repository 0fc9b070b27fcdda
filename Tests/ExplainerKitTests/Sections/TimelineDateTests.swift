import Testing

@testable import ExplainerKit

@Suite("Timeline dates")
struct TimelineDateTests {
    /// A date, the span it names and where it is drawn (to a hundredth of a year).
    static let forms: [(String, Double, Double, Double)] = [
        ("1979", 1979, 1980, 1979.5),
        ("March 2024", 2024 + 60.0 / 366, 2024 + 91.0 / 366, 2024 + 75.5 / 366),
        ("15 August 2021", 2021 + 226.0 / 365, 2021 + 227.0 / 365, 2021 + 226.5 / 365),
        ("August 15, 2021", 2021 + 226.0 / 365, 2021 + 227.0 / 365, 2021 + 226.5 / 365),
        ("2021-08-15", 2021 + 226.0 / 365, 2021 + 227.0 / 365, 2021 + 226.5 / 365),
        ("1990s", 1990, 2000, 1995),
        ("the 1990s", 1990, 2000, 1995),
        ("'90s", 1990, 2000, 1995),
        ("Mid-1990s", 1990 + 10.0 / 3, 1990 + 20.0 / 3, 1995),
        ("mid 1990s", 1990 + 10.0 / 3, 1990 + 20.0 / 3, 1995),
        ("Early 2023", 2023, 2023 + 1.0 / 3, 2023 + 1.0 / 6),
        ("Late 2023", 2023 + 2.0 / 3, 2024, 2023 + 5.0 / 6),
        ("Mid-2020s", 2020 + 10.0 / 3, 2020 + 20.0 / 3, 2025),
        ("19th century", 1800, 1900, 1850),
        ("nineteenth-century", 1800, 1900, 1850),
        ("the 1800s", 1800, 1900, 1850),
        ("late 19th century", 1800 + 200.0 / 3, 1900, 1800 + 250.0 / 3),
        ("twenty-first century", 2000, 2100, 2050),
        ("c. 1850", 1850, 1851, 1850.5),
        ("circa 1850", 1850, 1851, 1850.5),
        ("c. 1850 BC", -1850, -1849, -1849.5),
        ("1850 BCE", -1850, -1849, -1849.5),
        ("AD 79", 79, 80, 79.5),
        ("79 CE", 79, 80, 79.5),
        ("5th century BC", -499, -399, -449),
        ("1979–1989", 1979, 1990, 1979.5),
        ("1979-89", 1979, 1990, 1979.5),
        ("1979 to 1989", 1979, 1990, 1979.5),
        ("from 1979 to 1989", 1979, 1990, 1979.5),
        ("between 1979 and 1989", 1979, 1990, 1979.5),
        ("500–400 BC", -500, -399, -499.5),
        ("March–May 2024", 2024 + 60.0 / 366, 2024 + 152.0 / 366, 2024 + 75.5 / 366),
        ("15–20 August 2021", 2021 + 226.0 / 365, 2021 + 232.0 / 365, 2021 + 226.5 / 365),
        ("10,000 BC", -10000, -9999, -9999.5),
    ]

    @Test func eachFormIsPlacedInsideItsSpan() throws {
        for (text, start, end, point) in Self.forms {
            let span = try #require(TimelineSpan.of(text), "\(text)")
            #expect(abs(span.start - start) < 0.01 && abs(span.end - end) < 0.01, "\(text): \(span)")
            #expect(abs(span.point - point) < 0.01, "\(text): \(span.point)")
            #expect(span.start <= span.point && span.point < span.end, "\(text)")
        }
        #expect(TimelineSpan.of("c. 1850")?.isApproximate == true)
        #expect(TimelineSpan.of("1850")?.isApproximate == false)
    }

    /// What the issue saw: each of these was drawn in the wrong place.
    @Test func theIssuesDatesAreInOrder() throws {
        let dates = ["c. 1850 BC", "1989", "Mid-1990s", "March 2021", "Late 2023", "Mid-2020s"]
        let points = try dates.map { try #require(TimelineSpan.of($0)?.point, "\($0)") }
        #expect(points == points.sorted())
        #expect(try #require(TimelineSpan.of("Late 2023")?.point) > 2023.75)
    }

    @Test func whatNamesNoTimeIsNotPlaced() {
        for text in [
            "", "Spring 2020", "sometime", "2001?", "31 February 2021", "1979–1969", "1990s–1980s", "12", "Marhc 2024", "1990 <b>",
            "1995s", "early", "1979–1989–1999", String(repeating: "1 ", count: 100),
        ] {
            #expect(TimelineSpan.of(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func aDateTheTimelineCannotPlaceIsAnErrorAtItsLine() throws {
        let article = SectionFixtures.article(
            headings: ["A"], frontMatter: "timeline:\n  - { date: \"1990\", event: \"One\" }\n  - { date: \"Spring 2020\", event: \"Two\" }"
        )
        let failure = try #require(SectionFixtures.failure(article))
        let problem = try #require(failure.diagnostics.first)
        #expect(problem.message == "The timeline cannot place the date \"Spring 2020\".")
        #expect(problem.line == 7 && problem.column == 13, "\(problem.location)")
        #expect(problem.hint.contains("`Mid-1990s`") && problem.hint.contains("`c. 1850 BC`"))
    }

    /// The graphic and the list read by screen readers show one order: the dates sorted by
    /// where they are drawn, equal dates in the order written.
    @Test func theDrawingAndTheListShowOneOrder() throws {
        let entries = [
            ("Mid-1990s", "Taliban"), ("1989", "Withdrawal"), ("15 August 2021", "Return"), ("2021", "Strategy"),
            ("Late 2023", "Late"), ("c. 1850 BC", "Ancient"), ("1979", "Invasion"), ("1979", "Second of 1979"),
        ]
        let yaml = entries.map { "  - { date: \"\($0.0)\", event: \"\($0.1)\" }" }.joined(separator: "\n")
        let article = SectionFixtures.article(headings: ["A"], frontMatter: "timeline:\n" + yaml)
        let build = try SectionFixtures.build(article)
        let page = try #require(build.text("a/index.html"))
        let svg = try #require(page.range(of: "<svg class=\"timeline-graphic\"").map { page[$0.lowerBound...] })
        let drawn = svg.components(separatedBy: "<text class=\"tl-date\"").dropFirst().compactMap {
            $0.split(separator: ">").dropFirst().first.map { String($0.prefix { $0 != "<" }) }
        }
        let listed = page.components(separatedBy: "<li><strong>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let expected = ["c. 1850 BC", "1979", "1979", "1989", "Mid-1990s", "2021", "15 August 2021", "Late 2023"]
        #expect(drawn == expected)
        #expect(listed == expected)
        #expect(page.contains("<li><strong>1979</strong>: Invasion</li>\n<li><strong>1979</strong>: Second of 1979</li>"))
        // Drawn to scale: every dot lower than the one before.
        let dots = svg.components(separatedBy: "<circle class=\"tl-dot\" cx=\"40\" cy=\"").dropFirst().compactMap {
            Int($0.prefix { $0.isNumber })
        }
        #expect(dots.count == expected.count && dots == dots.sorted())
    }
}
