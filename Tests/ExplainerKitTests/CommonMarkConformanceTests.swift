import Foundation
import Testing

@testable import ExplainerKit

/// The Markdown stage must give exactly cmark's HTML for every example of the CommonMark 0.30
/// spec, once the ids it adds to headings are taken out again.
@Suite("CommonMark conformance")
struct CommonMarkConformanceTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var number: Int
        var line: Int
        var markdown: String
        var expected: String
        var testDescription: String { "example \(number) (spec line \(line))" }
    }

    static let examples: [Example] = {
        guard let text = try? Fixtures.fixtureText("commonmark-spec-0.30.txt") else { return [] }
        var examples: [Example] = []
        var state = 0
        var markdown = ""
        var expected = ""
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if state == 0, line.hasPrefix("````````````````````````````````") && line.hasSuffix("example") {
                state = 1; markdown = ""; expected = ""; start = index + 1
            } else if state == 1, line == "." {
                state = 2
            } else if state == 2, line.hasPrefix("````````````````````````````````") {
                examples.append(
                    Example(
                        number: examples.count + 1, line: start,
                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                        expected: expected.replacingOccurrences(of: "→", with: "\t")))
                state = 0
            } else if state == 1 {
                markdown += line + "\n"
            } else if state == 2 {
                expected += line + "\n"
            }
        }
        return examples
    }()

    @Test func specHasAll652Examples() {
        #expect(Self.examples.count == 652)
    }

    /// In safe mode (the default) and in unsafe mode, with smart punctuation or without, our
    /// HTML is cmark's.
    @Test(arguments: examples)
    func matchesCmark(_ example: Example) {
        for unsafe in [false, true] {
            for smart in [false, true] {
                let ours = Self.removingHeadingIDs(MarkdownRenderer.render(example.markdown, unsafe: unsafe, smart: smart).html)
                #expect(
                    ours == cmarkReferenceHTML(example.markdown, unsafe: unsafe, smart: smart), "unsafe: \(unsafe), smart: \(smart)")
            }
        }
    }

    /// The spec's expected HTML assumes raw HTML is let through (its examples test raw HTML),
    /// so this compares in unsafe mode: cmark 0.30.2 passes all 652, and so must we.
    @Test func countOfExamplesPassing() {
        var passing = 0
        for example in Self.examples {
            let ours = Self.removingHeadingIDs(MarkdownRenderer.render(example.markdown, unsafe: true).html)
            if ours == example.expected { passing += 1 }
        }
        print("CommonMark 0.30 spec: \(passing) of \(Self.examples.count) examples give the spec's HTML")
        #expect(passing == 652)
    }

    /// `<h2 id="x">` → `<h2>`; only the id attribute the Markdown stage adds.
    static func removingHeadingIDs(_ html: String) -> String {
        var out = html
        for level in 1...6 {
            while let range = out.range(of: "<h\(level) id=\"") {
                guard let close = out[range.upperBound...].firstIndex(of: "\"") else { break }
                out.replaceSubrange(range.lowerBound...close, with: "<h\(level)")
            }
        }
        return out
    }
}
