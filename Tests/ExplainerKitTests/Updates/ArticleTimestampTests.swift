import Foundation
import Testing

@testable import ExplainerKit

/// `ArticleTimestamp`: dates with an optional time, parsed as YAML writes them, ordered by
/// the instant they name, and written out in ISO 8601 and for readers.
@Suite("Updates: timestamps")
struct ArticleTimestampTests {
    @Test(arguments: [
        ("2025-07-04", "2025-07-04", "2025-07-04T00:00:00Z", "4 July 2025"),
        ("2025-07-04T10:00:00+02:00", "2025-07-04T10:00:00+02:00", "2025-07-04T10:00:00+02:00", "4 July 2025, 10:00 UTC+02:00"),
        ("2025-07-04t10:00:00Z", "2025-07-04T10:00:00Z", "2025-07-04T10:00:00Z", "4 July 2025, 10:00 UTC"),
        ("2025-07-04 9:05:30", "2025-07-04T09:05:30Z", "2025-07-04T09:05:30Z", "4 July 2025, 09:05:30 UTC"),
        ("2025-07-04 10:00:00.500 -5", "2025-07-04T10:00:00.5-05:00", "2025-07-04T10:00:00.5-05:00", "4 July 2025, 10:00:00.5 UTC-05:00"),
        ("2025-07-04T10:00:00.000Z", "2025-07-04T10:00:00Z", "2025-07-04T10:00:00Z", "4 July 2025, 10:00 UTC"),
        ("2025-07-04T23:30:00-09:30", "2025-07-04T23:30:00-09:30", "2025-07-04T23:30:00-09:30", "4 July 2025, 23:30 UTC-09:30"),
    ])
    func parsesAndWrites(_ example: (text: String, iso: String, rfc3339: String, long: String)) throws {
        let stamp = try #require(ArticleTimestamp(iso: example.text))
        #expect(stamp.iso == example.iso)
        #expect(stamp.rfc3339 == example.rfc3339)
        #expect(stamp.long == example.long)
        // What it writes reads back as the same timestamp.
        #expect(ArticleTimestamp(iso: stamp.iso) == stamp)
        // The date alone is the calendar date as written, whatever the zone.
        #expect(ArticleDate(iso: example.text)?.iso == "2025-07-04")
    }

    @Test(arguments: [
        "2025-07-04T24:00:00Z", "2025-07-04T10:60:00Z", "2025-07-04T10:00:60Z", "2025-07-04T10:00:00+24:00",
        "2025-07-04T10:00:00+02:60", "2025-07-04T10:00Z", "2025-07-04T10:00:00 Z x", "2025-02-29", "2025-07-04X", "2025-7-04",
    ])
    func refusesWhatDoesNotExist(_ text: String) {
        #expect(ArticleTimestamp(iso: text) == nil)
        #expect(ArticleDate(iso: text) == nil)
    }

    @Test func ordersByTheInstantNamed() throws {
        func stamp(_ text: String) throws -> ArticleTimestamp { try #require(ArticleTimestamp(iso: text)) }
        // 10:00 at +02:00 is 08:00 UTC: before 09:00 UTC.
        #expect(try stamp("2025-07-04T10:00:00+02:00") < stamp("2025-07-04T09:00:00Z"))
        // A date alone is its midnight UTC: before any time that day in UTC, after the day before.
        #expect(try stamp("2025-07-04") < stamp("2025-07-04T00:00:01Z"))
        #expect(try stamp("2025-07-03T23:59:59Z") < stamp("2025-07-04"))
        // 23:00 at -05:00 on the 4th is the 5th in UTC.
        #expect(try stamp("2025-07-05") < stamp("2025-07-04T23:00:00-05:00"))
        #expect(try stamp("2025-07-04T10:00:00.25Z") < stamp("2025-07-04T10:00:00.3Z"))
        // The same instant in two zones: two timestamps, in one order, neither equal.
        let a = try stamp("2025-07-04T10:00:00+02:00")
        let b = try stamp("2025-07-04T08:00:00Z")
        #expect(a != b && (a < b) != (b < a))
        #expect(a.secondsSinceEpoch == b.secondsSinceEpoch)
    }

    @Test func countsDaysAsFoundationDoes() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var random = SeededRandom(seed: 17)
        for _ in 0..<500 {
            let year = Int.random(in: 1...9999, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            let date = try #require(ArticleDate(year: year, month: month, day: day))
            let components = DateComponents(year: year, month: month, day: day)
            let expected = try #require(calendar.date(from: components)).timeIntervalSince1970 / 86_400
            // Foundation switches to the Julian calendar before 1582; compare from then on.
            if year >= 1600 { #expect(date.daysSinceEpoch == Int(expected), "\(date)") }
        }
        #expect(ArticleDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(ArticleDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(ArticleDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
    }
}
