import Foundation
import Testing

@testable import ExplainerKit

/// For random Markdown and front matter, a build either succeeds with every word of the body
/// on exactly one page of the explainer (nothing lost, nothing repeated), or fails with errors
/// that all name the file.
@Suite("Properties")
struct PropertyTests {
    @Test(arguments: 0..<300)
    func buildKeepsEveryWordExactlyOnceOrNamesTheFile(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let article = RandomArticle.make(&random)
        switch Result(catching: { () throws(BuildFailure) in try SiteBuilder.build(Fixtures.sources(articles: [("r.md", article.text)])) })
        {
        case .failure(let failure):
            #expect(!failure.diagnostics.isEmpty)
            for diagnostic in failure.diagnostics {
                #expect(diagnostic.file == "Content/r.md", "seed \(seed): \(diagnostic)")
            }
            #expect(!article.valid || failure.diagnostics.contains { $0.severity == .error }, "seed \(seed)")
        case .success(let build):
            let rendered = try #require(build.articles.first)
            let pages = rendered.sections.map { "r/\($0.key)/index.html" } + ["r/index.html"]
            var ours: [String] = []
            for page in pages {
                let html = try #require(build.text(page))
                ours += Self.words(Self.between(html, "<div class=\"prose\">\n", "\n</div>\n"))
                if page != "r/index.html" {
                    ours += Self.words(
                        Self.between(html, "<header class=\"page-header\">\n<h1 id=", "</h1>").drop { $0 != ">" }.dropFirst().description)
                }
            }
            let body = String(article.text[article.text.range(of: "\n---\n")!.upperBound...])
            let reference = Self.words(cmarkReferenceHTML(body, smart: true))
            #expect(ours.sorted() == reference.sorted(), "seed \(seed)")
        }
    }

    /// Words of HTML text: tags removed, entities decoded, attribution dashes dropped (`--`
    /// is an en dash once smart punctuation sets it).
    static func words(_ html: String) -> [String] {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        text = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return text.split(whereSeparator: \.isWhitespace).map(String.init).filter { !["—", "--", "―", "–"].contains($0) }
    }

    static func between(_ html: String, _ start: String, _ end: String) -> String {
        var out = ""
        var rest = html[...]
        while let s = rest.range(of: start), let e = rest[s.upperBound...].range(of: end) {
            out += "\n" + rest[s.upperBound..<e.lowerBound]
            rest = rest[e.upperBound...]
        }
        return out
    }
}

/// SplitMix64: a small deterministic generator, so every failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random explainers: mostly valid, sometimes with broken front matter.
enum RandomArticle {
    static let vocabulary = [
        "Kabul", "Moscow", "the", "a", "risk", "2021", "café", "naïve", "<b>", "&amp;", "x*y", "_z_",
        "`code`", "**bold**", "*em*", "[link](https://example.com)", "\\*", "50%", "\"quoted\"", "it's",
        "<script>", "[ref]", "—", "1.", "#", "~", "日本",
    ]

    static func sentence(_ r: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...12, using: &r)).map { _ in vocabulary.randomElement(using: &r)! }.joined(separator: " ")
    }

    static func make(_ r: inout SeededRandom) -> (text: String, valid: Bool) {
        var valid = true
        var fm = ["title: \"T \(Int.random(in: 0...9, using: &r))\"", "summary: S"]
        switch Int.random(in: 0..<10, using: &r) {
        case 0: fm.append("date: someday"); valid = false
        case 1: fm.removeFirst(); fm.append("date: 2025-01-01"); valid = false
        case 2: fm.append("date: 2025-01-01\ntags: 5"); valid = false
        case 3: fm.append("date: 2025-01-01\nsections:\n  history: \"Missing heading\""); valid = false
        default: fm.append("date: 2025-01-01")
        }
        var blocks: [String] = []
        var headings = 0
        for _ in 0..<Int.random(in: 0...14, using: &r) {
            switch Int.random(in: 0..<10, using: &r) {
            case 0:
                headings += 1
                blocks.append("## Heading \(headings) " + sentence(&r))
            case 1: blocks.append("### Sub " + sentence(&r))
            case 2: blocks.append("> " + sentence(&r) + "\n>\n> — Speaker \(Int.random(in: 0...9, using: &r)), role")
            case 3: blocks.append("- " + sentence(&r) + "\n- " + sentence(&r))
            case 4: blocks.append("```\n" + sentence(&r) + "\n```")
            case 5: blocks.append("> " + sentence(&r))
            default: blocks.append(sentence(&r))
            }
        }
        return ("---\n" + fm.joined(separator: "\n") + "\n---\n" + blocks.joined(separator: "\n\n") + "\n", valid)
    }
}
