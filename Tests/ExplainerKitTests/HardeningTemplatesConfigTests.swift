import Foundation
import Mustache
import Testing

@testable import ExplainerKit

/// Issue 11, classes 11, 17 and 18 and site.yml's unknown keys: template cycles and deep
/// nesting are template errors (never a stack overflow); one base URL rule for `site.yml` and
/// `--base-url`; booleans are YAML booleans only; unknown `site.yml` keys are errors.
@Suite("Hardening: templates and site configuration")
struct HardeningTemplatesConfigTests {
    // MARK: Class 11: template cycles and depth

    /// The page templates (each `x`) plus `extra`, as files below `T/`.
    static func templateFiles(_ extra: [String: String], home: String = "x") -> [SourceFile] {
        var texts = Dictionary(uniqueKeysWithValues: Page.Kind.allCases.map { ($0.template, "x") })
        texts["home"] = home
        texts.merge(extra) { $1 }
        return texts.map { SourceFile(path: "T/\($0.key).mustache", text: $0.value) }
    }

    static func loadFailure(_ extra: [String: String], home: String = "x") throws -> [Diagnostic] {
        try #require(throws: BuildFailure.self) { try TemplateSet.load(templateFiles(extra, home: home), folder: "T") }.diagnostics
    }

    @Test func partialIncludingItselfIsATemplateErrorAtItsTag() throws {
        let diagnostics = try Self.loadFailure(["partials/a": "<p>\n  {{>partials/a}}\n</p>\n"], home: "{{>partials/a}}")
        let error = try #require(diagnostics.first { $0.message.contains("cycle") })
        #expect(error.message.contains("`partials/a` includes itself"), "\(error.message)")
        #expect(error.file == "T/partials/a.mustache" && error.line == 2 && error.column == 3)
        #expect(error.severity == .error && !error.hint.isEmpty)
    }

    @Test func cycleThroughOtherPartialsNamesEachStep() throws {
        let diagnostics = try Self.loadFailure(
            [
                "partials/a": "a {{>partials/b}}",
                "partials/b": "{{#site}}\n b {{>partials/c}}{{/site}}",
                "partials/c": "{{>partials/a}}",
            ], home: "{{>partials/b}}")
        let cycles = diagnostics.filter { $0.message.contains("cycle") }
        #expect(cycles.count == 1, "\(cycles)")
        let error = try #require(cycles.first)
        #expect(
            error.message.contains("includes `partials/c`, which includes `partials/a`, which includes `partials/b`"), "\(error.message)")
        #expect(error.file == "T/partials/b.mustache" && error.line == 2 && error.column == 4)
    }

    @Test func layoutInheritanceCycleIsATemplateError() throws {
        let diagnostics = try Self.loadFailure(
            [
                "layout": "{{<base}}{{$content}}x{{/content}}{{/base}}",
                "base": "<main>{{<layout}}{{/layout}}</main>",
            ], home: "{{<layout}}{{$content}}home{{/content}}{{/layout}}")
        let error = try #require(diagnostics.first { $0.message.contains("cycle") })
        #expect(error.message.contains("`base` inherits from `layout`, which inherits from `base`"), "\(error.message)")
        #expect(error.file == "T/base.mustache" && error.line == 1 && error.column == 7)
    }

    /// A block override reaches every expansion of its block below its parent tag, in any
    /// template: a partial that expands the block the override includes it from is a cycle,
    /// though no template names itself.
    @Test func cycleThroughABlockOverrideIsATemplateError() throws {
        let layout = "<main>{{$content}}{{/content}}</main>"
        let expanding = try Self.loadFailure(
            ["layout": layout, "partials/p1": "p1 {{#site}}{{$content}}{{/content}}{{/site}}"],
            home: "{{<layout}}\n{{$content}}x {{>partials/p1}}{{/content}}{{/layout}}")
        let error = try #require(expanding.first { $0.message.contains("cycle") }, "\(expanding)")
        #expect(
            error.message.contains("`partials/p1` expands the block `content`, which in its override in `home` includes `partials/p1`"),
            "\(error.message)")
        #expect(error.file == "T/partials/p1.mustache" && error.line == 1 && error.column == 13)
        // A partial inheriting the layout inside the layout's own override.
        let nested = try Self.loadFailure(
            ["layout": layout, "partials/box": "{{<layout}}{{$content}}inner{{/content}}{{/layout}}"],
            home: "{{<layout}}{{$content}}{{>partials/box}}{{/content}}{{/layout}}")
        #expect(
            nested.contains {
                $0.message.contains("cycle")
                    && $0.message.contains(
                        "`layout` expands the block `content`, which in its override in `home` includes `partials/box`, which inherits from `layout`"
                    )
            }, "\(nested)")
        // An override that expands its own block.
        let own = try Self.loadFailure(["layout": layout], home: "{{<layout}}{{$content}}[{{$content}}{{/content}}]{{/content}}{{/layout}}")
        #expect(
            own.contains { $0.message.contains("the block `content` in its override in `home` expands itself") && $0.column == 25 },
            "\(own)")
        // Overrides that only fill blocks, as the repository's templates do, are fine.
        let fine = Self.templateFiles(
            ["layout": layout + "{{$nav}}{{/nav}}", "partials/nav": "<nav>{{$links}}none{{/links}}</nav>"],
            home: "{{<layout}}{{$nav}}{{>partials/nav}}{{/nav}}{{$content}}{{>partials/nav}}{{/content}}{{/layout}}")
        #expect(throws: Never.self) { try TemplateSet.load(fine, folder: "T") }
    }

    @Test func cycleBehindChangedDelimitersAndDynamicPartialsAreErrors() throws {
        let delimited = try Self.loadFailure(["partials/a": "{{=<% %>=}}\n<p><%> partials/a %></p>"], home: "{{>partials/a}}")
        let cycle = try #require(delimited.first { $0.message.contains("cycle") })
        #expect(cycle.line == 2 && cycle.column == 4)
        // Delimiters swift-mustache matches by canonical equivalence (é as e + U+0301) are refused.
        let accented = try Self.loadFailure(["partials/a": "x\n {{=\u{E9} \u{E9}=}}e\u{301}>partials/a e\u{301}"], home: "{{>partials/a}}")
        #expect(accented.contains { $0.message.contains("not ASCII") && $0.line == 2 && $0.column == 2 }, "\(accented)")
        let dynamic = try Self.loadFailure([:], home: "{{>*site.title}}")
        #expect(dynamic.contains { $0.message.contains("dynamic partials") && $0.line == 1 && $0.column == 1 })
    }

    @Test func deepAcyclicChainsAreRefusedNotOverflowed() throws {
        // 10,000 partials, each including the next.
        var chain: [String: String] = [:]
        for i in 0..<10_000 { chain["p\(i)"] = i == 9_999 ? "end" : "<{{>p\(i + 1)}}>" }
        let diagnostics = try Self.loadFailure(chain, home: "{{>p0}}")
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(
            error.message.contains("nests 10000 levels deep") && error.message.contains("the limit is \(TemplateGraph.maximumDepth)"),
            "\(error.message)")
        #expect(error.file == "T/home.mustache" && error.line == 1 && error.column == 1)
        // A cycle through 10,000 partials: one error, told briefly.
        var cycle = chain
        cycle["p9999"] = "{{>p0}}"
        let cycles = try Self.loadFailure(cycle, home: "{{>p0}}")
        #expect(cycles.count == 1 && cycles[0].message.contains("(10000 steps in all), which includes `p0`"), "\(cycles)")
        #expect(cycles[0].message.count < 300)
        // 10,000 nested sections in one template (swift-mustache parses them recursively).
        let nested = String(repeating: "{{#site}}", count: 10_000) + String(repeating: "{{/site}}", count: 10_000)
        let sections = try Self.loadFailure([:], home: "\n" + nested)
        #expect(sections.contains { $0.message.contains("nest 101 levels deep") && $0.line == 2 && $0.column == 1 + 9 * 100 })
        // 100,000 nested transforms in one tag (parsed recursively too).
        let transforms =
            "{{#site}}{{" + String(repeating: "lowercased(", count: 100_000) + "title" + String(repeating: ")", count: 100_000)
            + "}}{{/site}}"
        let transformed = try Self.loadFailure([:], home: transforms)
        #expect(transformed.contains { $0.message.contains("nest 100002 levels deep") && $0.column == 10 }, "\(transformed)")
    }

    /// The deepest chain allowed renders, with both renderers, on the build's worker threads.
    @Test func deepestAllowedChainRendersTheSameWithBothRenderers() throws {
        var sources = Fixtures.sources(articles: [("a.md", Fixtures.article()), ("b.md", Fixtures.article(title: "B"))])
        let depth = TemplateGraph.maximumDepth / 2 - 5
        for i in 0..<depth {
            let next = i == depth - 1 ? "{{site.title}}" : "{{#site}}{{>partials/deep\(i + 1)}}{{/site}}"
            sources.templates.append(SourceFile(path: sources.templatesFolder + "/partials/deep\(i).mustache", text: next))
        }
        for (index, file) in sources.templates.enumerated() where file.path.hasSuffix("/layout.mustache") {
            let text = String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: "</body>", with: "{{>partials/deep0}}</body>")
            sources.templates[index] = SourceFile(path: file.path, text: text)
        }
        let build = try SiteBuilder.build(sources)
        #expect(build.text("index.html")?.contains("Test site</body>") == true)
        try PerformanceTests.compareRenderers(sources)
    }

    @Test func repositoryTemplatesAreFarFromTheDepthLimit() throws {
        let (templates, _) = Fixtures.repoTemplates()
        #expect(throws: Never.self) { try TemplateSet.load(templates, folder: Fixtures.path("Templates")) }
        var graph: [TemplateGraph.Template] = []
        for file in templates {
            graph.append(
                TemplateGraph.Template(
                    name: file.path, path: file.path, scan: TemplateScanner.scan(String(decoding: file.bytes, as: UTF8.self))))
        }
        #expect(graph.allSatisfy { ($0.scan.deepest?.level ?? 0) < 10 })
    }

    // MARK: Class 17: one base URL rule

    @Test(arguments: [
        ("https://example.org", "https://example.org"),
        ("https://example.org/", "https://example.org"),
        ("HTTPS://Example.ORG/explainers/", "https://example.org/explainers"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://[::1]:8000/a%20b", "https://[::1]:8000/a%20b"),
        ("http://127.0.0.1:080/a/b-c_d~e/", "http://127.0.0.1:80/a/b-c_d~e"),
    ])
    func usableBaseURLsAreNormalisedInOnePlace(given: String, normalised: String) throws {
        #expect(try BaseURL.validate(given) == normalised)
    }

    @Test(arguments: [
        ("http://", "no host"), ("https://", "no host"), ("https:///x", "no host"),
        ("https://exa mple.org", "space"), ("https://example.org/a b", "space"),
        ("https://user:pass@example.org", "user name or password"), ("https://@example.org", "user name"),
        ("https://example.org:99999", "port"), ("https://example.org:0", "port"), ("https://example.org:", "port"),
        ("https://example.org:8o", "port"),
        ("https://example.org/?x=1", "query"), ("https://example.org#top", "fragment"),
        ("ftp://example.org", "scheme"), ("javascript://alert(1)", "scheme"), ("example.org", "https://"),
        ("https://bücher.example", "printable ASCII"), ("https://a\u{1B}b.example", "printable ASCII"),
        ("https://ex_ample.org", "host"), ("https://-x.org", "host"), ("https://x..org", "host"),
        ("https://x.org//a", "segment"), ("https://x.org/../a", "segment"), ("https://x.org/%zz", "percent"),
        ("https://x.org/a\"b", "path has `\"`"), ("https://x.org/<b>", "path has `<`"), ("https://x.org/a\\b", "path has `\\`"),
        ("https://x.org\\a", "host"), ("http:/x.org", "absolute"), ("https://[::1", "IPv6"), ("https://[zz]", "IPv6"),
        ("", "empty"),
    ])
    func unusableBaseURLsAreRefusedWithTheReason(given: String, reason: String) throws {
        let problem = try #require(BaseURL.problem(given))
        #expect(problem.reason.contains(reason), "\(given): \(problem.reason)")
        // site.yml: an error at the line of `baseURL`, with the same sentence.
        let quoted = given.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{1B}", with: "\\e")
        let yml = "title: X\nbaseURL: \"\(quoted)\"\n"
        let failure = try #require(
            outcome { () throws(BuildFailure) in try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: yml)) }
                .failureValue)
        // A control character is refused as in every text field of site.yml, before the URL rule.
        let control = given.unicodeScalars.contains { $0.properties.generalCategory == .control }
        let error = try #require(
            failure.diagnostics.first {
                control ? $0.message.contains("U+001B") : $0.message.contains("base URL") || $0.message.contains("`baseURL` is empty")
            })
        #expect(error.line == 2)
        if !control { #expect(error.column == 10) }
        if !given.isEmpty && !control {
            #expect(error.message == problem.message(naming: "baseURL"))
            // --base-url: the same sentence, naming the flag.
            #expect(BaseURL.flagProblem(given)?.message == problem.message(naming: "--base-url"))
        }
    }

    /// Every build refuses an unusable override (publish's, the preview's), naming the flag.
    @Test func everyBuildRefusesAnUnusableBaseURLOverride() throws {
        let sources = Fixtures.sources(articles: [("a.md", Fixtures.article())])
        let failure = try #require(thrownFailure { try SiteBuilder.build(sources, settings: BuildSettings(baseURL: "https://a b")) })
        #expect(failure.diagnostics.contains { $0.file == "--base-url" && $0.message.contains("space") })
        let published = try #require(
            PublishRunner(
                content: Fixtures.path("Content"), templates: Fixtures.path("Templates"), baseURL: "http://",
                target: .directory(Fixtures.temporaryFolder() + "/www")
            ).runFailure())
        #expect(published.diagnostics.map(\.message) == [try #require(BaseURL.problem("http://")).message(naming: "--base-url")])
        let build = try SiteBuilder.build(sources, settings: BuildSettings(baseURL: "https://host.example/x/"))
        #expect(build.text("sitemap.xml")?.contains("https://host.example/x/a/") == true)
    }

    @Test func siteYMLBaseURLIsStoredNormalised() throws {
        let config = try SiteConfigDecoder.decode(
            SourceFile(path: "Content/site.yml", text: "title: X\nbaseURL: HTTPS://Host.example/explainers/\n"))
        #expect(config.baseURL == "https://host.example/explainers")
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func baseURLFlagIsRefusedByTheCLIWithTheSameSentence() throws {
        let folder = Fixtures.temporaryFolder()
        let (status, text) = try CLIProcess.run(
            try #require(InterruptedBuildTests.binary),
            ["publish", "--base-url", "https://user:pw@example.org:70000", "--to", folder + "/www"])
        #expect(status == 64, "\(text)")
        let problem = try #require(BaseURL.problem("https://user:pw@example.org:70000"))
        #expect(text.contains(problem.message(naming: "--base-url")), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/www"))
    }

    // MARK: Class 18: booleans are YAML booleans; homePageSize is bounded

    static func siteConfig(_ extra: String) -> Result<SiteConfig, BuildFailure> {
        outcome { () throws(BuildFailure) in
            try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: "title: X\nbaseURL: https://x.org\n\(extra)\n"))
        }
    }

    @Test(arguments: ["\"on\"", "\"true\"", "'yes'", "yes", "on", "1", "0", "\"\"", "[true]", "True1"])
    func onlyTheYAMLBooleanTurnsUnsafeHTMLOn(value: String) throws {
        let failure = try #require(Self.siteConfig("unsafeHTML: \(value)").failureValue, "\(value) was accepted")
        let error = try #require(failure.diagnostics.first)
        #expect(error.line == 3 && error.column == 13)
        #expect(error.message.contains("`unsafeHTML` must be `true` or `false`") && error.hint.contains("`unsafeHTML: true`"))
    }

    @Test func unsafeHTMLIsOnOnlyForTrue() throws {
        #expect(try Self.siteConfig("unsafeHTML: true").get().unsafeHTML)
        #expect(try Self.siteConfig("unsafeHTML: TRUE").get().unsafeHTML)
        #expect(try !Self.siteConfig("unsafeHTML: false").get().unsafeHTML)
        #expect(try !Self.siteConfig("").get().unsafeHTML)
    }

    @Test func draftMustBeAYAMLBooleanToo() throws {
        let parsed = outcome { () throws(BuildFailure) in
            try ArticleParser.parse(SourceFile(path: "Content/a.md", text: Fixtures.article(extraFrontMatter: "draft: \"yes\"")))
        }
        #expect(parsed.article == nil)
        #expect(parsed.diagnostics.contains { $0.message.contains("`draft` must be `true` or `false`") }, "\(parsed.diagnostics)")
    }

    @Test(arguments: ["0", "-1", "10001", "\"20\"", "5.5", "1e3", "ten", "true"])
    func homePageSizeMustBeAPositiveBoundedWholeNumber(value: String) throws {
        let failure = try #require(Self.siteConfig("homePageSize: \(value)").failureValue, "\(value) was accepted")
        #expect(failure.diagnostics.first?.line == 3)
        #expect(failure.diagnostics.first?.message.contains("from 1 to 10000") == true)
        #expect(try Self.siteConfig("homePageSize: 7").get().homePageSize == 7)
    }

    // MARK: Unknown site.yml keys

    @Test func unknownSiteKeyIsAnErrorNamingTheNearestKey() throws {
        let failure = try #require(Self.siteConfig("homepagesize: 5\nunsafeHtml: true").failureValue)
        let errors = failure.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.message == "Unknown key `homepagesize`." && errors.first?.hint.contains("`homePageSize`") == true)
        #expect(errors.first?.line == 3 && errors.first?.column == 1)
        #expect(errors.last?.hint.contains("Did you mean `unsafeHTML`?") == true)
    }

    @Test func repositorySiteYMLIsValid() throws {
        let file = SourceFile(
            path: "Content/site.yml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Content/site.yml")))))
        let config = try SiteConfigDecoder.decode(file)
        #expect(config.baseURL == "https://explainer.example.org")
    }
}
