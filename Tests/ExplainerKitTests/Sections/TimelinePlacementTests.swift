import Testing

@testable import ExplainerKit

@Suite("Timeline placement")
struct TimelinePlacementTests {
    static let timeline =
        "keyPoints: [\"A point\"]\ntimeline:\n  - { date: \"1990\", event: \"One\" }\n  - { date: \"2000\", event: \"Two\" }"

    static func article(_ extra: String) -> String {
        SectionFixtures.article(
            headings: ["The past", "The risks"],
            frontMatter: "sections:\n  history: \"The past\"\n  risks: \"The risks\"\n" + timeline + extra)
    }

    static func shows(_ build: SiteBuild, _ page: String) -> Bool {
        build.text(page)?.contains("<svg class=\"timeline-graphic\"") == true
    }

    @Test func byDefaultTheHistorySectionShowsIt() throws {
        let build = try SectionFixtures.build(Self.article(""))
        #expect(Self.shows(build, "a/history/index.html"))
        #expect(!Self.shows(build, "a/index.html") && !Self.shows(build, "a/risks/index.html"))
        #expect(try #require(build.text("a/index.html")).contains("href=\"/a/history/#timeline\""))
    }

    @Test func timelineSectionNamesTheSection() throws {
        let build = try SectionFixtures.build(Self.article("\ntimelineSection: risks"))
        #expect(Self.shows(build, "a/risks/index.html"))
        #expect(!Self.shows(build, "a/history/index.html") && !Self.shows(build, "a/index.html"))
        #expect(try #require(build.text("a/index.html")).contains("href=\"/a/risks/#timeline\""))
        // The one-page view draws it inside that section.
        let all = try #require(build.text("a/all/index.html"))
        let risks = try #require(all.range(of: "id=\"the-risks\""))
        let drawn = try #require(all.range(of: "<svg class=\"timeline-graphic\""))
        #expect(drawn.lowerBound > risks.lowerBound)
    }

    @Test func timelineSectionOverviewPutsItOnTheOverview() throws {
        let build = try SectionFixtures.build(Self.article("\ntimelineSection: overview"))
        #expect(Self.shows(build, "a/index.html"))
        #expect(!Self.shows(build, "a/history/index.html"))
    }

    @Test func anUnnamedSectionsKeyCanHoldIt() throws {
        let article = SectionFixtures.article(
            headings: ["The past", "Later on"], frontMatter: Self.timeline + "\ntimelineSection: later-on")
        #expect(Self.shows(try SectionFixtures.build(article), "a/later-on/index.html"))
    }

    @Test func anUnknownKeyIsAnErrorNamingTheKeys() throws {
        let failure = try #require(SectionFixtures.failure(Self.article("\ntimelineSection: histroy")))
        let problem = try #require(failure.diagnostics.first)
        #expect(problem.message.contains("`timelineSection: histroy` names no page"))
        #expect(problem.hint.contains("Did you mean `history`?"))
        #expect(problem.hint.contains("`overview`, `history`, `risks`"))
        #expect(problem.line == 12 && problem.column == 18, "\(problem.location)")
    }
}
