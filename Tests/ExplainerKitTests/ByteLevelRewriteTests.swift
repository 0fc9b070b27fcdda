import Testing

@testable import ExplainerKit

/// The functions rewritten to work on UTF-8 bytes give exactly what the implementations they
/// replaced gave (kept in `Reference`), on edge cases and thousands of seeded random strings.
@Suite("Byte-level rewrites equal their references")
struct ByteLevelRewriteTests {
    static let strings = ReferenceInputs.strings()

    @Test func timelineWrap() {
        for text in Self.strings {
            for width in [0, 1, 2, 5, 10, 36, 40, 1000] {
                #expect(
                    TimelineGraphic.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "\(text.debugDescription) \(width)")
            }
        }
    }

    @Test func timelineSVG() {
        var random = SeededRandom(seed: 7)
        let dates = ["1950", "1960", "2034", "March 2024", "19th century", "c. 1200 <BC>", "", "1979 & 1980", "2001"]
        var drawn = 0
        for _ in 0..<500 {
            let count = Int(random.next() % 8)
            let entries = (0..<count).map { _ in
                TimelineEntry(
                    date: dates[Int(random.next() % UInt64(dates.count))],
                    event: Self.strings[Int(random.next() % UInt64(Self.strings.count))])
            }
            let svg = TimelineGraphic.svg(entries)
            #expect(svg == Reference.timelineSVG(entries), "\(entries)")
            if svg != nil { drawn += 1 }
        }
        #expect(drawn > 100)
    }

    @Test func escaping() {
        for text in Self.strings {
            #expect(HTMLEscaping.escape(text) == Reference.htmlEscape(text), "\(text.debugDescription)")
            #expect(XMLEscaping.escape(text) == Reference.xmlEscape(text), "\(text.debugDescription)")
        }
    }

    @Test func jsonText() {
        var random = SeededRandom(seed: 11)
        func value(depth: Int) -> JSONText {
            switch random.next() % (depth > 2 ? 3 : 5) {
            case 0: return .string(Self.strings[Int(random.next() % UInt64(Self.strings.count))])
            case 1: return .number([0, -1, 7, 42, -9_876_543, Int.max, Int.min][Int(random.next() % 7)])
            case 2: return .bool(random.next() % 2 == 0)
            case 3: return .array((0..<Int(random.next() % 4)).map { _ in value(depth: depth + 1) })
            default:
                return .object(
                    (0..<Int(random.next() % 4)).map { _ in
                        (Self.strings[Int(random.next() % UInt64(Self.strings.count))], value(depth: depth + 1))
                    })
            }
        }
        for text in Self.strings {
            #expect(JSONText.string(text).rendered == JSONText.string(text).referenceRendered, "\(text.debugDescription)")
        }
        for _ in 0..<1000 {
            let json = value(depth: 0)
            #expect(json.rendered == json.referenceRendered)
        }
        // Every escaped character, spelled out.
        let all = String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + "\"\\<>&\u{2028}\u{2029}/\u{7F}"
        #expect(
            JSONText.string(all).rendered
                == #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\n\u000b\u000c\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\\u003c\u003e\u0026\u2028\u2029/"#
                + "\u{7F}\"")
    }

    @Test func structuredData() throws {
        var random = SeededRandom(seed: 13)
        func pick() -> String { Self.strings[Int(random.next() % UInt64(Self.strings.count))] }
        let titles = ["Plain", #"Tom \"&\" <Jerry> it's caf\u00e9 \u2028 \\ done"#, "👩‍👩‍👧 " + String(repeating: "e\u{301}", count: 120)]
        var articles: [RenderedArticle] = []
        for (i, title) in titles.enumerated() {
            let corrected =
                "updated: 2025-03-04\n"
                + #"updates: [{ date: "2025-03-05T10:00:00+01:00", kind: correction, text: "A \"fix\" <b> & caf\u00e9" }]"#
            let text = Fixtures.article(title: title, date: "2024-0\(i + 1)-02", extraFrontMatter: i == 1 ? corrected : "")
                .replacingOccurrences(of: "tags: [One, Two]", with: i == 1 ? #"tags: ["A&B", "<x>", "caf\u00e9"]"# : "tags: [One, Two]")
            let parsed = try ArticleParser.parse(SourceFile(path: "Content/a\(i).md", text: text))
            articles.append(try ArticleRenderer.render(parsed))
        }
        for n in 0..<600 {
            let site = SiteValues(
                title: pick(), language: pick(), author: n % 3 == 0 ? "" : pick(), description: pick(), baseURL: "",
                homeURL: "/", feedURL: "/feed.xml", correctionsURL: "/corrections/")
            let urls = SiteURLs(baseURL: n % 5 == 0 ? "https://example.org" : pick())
            let longTitle = String(repeating: pick(), count: Int(random.next() % 12))
            let kind: Page.Kind = [.home, .overview, .section, .quotes, .all, .corrections, .notFound][n % 7]
            let page = Page(
                kind: kind, url: "/" + pick() + "/", file: "x/index.html", title: n % 2 == 0 ? longTitle : pick(),
                description: pick(), article: kind == .home || kind == .corrections ? nil : articles[n % articles.count])
            #expect(
                StructuredData.jsonLD(for: page, urls: urls, site: site)
                    == Reference.jsonLD(for: page, urls: urls, site: site), "\(n)")
        }
        let page = Page(kind: .section, url: "/a/", file: "a/index.html", title: "T", description: "D")
        #expect(
            StructuredData.jsonLD(
                for: page, urls: SiteURLs(baseURL: ""),
                site: SiteValues(
                    title: "", language: "", author: "", description: "", baseURL: "", homeURL: "/", feedURL: "/feed.xml",
                    correctionsURL: "/corrections/")) == "")
    }

    @Test func feedAndSitemapEntries() throws {
        let titles = ["Plain", #"Tom \"&\" <Jerry> it's caf\u00e9 \uFFFE done"#]
        for (i, title) in titles.enumerated() {
            let text = Fixtures.article(title: title, extraFrontMatter: i == 1 ? "updated: 2025-03-04" : "")
                .replacingOccurrences(of: "tags: [One, Two]", with: i == 1 ? #"tags: ["A&B", "<x>", "\uFFFF'x"]"# : "tags: [One, Two]")
            let parsed = try ArticleParser.parse(SourceFile(path: "Content/a\(i).md", text: text))
            let article = try ArticleRenderer.render(parsed)
            for baseURL in ["https://example.org", "", "https://x.org/a&b'<\u{FFFE}>", "\u{1}\u{FFFF}"] {
                let urls = SiteURLs(baseURL: baseURL)
                #expect(FeedWriter.entry(for: article, urls: urls) == Reference.feedEntry(for: article, baseURL: urls.baseURL))
                let pages = Self.strings.prefix(300).map {
                    Page(kind: .section, url: $0, file: "f", title: "t", description: "d", article: article)
                }
                #expect(
                    SitemapWriter.entries(for: pages[...], origin: baseURL) == Reference.sitemapEntries(for: pages[...], baseURL: baseURL))
                #expect(SitemapWriter.entries(for: [], origin: baseURL) == "")
            }
        }
    }

    @Test func wordCount() {
        for text in Self.strings {
            #expect(WordCounter.count(text) == Reference.wordCount(text), "\(text.debugDescription)")
        }
        #expect(WordCounter.count("it's a co-op, don\u{2019}t ’x 日本語 é") == 7)
    }

    @Test func textDecoding() {
        func same(_ a: Result<String, BuildFailure>, _ b: Result<String, BuildFailure>) -> Bool {
            switch (a, b) {
            case (.success(let x), .success(let y)): x == y && Array(x.utf8) == Array(y.utf8)
            case (.failure(let x), .failure(let y)): "\(x.diagnostics)" == "\(y.diagnostics)"
            default: false
            }
        }
        var failures = 0
        for bytes in ReferenceInputs.byteStrings() + Self.strings.map({ Array($0.utf8) }) {
            let file = SourceFile(path: "Content/x.md", bytes: bytes)
            let decoded = outcome { () throws(BuildFailure) in try TextDecoding.decode(file) }
            #expect(same(decoded, Reference.decode(file)), "\(bytes)")
            if case .failure = decoded { failures += 1 }
        }
        #expect(failures > 100)
        for text in Self.strings {
            #expect(TextDecoding.normalizingLineEndings(text) == Reference.normalizingLineEndings(text))
        }
        let big = SourceFile(path: "Content/big.md", bytes: [UInt8](repeating: 0x41, count: TextDecoding.maxBytes + 1))
        #expect(same(outcome { () throws(BuildFailure) in try TextDecoding.decode(big) }, Reference.decode(big)))
    }

    @Test func excerpt() {
        for text in Self.strings {
            for limit in [-1, 0, 1, 5, 20, 160, 10_000] {
                #expect(
                    Excerpt.plainText(fromHTML: text, limit: limit) == Reference.plainText(fromHTML: text, limit: limit),
                    "\(text.debugDescription) \(limit)")
            }
        }
    }

    @Test func articleDates() throws {
        var dates: [ArticleDate] = []
        for year in [1, 9, 10, 99, 100, 999, 1000, 1979, 2025, 9999] {
            for (month, day) in [(1, 1), (2, 28), (7, 4), (10, 10), (12, 31)] {
                dates.append(try #require(ArticleDate(year: year, month: month, day: day)))
            }
        }
        // The fields are public and mutable: values `init` refuses still print as before.
        var odd = dates[0]
        for (year, month, day) in [(12345, 1, 1), (-5, 3, 4), (0, 0, 0), (2025, 123, -1), (-12345, 7, 100)] {
            odd.year = year
            odd.month = month
            odd.day = day
            dates.append(odd)
        }
        for date in dates {
            #expect(date.iso == Reference.iso(date))
            #expect(date.rfc3339 == Reference.rfc3339(date))
        }
        #expect(dates[0].iso == "0001-01-01")
    }

    @Test func parsingDates() {
        let texts =
            Self.strings + [
                "2025-07-04", "2025-07-04T10:00:00Z", "2025-02-30", "0000-01-01", "9999-12-31", "+123-01-01", "-123-01-01",
                "2025-7-04", "2025-07-4", "2025/07/04", "2025-07-04 ", " 2025-07-04", "2025-07-0\u{301}", "2025-07-04\u{301}",
                "T2025-07-04", "2025-07-04TT", "2025-07-04T10:00:00+02:00", "2025-07-04 1:02:03.5 -5", "2025-07-04t23:59:59 Z",
                "2025-07-04T99:99:99Z", "2025-07-04T24:00:00", "2025-07-04T10:60:00", "2025-07-04T10:00:00+24:00", "2025-07-04T10:00",
                "20x5-07-04", "2025-07-04-01", "２０２５-07-04", "2025–07–04", "--", "-", "",
            ]
        var parsed = 0
        for text in texts {
            let date = ArticleDate(iso: text)
            #expect(date == Reference.date(iso: text), "\(text.debugDescription)")
            if date != nil { parsed += 1 }
        }
        #expect(parsed >= 4)
    }
}
