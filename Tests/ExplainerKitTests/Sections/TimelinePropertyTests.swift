import Testing

@testable import ExplainerKit

/// Random approximate dates, each made with the span it names (worked out here, apart from the
/// parser): each is placed inside that span, and a timeline of them shows one order.
@Suite("Timeline properties")
struct TimelinePropertyTests {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Days in each month of year `y` (the Gregorian rule, written out again).
    static func monthLengths(_ y: Int) -> [Int] {
        let leap = y % 400 == 0 || (y % 4 == 0 && y % 100 != 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// A random date as an author writes it, and the span it names.
    static func randomDate(_ random: inout SeededRandom) -> (text: String, start: Double, end: Double) {
        let qualifiers = [("Early", 0), ("Mid-", 1), ("mid ", 1), ("Late", 2), ("late", 2)]
        func qualified(_ text: String, _ start: Double, _ end: Double) -> (String, Double, Double) {
            guard Bool.random(using: &random) else { return (text, start, end) }
            let (word, third) = qualifiers.randomElement(using: &random)!
            let length = (end - start) / 3
            let separator = word.hasSuffix("-") || word.hasSuffix(" ") ? "" : " "
            return (word + separator + text, start + Double(third) * length, start + Double(third + 1) * length)
        }
        let y = Int.random(in: 100...2100, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            return qualified((Bool.random(using: &random) ? "c. " : "") + "\(y)", Double(y), Double(y + 1))
        case 1:
            return qualified("\(y) BC", Double(-y), Double(-y + 1))
        case 2:
            var d = y - y % 10
            if d % 100 == 0, d != 2000 { d += 10 }
            return qualified((Bool.random(using: &random) ? "the " : "") + "\(d)s", Double(d), Double(d + 10))
        case 3:
            let n = Int.random(in: 1...21, using: &random)
            return qualified("\(ordinal(n)) century", Double((n - 1) * 100), Double(n * 100))
        case 4:
            let m = Int.random(in: 1...12, using: &random)
            let lengths = monthLengths(y)
            let total = Double(lengths.reduce(0, +))
            let before = Double(lengths[..<(m - 1)].reduce(0, +))
            return qualified(
                "\(monthNames[m - 1]) \(y)", Double(y) + before / total, Double(y) + (before + Double(lengths[m - 1])) / total)
        case 5:
            let m = Int.random(in: 1...12, using: &random)
            let lengths = monthLengths(y)
            let day = Int.random(in: 1...lengths[m - 1], using: &random)
            let total = Double(lengths.reduce(0, +))
            let before = Double(lengths[..<(m - 1)].reduce(0, +) + day - 1)
            return ("\(day) \(monthNames[m - 1]) \(y)", Double(y) + before / total, Double(y) + (before + 1) / total)
        default:
            let last = y + Int.random(in: 1...50, using: &random)
            let dash = ["–", "-", " to ", "—"].randomElement(using: &random)!
            return ("\(y)\(dash)\(last)", Double(y), Double(last + 1))
        }
    }

    @Test func randomDatesArePlacedInsideTheirSpan() throws {
        var random = SeededRandom(seed: 0x71AE)
        for _ in 0..<3000 {
            let (text, start, end) = Self.randomDate(&random)
            let span = try #require(TimelineSpan.of(text), "\(text)")
            #expect(abs(span.start - start) < 1e-9 && abs(span.end - end) < 1e-9, "\(text): \(span) against \(start)..<\(end)")
            #expect(span.point >= start && span.point < end, "\(text): \(span.point)")
        }
    }

    @Test func aRandomTimelineShowsOneOrder() throws {
        var random = SeededRandom(seed: 0x0DE5)
        for _ in 0..<60 {
            let count = Int.random(in: 2...12, using: &random)
            let entries = (0..<count).map { index in TimelineEntry(date: Self.randomDate(&random).text, event: "Event \(index)") }
            let ordered = TimelineEntry.chronological(entries)
            let points = ordered.map { $0.span?.point ?? .nan }
            #expect(points == points.sorted())
            // Equal points keep the order written.
            for (a, b) in zip(ordered, ordered.dropFirst()) where a.span?.point == b.span?.point {
                let ia = entries.firstIndex(of: a)!
                let ib = entries.firstIndex(of: b)!
                #expect(ia < ib)
            }
            // The drawing lists the dates in that order, each dot no higher than the one before.
            let svg = try #require(TimelineGraphic.svg(ordered))
            let drawn = svg.components(separatedBy: "<text class=\"tl-date\"").dropFirst().compactMap {
                $0.split(separator: ">").dropFirst().first.map { String($0.prefix { $0 != "<" }) }
            }
            #expect(drawn == ordered.map { HTMLEscaping.escape($0.date) })
            let dots = svg.components(separatedBy: "cy=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(dots == dots.sorted())
        }
    }
}
