import Foundation
import Testing
import Yams

@testable import ExplainerKit

/// What `explainer init` and `explainer new` write, in memory: the files decode as the build
/// reads them, every key is explained, and they build at once without a warning.
@Suite struct ScaffoldTests {
    static let today = ArticleDate(year: 2026, month: 3, day: 14)!

    /// A site with the repository's templates whose articles are `files` (paths in `Content/`).
    static func sources(_ files: [ScaffoldFile], siteYML: String = Fixtures.siteYML) -> SiteSources {
        Fixtures.sources(articles: files.filter { $0.path.hasSuffix(".md") }.map { ($0.path, $0.text) }, siteYML: siteYML)
    }

    static func parse(_ file: ScaffoldFile) throws -> Article {
        try ArticleParser.parse(SourceFile(path: "Content/" + file.path, text: file.text))
    }

    // MARK: - init

    @Test func newSiteDecodesToTheDefaultsButItsName() throws {
        let files = SiteScaffold.files(today: Self.today)
        #expect(files.map(\.path) == ["Content/site.yml", "Content/leap-years.md", ".gitignore"])
        let yml = try #require(files.first { $0.path == "Content/site.yml" })
        let config = try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: yml.text))
        var expected = SiteConfig(title: SiteScaffold.title, baseURL: "https://example.org")
        expected.author = "Newsroom name"
        expected.description = "Long stories, told as short linked pages."
        #expect(config == expected)
    }

    /// Every key `site.yml` may hold (as the decoder's unknown-key hint lists them, at the top
    /// and in `media:`) stands in the new site's `site.yml`, with a comment above it.
    @Test func newSiteYMLExplainsEveryKey() throws {
        let yml = SiteScaffold.siteYML
        func knownKeys(_ text: String) throws -> [String] {
            do {
                _ = try SiteConfigDecoder.decode(SourceFile(path: "site.yml", text: text))
            } catch {
                let hint = try #require(error.diagnostics.first { $0.message.contains("zzz") }?.hint)
                let list = try #require(hint.range(of: "Known keys: ")).upperBound
                return hint[list...].dropLast().components(separatedBy: ", ")
            }
            Issue.record("an unknown key was accepted")
            return []
        }
        let top = try knownKeys("title: T\nbaseURL: https://a.example\nzzz: 1\n")
        let media = try knownKeys("title: T\nbaseURL: https://a.example\nmedia: { zzz: 1 }\n")
        let publish = try knownKeys("title: T\nbaseURL: https://a.example\npublish: { zzz: 1 }\n")
        let cacheControl = try knownKeys("title: T\nbaseURL: https://a.example\npublish: { cacheControl: { zzz: 1 } }\n")
        #expect(top.contains("media") && media.contains("widths"), "\(top) \(media)")
        #expect(top.contains("publish") && publish.contains("cacheControl") && cacheControl.contains("pages"))
        let lines = yml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (keys, indent) in [(top, ""), (media, "  "), (publish, "  "), (cacheControl, "    ")] {
            for key in keys {
                let index = try #require(lines.firstIndex { $0.hasPrefix(indent + key + ":") }, "`\(key)` is not in site.yml")
                #expect(index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"), "`\(key)` has no comment")
            }
        }
    }

    @Test func newSiteIgnoresTheOutputAndTheCache() {
        let lines = SiteScaffold.gitignore.split(separator: "\n")
        #expect(lines.contains("Public/"))
        #expect(lines.contains(Substring(BuildRunner.Paths.defaultCacheFolder + "/")))
    }

    @Test func newSiteBuildsWithoutAWarning() throws {
        let files = SiteScaffold.files(today: Self.today)
        let yml = try #require(files.first { $0.path == "Content/site.yml" }).text
        let build = try SiteBuilder.build(Self.sources(files.map { $0.replacingPath() }, siteYML: yml))
        #expect(build.warnings.isEmpty, "\(build.warnings)")
        #expect(build.articles.count == 1)
        for page in [
            "leap-years/index.html", "leap-years/problem/index.html", "leap-years/history/index.html", "leap-years/rule/index.html",
        ] {
            #expect(build.text(page) != nil, "\(page)")
        }
        let sample = try Self.parse(try #require(files.first { $0.path == "Content/leap-years.md" }).replacingPath())
        #expect(sample.frontMatter.date == Self.today)
        #expect(!sample.frontMatter.draft)
        #expect(sample.frontMatter.keyPoints.count == 3)
        #expect(sample.frontMatter.timeline.count == 5)
        #expect(build.text("leap-years/history/index.html")?.contains("Pope Gregory XIII") == true)
    }

    // MARK: - new

    @Test func newExplainerIsADraftDatedAsAsked() throws {
        let file = ExplainerScaffold.file(title: "The title", slug: "the-title", date: Self.today, bundle: false)
        #expect(file.path == "the-title.md")
        let article = try Self.parse(file)
        let fm = article.frontMatter
        #expect(fm.title == "The title")
        #expect(fm.summary == ExplainerScaffold.summaryPlaceholder)
        #expect(fm.date == Self.today)
        #expect(fm.draft)
        #expect(fm.tags.isEmpty && fm.keyPoints.isEmpty && fm.timeline.isEmpty)
        #expect(fm.sections.map(\.key) == ["history", "strategy", "risks"])
        #expect(fm.sections.map(\.heading) == ExplainerScaffold.sections.map(\.heading))
        #expect(article.slug == "the-title")
        for key in ["title", "summary", "date", "draft", "tags", "sections", "keyPoints", "timeline"] {
            let lines = file.text.split(separator: "\n")
            let index = try #require(lines.firstIndex { $0.hasPrefix(key + ":") }, "\(key)")
            #expect(lines[index - 1].hasPrefix("#"), "`\(key)` has no comment")
        }
    }

    @Test func newBundleIsTheIndexOfAFolder() throws {
        let file = ExplainerScaffold.file(title: "Maps", slug: "maps", date: Self.today, bundle: true)
        #expect(file.path == "maps/index.md")
        #expect(file.text.contains("# image: images/lead.jpg"))
        #expect(try Self.parse(file).slug == "maps")
    }

    /// With `--drafts` a new explainer builds at once, every section its page and no warning;
    /// without, it is left out.
    @Test(arguments: [false, true])
    func newExplainerBuildsWithDrafts(bundle: Bool) throws {
        let file = ExplainerScaffold.file(title: "Fresh start", slug: "fresh-start", date: Self.today, bundle: bundle)
        let sources = Self.sources([file])
        let build = try SiteBuilder.build(sources, settings: BuildSettings(includeDrafts: true))
        #expect(build.warnings.isEmpty, "\(build.warnings)")
        for page in ["", "history/", "strategy/", "risks/", "all/"] {
            #expect(build.text("fresh-start/\(page)index.html") != nil, "fresh-start/\(page)")
        }
        let published = try SiteBuilder.build(sources, settings: BuildSettings(includeDrafts: false))
        #expect(published.text("fresh-start/index.html") == nil)
    }

    /// Any title reads back as itself: YAML's indicators, quotes, backslashes, other scripts.
    @Test(arguments: [
        #"Why "now"? A: B #1"#, "Ελληνικά: Crème brûlée", "日本語の説明", "- starts like a list", "[not] a {flow}: & * ! | > % @ `",
        #"back\slash \n not a line break"#, "'single' and \"double\"", "yes", "null", "2025-07-04", "~", "#hash first",
        "a: b: c", "trailing colon:", "ends with a backslash \\", "Line\u{2028}separator, no\u{A0}break, \u{1F389}",
    ])
    func titlesAreQuotedForYAML(title: String) throws {
        let slug = Slug.make(title).isEmpty ? "x" : Slug.make(title)
        let file = ExplainerScaffold.file(title: title, slug: slug, date: Self.today, bundle: false)
        #expect(try Self.parse(file).frontMatter.title == title)
        // And Yams, the reference, reads the quoted text so too.
        let quoted = YAMLEscaping.doubleQuoted(title)
        #expect(try Yams.load(yaml: "k: \(quoted)") as? [String: String] == ["k": title])
    }

    /// The characters YAML would fold, refuse or read as line breaks come back as they were.
    @Test func quotingEscapesWhatYAMLWouldChange() throws {
        let text = "a\tb\nc\r\u{0}\u{7}\u{1B}\u{7F}\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}\u{FFFE}é\"\\"
        let quoted = YAMLEscaping.doubleQuoted(text)
        #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 })
        #expect(try Yams.load(yaml: "k: \(quoted)") as? [String: String] == ["k": text])
        // Random strings over the tricky characters, through the front matter decoder.
        var generator = SeededRandom(seed: 19)
        let alphabet = Array(#" :#"'\-[]{}!&*|>%@`,?aé日"#)
        for _ in 0..<200 {
            // (Between letters: the command trims a title's spaces, and so does the decoder.)
            let middle = (0..<Int.random(in: 0...12, using: &generator)).compactMap { _ in alphabet.randomElement(using: &generator) }
            let title = "T" + String(middle) + "Z"
            let file = ExplainerScaffold.file(title: title, slug: "t", date: Self.today, bundle: false)
            #expect(try Self.parse(file).frontMatter.title == title, "\(title)")
        }
    }

    // MARK: - new: the request

    @Test func requestProblemsAreSaidBeforeAnythingRuns() {
        func problem(_ title: String, slug: String? = nil, date: String? = nil) -> String? {
            NewRunner.problem(with: NewRunner.Request(title: title, slug: slug, date: date))
        }
        #expect(problem("Fine") == nil)
        #expect(problem("Fine", slug: "fine-2", date: "2024-02-29") == nil)
        #expect(problem("  ")?.contains("empty") == true)
        #expect(problem("One\nTwo")?.contains("U+000A") == true)
        #expect(problem("Bidi \u{202E} trick")?.contains("U+202E") == true)
        #expect(problem("!!!")?.contains("--slug") == true)
        #expect(problem("!!!", slug: "bangs") == nil)
        #expect(problem("Fine", slug: "Not Valid")?.contains("--slug not-valid") == true)
        #expect(problem("Fine", date: "2025-02-29")?.contains("YYYY-MM-DD") == true)
        #expect(problem("Fine", date: "2025-07-04T10:00:00Z")?.contains("YYYY-MM-DD") == true)
        #expect(problem("Fine", date: "tomorrow")?.contains("YYYY-MM-DD") == true)
    }

    /// The UTC day of a moment, by the integer rule, is the Gregorian calendar's in UTC.
    @Test func todayIsTheUTCDayOfTheClock() throws {
        #expect(ArticleDate(utcDayOf: Date(timeIntervalSince1970: 0)) == ArticleDate(year: 1970, month: 1, day: 1))
        #expect(ArticleDate(utcDayOf: Date(timeIntervalSince1970: 951_868_799)) == ArticleDate(year: 2000, month: 2, day: 29))
        #expect(ArticleDate(utcDayOf: Date(timeIntervalSince1970: -1)) == ArticleDate(year: 1969, month: 12, day: 31))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        // (Foundation's calendar is Julian before 15 October 1582: the range starts after.)
        var random = SeededRandom(seed: 23)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -12_000_000_000...250_000_000_000, using: &random))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = ArticleDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
            #expect(ArticleDate(utcDayOf: date) == expected, "\(date)")
        }
    }

    // MARK: - new: slugs taken

    @Test func slugsAreTakenByNameFolderOrFrontMatter() throws {
        let articles = [
            SourceFile(path: "Content/by-name.md", text: Fixtures.article()),
            SourceFile(path: "Content/by-folder/index.md", text: Fixtures.article()),
            SourceFile(path: "Content/other.md", text: Fixtures.article(extraFrontMatter: "slug: by-slug")),
            SourceFile(path: "Content/Broken.md", text: "---\ntitle: [\n---\n"),
        ]
        func conflict(_ slug: String) -> Diagnostic? { SlugConflict.find(slug, among: articles, contentFolder: "Content") }
        #expect(conflict("by-name")?.file == "Content/by-name.md")
        #expect(conflict("by-name")?.message.contains("its file name") == true)
        #expect(conflict("by-folder")?.file == "Content/by-folder/index.md")
        #expect(conflict("by-folder")?.message.contains("its folder name") == true)
        let bySlug = try #require(conflict("by-slug"))
        #expect(bySlug.file == "Content/other.md")
        #expect(bySlug.line == 13 && bySlug.message.contains("`slug: by-slug`"), "\(bySlug)")
        // `other.md` has another slug, so its name is free; an article that does not parse
        // keeps its name's.
        #expect(conflict("other") == nil)
        #expect(conflict("broken")?.file == "Content/Broken.md")
        #expect(conflict("free") == nil)
    }
}

extension ScaffoldFile {
    /// The file with its path inside the site's folder (`Content/…`) as a path in `Content/`.
    fileprivate func replacingPath() -> ScaffoldFile {
        ScaffoldFile(path: path.hasPrefix("Content/") ? String(path.dropFirst("Content/".count)) : path, text: text)
    }
}
