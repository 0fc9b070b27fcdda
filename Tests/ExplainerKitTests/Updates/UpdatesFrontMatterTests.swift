import Foundation
import Testing

@testable import ExplainerKit

/// `updates:`, `known:` and `unknown:` in front matter: what is read, and every malformed
/// entry an error at its own line, with a hint.
@Suite("Updates: front matter")
struct UpdatesFrontMatterTests {
    func parse(_ text: String) -> Result<Article, BuildFailure> {
        outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: "Content/a.md", text: text)) }
    }

    /// Front matter with the required fields (`date: 2025-07-04`) and `lines` after them.
    func article(_ lines: String) -> String {
        "---\ntitle: T\nsummary: S\ndate: 2025-07-04\n\(lines)\n---\nBody.\n"
    }

    /// The line of `text` (from 1) on which `needle` first stands.
    func line(of needle: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func entriesAreReadInTheOrderWrittenWithKindTextTimeAndLine() throws {
        let text = article(
            """
            updates:
              - { date: 2025-07-05, kind: update, text: "Added the reaction of Kabul." }
              - date: 2025-07-06T09:30:00+02:00
                kind: correction
                text: "An earlier version gave the wrong year."
              - { date: "2025-07-04 23:15:00.250", kind: clarification, text: "Said who the spokesman is." }
            known: ["One fact", "Another fact"]
            unknown: "One open question"
            """)
        let fm = try #require(parse(text).article).frontMatter
        #expect(fm.updates.map(\.kind) == [.update, .correction, .clarification])
        #expect(
            fm.updates.map(\.text) == [
                "Added the reaction of Kabul.", "An earlier version gave the wrong year.", "Said who the spokesman is.",
            ])
        #expect(fm.updates.map(\.timestamp.iso) == ["2025-07-05", "2025-07-06T09:30:00+02:00", "2025-07-04T23:15:00.25Z"])
        #expect(fm.updates[0].time == nil)
        #expect(fm.updates[1].time == ArticleTime(hour: 9, minute: 30, second: 0, fraction: "", zoneMinutes: 120))
        #expect(
            fm.updates.map { $0.location?.line } == [
                try line(of: "2025-07-05", in: text), try line(of: "09:30", in: text), try line(of: "23:15", in: text),
            ])
        #expect(fm.known == ["One fact", "Another fact"])
        #expect(fm.unknown == ["One open question"])
        // Newest first: the correction, the update, then the clarification of the first day.
        #expect(fm.updatesNewestFirst.map(\.kind) == [.correction, .update, .clarification])
        #expect(fm.latestCorrection?.text == "An earlier version gave the wrong year.")
        #expect(fm.lastModified.iso == "2025-07-06T09:30:00+02:00")
    }

    @Test func anUpdateOnTheDayOfPublicationIsAllowedAtAnyTime() throws {
        // 00:30 at +05:00 is the evening before in UTC, but the date as written is `date`'s.
        let fm = try #require(
            parse(article("updates: [{ date: \"2025-07-04T00:30:00+05:00\", kind: update, text: Later that day. }]")).article
        ).frontMatter
        #expect(fm.updates.count == 1)
        #expect(fm.updates[0].date.iso == "2025-07-04")
    }

    /// Each malformed entry, with the text that stands on the line its error must point at and
    /// words of the message and of the hint.
    static let malformed: [(yaml: String, at: String, message: String, hint: String)] = [
        ("updates: \"We fixed it.\"", "updates:", "must be a list", "kind: correction"),
        ("updates:\n  - \"Fixed the year.\"", "Fixed the year", "must be a mapping", "date: 2025-07-05"),
        ("updates:\n  - { date: 2025-07-05, kind: correction }", "kind: correction }", "no `text`", "a date, a kind and a text"),
        ("updates:\n  - { kind: update, text: T }", "kind: update", "no `date`", "date: 2025-07-05"),
        (
            "updates:\n  - date: 2025-07-05\n    kind: corection\n    text: T", "corection", "not a kind of update",
            "Did you mean `correction`?"
        ),
        (
            "updates:\n  - date: 2025-07-05\n    kind: fixed\n    text: T", "fixed", "not a kind of update",
            "`clarification` (something made clearer)"
        ),
        ("updates:\n  - date: 2025-13-05\n    kind: update\n    text: T", "2025-13-05", "must be a date", "year-month-day"),
        ("updates:\n  - date: 2025-07-05T25:00:00Z\n    kind: update\n    text: T", "T25:00", "must be a date", "hours 0-23"),
        ("updates:\n  - date: 2025-07-05\n    kind: update\n    txt: T", "txt:", "Unknown key `txt`", "Did you mean `text`?"),
        ("updates:\n  - date: 2025-07-05\n    kind: update\n    text: [a, b]", "text: [a, b]", "`text` must be text", "text:"),
        (
            "updates:\n  - date: 2025-07-03\n    kind: update\n    text: T", "2025-07-03", "before the explainer's `date: 2025-07-04`",
            "fix its date"
        ),
        (
            "updates:\n  - date: 2025-07-03T23:59:59-12:00\n    kind: correction\n    text: T", "23:59:59", "dated 2025-07-03",
            "fix its date"
        ),
        ("known: { a: b }", "known:", "`known` must be a list of text", "known:"),
        ("unknown: [\"\"]", "unknown:", "`unknown item` is empty", "unknown item"),
    ]

    @Test(arguments: malformed)
    func aMalformedEntryIsAnErrorAtItsLine(_ example: (yaml: String, at: String, message: String, hint: String)) throws {
        let text = article(example.yaml)
        let failure = try #require(parse(text).failureValue, "\(example.yaml) was accepted")
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(failure.diagnostics.count == 1, "\(failure.diagnostics)")
        #expect(error.file == "Content/a.md")
        #expect(error.line == (try line(of: example.at, in: text)), "\(error)")
        #expect(error.column != nil)
        #expect(error.message.contains(example.message), "\(error.message)")
        #expect(error.hint.contains(example.hint), "\(error.hint)")
    }

    @Test func everyMalformedEntryIsReportedAtOnce() throws {
        let text = article(
            """
            updates:
              - { date: 2025-07-05, kind: update, text: Fine. }
              - { date: 2025-07-01, kind: update, text: Too early. }
              - { date: 2025-07-06, kind: oops, text: Bad kind. }
              - { date: 2025-07-07, kind: correction }
            """)
        let failure = try #require(parse(text).failureValue)
        let lines = failure.diagnostics.compactMap(\.line).sorted()
        #expect(lines == [try line(of: "Too early", in: text), try line(of: "Bad kind", in: text), try line(of: "2025-07-07", in: text)])
    }

    @Test func updatedAndUpdatesGiveTheLastModificationTogether() throws {
        // `updated` later than every entry: it is the last modification (a date alone).
        var fm = try #require(
            parse(article("updated: 2025-07-09\nupdates: [{ date: 2025-07-08T12:00:00Z, kind: update, text: T }]")).article
        ).frontMatter
        #expect(fm.lastModified.iso == "2025-07-09")
        // The same day with a time: the time is later than the date's midnight.
        fm = try #require(parse(article("updated: 2025-07-08\nupdates: [{ date: 2025-07-08T12:00:00Z, kind: update, text: T }]")).article)
            .frontMatter
        #expect(fm.lastModified.iso == "2025-07-08T12:00:00Z")
        // Neither: the explainer's date.
        fm = try #require(parse(article("")).article).frontMatter
        #expect(fm.lastModified == ArticleTimestamp(date: fm.date))
        #expect(fm.updates.isEmpty && fm.known.isEmpty && fm.unknown.isEmpty)
    }
}
