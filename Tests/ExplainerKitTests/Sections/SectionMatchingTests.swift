import Testing

@testable import ExplainerKit

@Suite("Section matching")
struct SectionMatchingTests {
    @Test func keyForgivesCaseQuotesPunctuationAndSpaces() {
        let key = HeadingMatch.key("What's next?")
        for typed in [
            "what’s next", "WHAT'S NEXT", "What's  next", "What's\u{00A0}next", " What's next ", "What\u{2019}s next:",
            "What's next...", "What's next\u{2026}", "What\u{200B}'s next", "What\u{02BC}s next!",
        ] {
            #expect(HeadingMatch.key(typed) == key, "\(typed.debugDescription)")
        }
        #expect(HeadingMatch.key("\u{201C}Risky\u{201D} move") == HeadingMatch.key("\"risky\" move"))
        #expect(HeadingMatch.key("What's next") != HeadingMatch.key("What's new"))
        // Punctuation inside the heading counts.
        #expect(HeadingMatch.key("Kabul: the fall") != HeadingMatch.key("Kabul the fall"))
    }

    @Test func entriesTypedDifferentlyNameTheirHeadings() throws {
        let article = SectionFixtures.article(
            headings: ["What\u{2019}s next?", "A \u{201C}risky\u{201D} move", "The  Past:"],
            frontMatter: "sections:\n  whats-next: \"What's next\"\n  risks: \"a \\\"Risky\\\" MOVE\"\n  past: \"The past\"")
        let build = try SectionFixtures.build(article)
        for key in ["whats-next", "risks", "past"] { #expect(build.text("a/\(key)/index.html") != nil, "\(key)") }
        #expect(build.text("a/what-s-next/index.html") == nil)
    }

    @Test func anUnmatchedEntryShowsTheNearestHeadingWithTheDifferenceMarked() throws {
        let article = SectionFixtures.article(
            headings: ["Afghanistan's historical context", "Pragmatic strategy"],
            frontMatter: "sections:\n  history: \"Afghanistan's historic context\"")
        let failure = try #require(SectionFixtures.failure(article))
        let problem = try #require(failure.diagnostics.first { $0.message.contains("sections.history") })
        #expect(problem.line == 6 && problem.column == 3)
        // Errors quote the heading as written (smart punctuation off).
        #expect(problem.hint.contains("The nearest H2 is \"Afghanistan's historical context\""), "\(problem.hint)")
        #expect(problem.hint.contains("the entry \"Afghanistan's historic\u{27E6}\u{27E7} context\""), "\(problem.hint)")
        #expect(problem.hint.contains("the heading \"Afghanistan's historic\u{27E6}al\u{27E7} context\""), "\(problem.hint)")
    }

    @Test func anInvisibleDifferenceIsNamed() {
        // A Cyrillic а (U+0430) looks like a Latin a: the hint names it.
        let (entry, heading) = HeadingMatch.difference("Kabul f\u{0430}lls", "Kabul falls")
        #expect(entry == "Kabul f\u{27E6}<U+0430 CYRILLIC SMALL LETTER A>\u{27E7}lls")
        #expect(heading == "Kabul f\u{27E6}a\u{27E7}lls")
        // What the match forgives is not marked: only the letters that differ are.
        let (typed, written) = HeadingMatch.difference("kabul\u{2019}s fal", "Kabul's fall")
        #expect(typed == "kabul\u{2019}s fal\u{27E6}\u{27E7}")
        #expect(written == "Kabul's fal\u{27E6}l\u{27E7}")
        // Nor is trailing punctuation, which the match ignores: it stays after the marks.
        let (entry2, heading2) = HeadingMatch.difference("A risky mvoe", "A risky move?")
        #expect(entry2 == "A risky m\u{27E6}vo\u{27E7}e")
        #expect(heading2 == "A risky m\u{27E6}ov\u{27E7}e?")
    }

    @Test func theNearestHeadingIsByEditDistanceOnTheKeys() {
        let headings = ["Pragmatic strategy", "A risky move?", "What\u{2019}s next"]
        #expect(HeadingMatch.nearest(to: "whats next", in: headings) == "What\u{2019}s next")
        #expect(HeadingMatch.nearest(to: "A RISKY MOV", in: headings) == "A risky move?")
        #expect(HeadingMatch.nearest(to: "x", in: []) == nil)
    }

    @Test func twoEntriesNamingOneHeadingAsTypedAreAnError() throws {
        let article = SectionFixtures.article(
            headings: ["The past"], frontMatter: "sections:\n  past: \"The past\"\n  history: \"the PAST?\"")
        let failure = try #require(SectionFixtures.failure(article))
        #expect(failure.diagnostics.contains { $0.message.contains("is named by two sections") && $0.line == 7 })
    }
}
