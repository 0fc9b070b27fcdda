import Testing

@testable import ExplainerKit

/// The authors file (`Content/authors.yml`) and `authors:` in the front matter: what is read,
/// and every mistake reported at its line with what to do.
@Suite("Authors file")
struct AuthorsFileTests {
    @Test func theFileIsReadInOrderWithEveryField() throws {
        let authors = try AuthorsFileDecoder.decode(SourceFile(path: "Content/authors.yml", text: BylineFixtures.authorsYML))
        #expect(authors.all.map(\.key) == ["ana-diaz", "ben-lee"])
        let ana = try #require(authors["ana-diaz"])
        #expect(ana.name == "Ana Díaz" && ana.role == "Chief correspondent" && ana.url == "https://example.org/ana")
        #expect(ana.bio == "Covers Central Asia.")
        #expect(ana.links == [ExternalLink(text: "Mastodon", url: "https://example.social/@ana")])
        #expect(ana.location == SourceLocation(line: 1, column: 1))
        #expect(authors["ben-lee"]?.url == nil && authors["ben-lee"]?.links == [])
    }

    @Test func mistakesInTheFileAreErrorsAtTheirLineAndColumn() {
        let yml = """
            ana-diaz:
              role: Correspondent
            ben-lee:
              name: Ben Lee
              rol: Editor
            Chloé Martin:
              name: Chloé
            dan:
              name: Dan
              url: example.org/dan
            eve: Eve Adams
            """
        let problems = BylineFixtures.failure(BylineFixtures.sources([], authors: yml))
        func problem(_ words: String) -> Diagnostic? { problems.first { $0.message.contains(words) } }
        let missing = problem("has no `name:`")
        #expect(missing?.file == "Content/authors.yml" && missing?.line == 2 && missing?.hint.contains("name:") == true)
        let unknown = problem("Unknown key `rol`")
        #expect(unknown?.line == 5 && unknown?.column == 3 && unknown?.hint.contains("Did you mean `role`?") == true)
        let key = problem("is not a valid slug")
        #expect(key?.line == 6 && key?.column == 1 && key?.hint.contains("lowercase letters") == true)
        let url = problem("must be a web address")
        #expect(url?.line == 10 && url?.column == 8)
        let shape = problem("must be a mapping")
        #expect(shape?.line == 11 && shape?.hint.contains("name:") == true)
        #expect(problems.allSatisfy { $0.severity == .error && $0.file == "Content/authors.yml" })
    }

    @Test func aYAMLErrorIsReportedInTheFile() {
        let problems = BylineFixtures.failure(BylineFixtures.sources([], authors: "ana: { name: [Ana\n"))
        #expect(problems.contains { $0.file == "Content/authors.yml" && $0.line != nil })
    }

    @Test func authorsTakesAKeyOrAList() throws {
        let one = try ArticleParser.parse(SourceFile(path: "Content/a.md", text: BylineFixtures.article(authors: "ana-diaz")))
        #expect(one.frontMatter.authors.map(\.key) == ["ana-diaz"])
        let two = try ArticleParser.parse(
            SourceFile(path: "Content/a.md", text: BylineFixtures.article(authors: "[ben-lee, ana-diaz]")))
        #expect(two.frontMatter.authors.map(\.key) == ["ben-lee", "ana-diaz"])
        // The list's items are located: the byline's errors point at them.
        let location = try #require(two.frontMatter.authors.last?.location)
        let line = BylineFixtures.article(authors: "[ben-lee, ana-diaz]").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("authors:") }
        #expect(location.line == (line ?? 0) + 1 && location.column == 20)
    }

    @Test func aWrongAuthorsValueIsAnErrorAtItsLine() {
        for (value, words) in [
            ("42", "must be an author key"), ("[ana-diaz, ana-diaz]", "named twice"), ("[\"Ana Díaz\"]", "not an author key"),
        ] {
            let text = BylineFixtures.article(authors: value)
            let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("authors:") } ?? 0) + 1
            let problems = BylineFixtures.failure(BylineFixtures.sources([("a.md", text)]))
            #expect(problems.contains { $0.message.contains(words) && $0.line == line && $0.file == "Content/a.md" }, "\(value)")
        }
    }

    @Test func anUnknownAuthorIsAnErrorAtItsLineWithTheNearestKey() {
        let text = BylineFixtures.article(authors: "\n  - ana-diaz\n  - ben-le")
        let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  - ben-le" } ?? 0) + 1
        let problems = BylineFixtures.failure(BylineFixtures.sources([("a.md", text)]))
        #expect(problems.count == 1)
        let problem = problems.first
        #expect(problem?.file == "Content/a.md" && problem?.line == line && problem?.column == 5)
        #expect(problem?.message.contains("Unknown author `ben-le`") == true)
        #expect(problem?.hint.contains("Did you mean `ben-lee`?") == true)
    }

    @Test func namingAnAuthorWithoutAnAuthorsFileIsAnError() {
        let problems = BylineFixtures.failure(BylineFixtures.sources([("a.md", BylineFixtures.article(authors: "ana-diaz"))], authors: nil))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("the site has no authors file (Content/authors.yml)") == true)
        #expect(problems.first?.hint.contains("Create Content/authors.yml") == true)
    }

    @Test func aSiteWithoutAuthorsBuildsAsBefore() throws {
        let build = try SiteBuilder.build(BylineFixtures.sources([("a.md", BylineFixtures.article())], authors: nil))
        #expect(!build.files.contains { $0.path.hasPrefix("authors/") })
        let overview = try build.page("a/index.html")
        #expect(!overview.contains("class=\"byline\"") && !overview.contains(">Authors</a>"))
        let author = try BylineFixtures.jsonLD(overview)["author"] as? [String: Any]
        #expect(author?["@type"] as? String == "Organization" && author?["name"] as? String == "Test desk")
    }

    @Test func theReaderReadsTheAuthorsFileAndTheWatcherSkipsIt() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": BylineFixtures.article(authors: "ben-lee")])
        Fixtures.write(["Content/authors.yml": BylineFixtures.authorsYML], into: folder)
        let sources = try SiteSourceReader.read(content: folder + "/Content", templates: folder + "/Templates")
        #expect(sources.authors?.path == folder + "/Content/authors.yml")
        #expect(sources.articles.count == 1 && !sources.readDiagnostics.contains { $0.file.hasSuffix("authors.yml") })
        #expect(ContentNames.kind(of: "authors.yml") == .config && ContentNames.kind(of: "x/authors.yml") == .other)
        let build = try SiteBuilder.build(sources)
        #expect(build.text("authors/ben-lee/index.html") != nil)
    }
}
