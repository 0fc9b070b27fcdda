import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

/// Issue 11, front matter classes: alias expansion (14), control characters from YAML (19),
/// unknown keys and warnings that are not seen (22), timestamps and `updated` before `date`.
@Suite("Hardening: front matter")
struct HardeningFrontMatterTests {
    func parse(_ text: String) -> Result<Article, BuildFailure> {
        outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: "Content/a.md", text: text)) }
    }

    func errors(_ outcome: Result<Article, BuildFailure>) -> [Diagnostic] {
        outcome.diagnostics.filter { $0.severity == .error }
    }

    /// Front matter with the required fields and `lines` after them (from line 5 of the file).
    func article(_ lines: String) -> String {
        "---\ntitle: T\nsummary: S\ndate: 2025-07-04\n\(lines)\n---\nBody.\n"
    }

    func siteConfig(_ text: String) -> Result<SiteConfig, BuildFailure> {
        outcome { () throws(BuildFailure) in try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: text)) }
    }

    // MARK: - 14: aliases

    /// Nine levels of ten aliases each: 10^9 values once written out, a few hundred bytes.
    static func laughs(indent: String = "  ") -> String {
        var lines = [indent + "a: &a [" + Array(repeating: "\"lol\"", count: 10).joined(separator: ", ") + "]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(indent + "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func billionLaughsInFrontMatterIsRefusedQuicklyAtTheAlias() throws {
        let start = ContinuousClock.now
        let outcome = parse(article("extra:\n" + Self.laughs() + "\ntags: *i"))
        #expect(ContinuousClock.now - start < .seconds(20))  // refused, not hung
        #expect(outcome.article == nil)
        let error = try #require(errors(outcome).first)
        // a: 11 values, b: 111, c: 1,111; the aliases of `d:` (line 9) pass 10,000 at its 8th.
        #expect(error.message.contains("alias `*c`"), "\(error)")
        #expect(error.line == 9)
        #expect(error.column != nil)
        #expect(error.hint.contains("10000 values"))
    }

    @Test func aliasAsAComplexKeyDoesNotHangYams() throws {
        // Yams hashes every mapping key; an aliased key of 10^9 values would never finish.
        // With `!` in the text the default resolver's path is taken: bounded as well.
        for tail in ["? *i\n: x", "? *i\n: !!str x", "*i : x"] {
            let start = ContinuousClock.now
            let outcome = parse(article("extra:\n" + Self.laughs() + "\n" + tail))
            #expect(ContinuousClock.now - start < .seconds(20))  // refused, not hung
            #expect(errors(outcome).first?.message.contains("alias") == true, "\(outcome.diagnostics)")
        }
    }

    @Test func aliasesRepeatingMuchTextAreRefused() throws {
        let long = String(repeating: "x", count: 2_000)
        let aliases = Array(repeating: "*long", count: 60).joined(separator: ", ")
        let outcome = parse(article("extra:\n  long: &long \"\(long)\"\n  many: [\(aliases)]"))
        let error = try #require(errors(outcome).first)
        #expect(error.message.contains("100 KB"))
        #expect(error.line == 7)
    }

    @Test func billionLaughsInSiteYMLIsRefused() throws {
        let start = ContinuousClock.now
        let text = "title: T\nbaseURL: https://example.org\n" + Self.laughs(indent: "") + "\ndescription: *i\n"
        guard case .failure(let failure) = siteConfig(text) else {
            Issue.record("site.yml with nested aliases was accepted")
            return
        }
        #expect(ContinuousClock.now - start < .seconds(20))  // refused, not hung
        let error = try #require(failure.diagnostics.first)
        #expect(error.file == "Content/site.yml")
        #expect(error.message.contains("site configuration"))
        #expect(error.line == 6)
    }

    @Test func onlyTextThatMayDefineAnAnchorIsWalked() {
        // Markdown emphasis and ampersands inside words are not anchors: no second parse.
        for text in ["keyPoints:\n  - \"Kabul *power* and *decade*\"\n", "title: \"R&D, AT&T\"\n", "a: b&c\n", "x: & \n"] {
            #expect(!YAMLAliasLimit.mayHaveAnchor(text.utf8), "\(text)")
        }
        for text in ["a: &x [1]\nb: *x\n", "- &a x\n", "&a x\n", "{\"a\":&b c}\n", "[&a 1, *a]\n", "a:\t&x 1\n"] {
            #expect(YAMLAliasLimit.mayHaveAnchor(text.utf8), "\(text)")
        }
    }

    @Test func modestAliasesStillWork() throws {
        let outcome = parse(article("tags: &t [Russia, Afghanistan]\nextra:\n  sameTags: *t"))
        let article = try #require(outcome.article, "\(outcome.diagnostics)")
        #expect(article.frontMatter.tags == ["Russia", "Afghanistan"])
        #expect(outcome.diagnostics.isEmpty)
    }

    // MARK: - 19: control characters

    @Test func controlCharactersFromEscapesAreAnErrorAtTheField() throws {
        let cases: [(lines: String, line: Int, code: String)] = [
            ("slug: s\nextra:\n  x: 1\nkeyPoints: [\"a\\u202Eb\"]", 8, "U+202E"),
            ("tags: [\"ok\", \"bad\\x1b[2J\"]", 5, "U+001B"),
            ("tags: \"x\\u0085y\"", 5, "U+0085"),
            ("timeline:\n  - { date: \"1979\", event: \"a\\x7Fb\" }", 6, "U+007F"),
            ("sections:\n  past: \"The\\apast\"", 6, "U+0007"),
            ("updated: 2025-07-05\nkeyPoints:\n  - \"fine\"\n  - \"not\\rfine\"", 8, "U+000D"),
        ]
        for item in cases {
            let outcome = parse(article(item.lines))
            let error = try #require(errors(outcome).first, "\(item.lines)")
            #expect(outcome.article == nil)
            #expect(error.message.contains(item.code), "\(error)")
            #expect(error.line == item.line, "\(error)")
            #expect(!error.hint.isEmpty)
        }
        let title = parse("---\ntitle: \"a\\0b\\x1b\"\nsummary: S\ndate: 2025-07-04\n---\nBody.\n")
        let error = try #require(errors(title).first)
        #expect(error.message.contains("`title`") && error.message.contains("U+0000"))
        #expect(error.line == 2 && error.column == 8)
        #expect(error.hint.contains("escape"))
    }

    @Test func controlCharactersInSiteYMLAreAnError() throws {
        guard case .failure(let failure) = siteConfig("title: \"Site\\u009B\"\nbaseURL: https://example.org\nauthor: \"\\e]0;x\"\n") else {
            Issue.record("control characters in site.yml were accepted")
            return
        }
        #expect(failure.diagnostics.map(\.line) == [1, 3])
        #expect(failure.diagnostics[0].message.contains("U+009B"))
        #expect(failure.diagnostics[1].message.contains("U+001B"))
    }

    @Test func messagesQuoteAuthorsTextWithoutItsControls() throws {
        let key = parse(article("\"ti\\e]0;x\\atle\": 1"))
        #expect(errors(key).first?.message == "Unknown key `tiU+001B]0;xU+0007tle`.")
        let date = parse(article("updated: \"2025\\x1b[2J\""))
        #expect(errors(date).first?.message.contains("`2025U+001B[2J`") == true, "\(date.diagnostics)")
        for diagnostic in key.diagnostics + date.diagnostics {
            #expect(!diagnostic.description.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe))
        }
    }

    @Test func tabsLineBreaksAndBidiMarksAreAllowed() throws {
        let outcome = parse(
            article("keyPoints: [\"a\\tb\", \"right\\u200Fmark\"]\ntags: \"Kabul\\u200E\"\nextra:\n  raw: \"\\x1b is not read\""))
        let article = try #require(outcome.article, "\(outcome.diagnostics)")
        #expect(article.frontMatter.keyPoints == ["a\tb", "right\u{200F}mark"])
        let multiline = parse("---\ntitle: T\nsummary: |\n  Two\n  lines.\ndate: 2025-07-04\n---\nBody.\n")
        #expect(multiline.article?.frontMatter.summary == "Two\nlines.")
    }

    @Test func controlCharactersNeverReachTheBuiltPages() throws {
        let text = Fixtures.article(title: "Evil\\x1b[2J title")
        guard
            let failure = thrownFailure({ try SiteBuilder.build(Fixtures.sources(articles: [("a.md", text)]), settings: BuildSettings()) })
        else {
            Issue.record("a title with ESC was built")
            return
        }
        #expect(failure.diagnostics.contains { $0.message.contains("U+001B") && $0.line == 2 })
    }

    // MARK: - 22: unknown keys, extra, warnings in the preview and publish

    @Test func misspelledKeysAreErrorsWithTheNearestKey() throws {
        for (key, nearest) in [("keypoints", "keyPoints"), ("Updated", "updated"), ("tag", "tags"), ("Sumary", "summary")] {
            let outcome = parse(article("\(key): [\"x\"]"))
            #expect(outcome.article == nil, "\(key)")
            let error = try #require(errors(outcome).first)
            #expect(error.message == "Unknown key `\(key)`.")
            #expect(error.hint.contains("Did you mean `\(nearest)`?"), "\(error.hint)")
            #expect(error.hint.contains("`extra:`"))
            #expect(error.line == 5 && error.column == 1)
        }
    }

    @Test func ownFieldsGoUnderExtra() throws {
        let outcome = parse(article("extra:\n  editor: Ada\n  budget: 5\n  nested: { list: [1, 2], on: yes }"))
        #expect(outcome.article != nil)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(parse(article("extra:")).diagnostics.isEmpty)
        let notMapping = parse(article("extra: [a, b]"))
        let error = try #require(errors(notMapping).first)
        #expect(error.message.contains("`extra` must be a mapping"))
        #expect(error.line == 5)
    }

    @Test func theSeedArticleHasNoDiagnostic() throws {
        let path = Fixtures.path("Content/russia-taliban/index.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let outcome = outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: path, text: text)) }
        #expect(outcome.article != nil)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    }

    static let warning = Diagnostic(.warning, file: "Templates/home.mustache", line: 1, column: 1, message: "Unknown variable.")

    @Test func liveReloadSendsWarningsToPagesThatConnect() async throws {
        let hub = LiveReload()
        hub.broadcast(.warnings([Self.warning]))
        var late = hub.subscribe().makeAsyncIterator()
        #expect(await late.next() == .warnings([Self.warning]))
        #expect(LiveReloadEvent.warnings([Self.warning]).serverSentEvent.hasPrefix("event: warnings\ndata: {\"diagnostics\":[{"))
        #expect(LiveReloadEvent.warnings([Self.warning]).serverSentEvent.contains("\"severity\":\"warning\""))
        // The same warnings again are not resent; new ones (or none) are.
        hub.broadcast(.warnings([Self.warning]))
        hub.broadcast(.warnings([]))
        #expect(await late.next() == .warnings([]))
        // A failure wins over warnings for pages that connect.
        hub.broadcast(.warnings([Self.warning]))
        hub.broadcast(.error([Diagnostic(file: "Content/a.md", message: "Broken.")]))
        var failing = hub.subscribe().makeAsyncIterator()
        guard case .error = await failing.next() else {
            Issue.record("a page connecting during a failure did not get the error")
            return
        }
    }

    @Test func previewShowsTheWarningsOfASuccessfulBuild() async throws {
        let fixture = try Fixtures.SampleSite()
        defer { fixture.remove() }
        let home = fixture.root + "/Templates/home.mustache"
        let original = try fixture.read(home)
        try fixture.write(original.replacingOccurrences(of: "{{site.title}}", with: "{{site.title}}{{pgae.title}}"), to: home)
        let hub = LiveReload()
        let session = PreviewSession(runner: BuildRunner(paths: fixture.paths, settings: BuildSettings()), liveReload: hub)
        guard let report = try? await session.initialBuild() else {
            Issue.record("the build with a template warning failed")
            return
        }
        #expect(!report.warnings.isEmpty)
        var page = hub.subscribe().makeAsyncIterator()
        guard case .warnings(let shown) = await page.next() else {
            Issue.record("a page opened after a build with warnings was not sent them")
            return
        }
        #expect(shown == report.warnings)
        #expect(shown.contains { $0.message.contains("pgae.title") })
        // Fixing the template clears them, though no page changed (the variable rendered as
        // nothing): pages are told even when there is nothing to reload.
        try fixture.write(original, to: home)
        guard case .rebuilt(let rebuild) = await session.rebuild([home]) else {
            Issue.record("the rebuild failed")
            return
        }
        #expect(rebuild.event == nil)
        #expect(await page.next() == .warnings([]))
        #expect(LiveReloadScript.source.contains("addEventListener(\"warnings\""))
    }

    @Test func publishRefusesWarningsUnlessAllowed() throws {
        let fixture = try Fixtures.SampleSite()
        defer { fixture.remove() }
        let home = fixture.root + "/Templates/home.mustache"
        try fixture.write(try fixture.read(home).replacingOccurrences(of: "{{site.title}}", with: "{{site.title}}{{pgae.title}}"), to: home)
        let target = fixture.root + "/www"
        let content = fixture.root + "/Content"
        let templates = fixture.root + "/Templates"
        guard let failure = PublishRunner(content: content, templates: templates, target: .directory(target)).runFailure() else {
            Issue.record("publish deployed a site with warnings")
            return
        }
        #expect(failure.diagnostics.contains { $0.severity == .warning && $0.message.contains("pgae.title") })
        #expect(failure.diagnostics.contains { $0.severity == .error && $0.hint.contains("--allow-warnings") })
        #expect(!FileManager.default.fileExists(atPath: target))
        let report = try PublishRunner(content: content, templates: templates, target: .directory(target), allowWarnings: true).run()
        #expect(report.warnings.contains { $0.message.contains("pgae.title") })
        #expect(FileManager.default.fileExists(atPath: target + "/index.html"))
    }

    // MARK: - Dates

    @Test func timestampsWithAZoneKeepTheCalendarDate() throws {
        for text in [
            "2025-07-04T10:00:00+02:00", "2025-07-04T23:30:00Z", "2025-07-04 10:00:00.25 -5", "2025-07-04t00:00:00 Z",
            "\"2025-07-04T10:00:00-11:30\"",
        ] {
            let outcome = parse("---\ntitle: T\nsummary: S\ndate: \(text)\n---\nBody.\n")
            let article = try #require(outcome.article, "\(text): \(outcome.diagnostics)")
            #expect(article.frontMatter.date == ArticleDate(year: 2025, month: 7, day: 4))
            #expect(outcome.diagnostics.isEmpty)
        }
    }

    @Test func impossibleDatesAndTimesAreErrorsAtTheirLine() throws {
        for text in [
            "2025-07-04T99:99:99Z", "2025-07-04T24:00:00Z", "2025-07-04T10:60:00", "2025-07-04T10:00:61",
            "2025-07-04T10:00:00+25:00", "2025-07-04T10:00", "2025-02-30", "2025-02-30T10:00:00Z", "2025-07-04TT",
        ] {
            let outcome = parse(article("updated: \(text)"))
            let error = try #require(errors(outcome).first, "\(text)")
            #expect(error.message.contains("`updated` must be a date"), "\(error)")
            #expect(error.line == 5 && error.column == 10)
        }
    }

    @Test func updatedBeforeDateIsAnError() throws {
        let outcome = parse(article("tags: [A]\nupdated: 2025-07-03"))
        let error = try #require(errors(outcome).first)
        #expect(outcome.article == nil)
        #expect(error.message.contains("earlier than `date: 2025-07-04`"))
        #expect(error.line == 6)
        #expect(parse(article("updated: 2025-07-04")).diagnostics.isEmpty)
    }
}
