import Testing

@testable import ExplainerKit

/// `aliases:` in front matter: the forms an author writes, normalised to `/path/`, and every
/// entry that is no old path of the site an error at its own line and column.
@Suite("Redirects: decoding aliases")
struct RedirectDecodingTests {
    typealias F = RedirectFixtures

    func parse(_ text: String) -> Result<Article, BuildFailure> {
        outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: "Content/a.md", text: text)) }
    }

    @Test func everyFormIsNormalisedToASlashedPathInTheOrderWritten() throws {
        let text = F.explainer(
            "A",
            """
            aliases:
              - old-slug
              - /older
              - "/oldest/"
              - /old-slug/history/
              - https://TEST.example/full/path
            """)
        let aliases = try #require(parse(text).article).frontMatter.aliases
        #expect(aliases.map(\.path) == ["/old-slug/", "/older/", "/oldest/", "/old-slug/history/", "/full/path/"])
        #expect(aliases.map(\.origin) == [nil, nil, nil, nil, "https://test.example"])
        #expect(aliases.map { $0.location?.line } == [8, 9, 10, 11, 12].map { Optional($0) })
        #expect(aliases.first?.location?.column == 5)
    }

    @Test func aSingleStringIsOneAlias() throws {
        let aliases = try #require(parse(F.explainer("A", "aliases: old-slug")).article).frontMatter.aliases
        #expect(aliases.map(\.path) == ["/old-slug/"])
    }

    @Test(arguments: [
        ("\"\"", "is empty"),
        ("/", "is the site's root"),
        ("/a/../b/", "has a `..` part"),
        ("./b", "has a `.` part"),
        ("/old?page=2", "has a query"),
        ("/old/#history", "has a query (`?…`) or a fragment"),
        ("ftp://test.example/old/", "only `https://` and `http://`"),
        ("//test.example/old/", "starts with `//`"),
        ("\"/old slug/\"", "contains ` `"),
        ("/café/", "not ASCII"),
        ("/a//b/", "empty part"),
        ("/.git/", "starting with `.`"),
        ("https:///old/", "has no host"),
    ])
    func aBadEntryIsAnErrorAtItsLineAndColumn(entry: String, message: String) throws {
        let text = F.explainer("A", "aliases:\n  - fine\n  - \(entry)")
        let problems = parse(text).diagnostics
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.line == 9 && problem.column == 5)
        #expect(problem.file == "Content/a.md" && !problem.hint.isEmpty)
    }

    @Test func aMappingOrATwiceListedAliasIsAnError() throws {
        let mapping = parse(F.explainer("A", "aliases: { old: new }")).diagnostics
        #expect(mapping.count == 1 && mapping[0].message.contains("must be a list of old paths") && mapping[0].line == 7)
        let twice = parse(F.explainer("A", "aliases: [old, /old/]")).diagnostics
        #expect(twice.count == 1 && twice[0].message.contains("listed twice") && twice[0].column == 16)
    }

    @Test func aMistypedKeyNamesAliases() throws {
        let problems = parse(F.explainer("A", "alias: [old]")).diagnostics
        #expect(problems.contains { $0.hint.contains("aliases") })
    }

    @Test func aFullURLMustBeOnTheSiteAndBelowItsBasePath() throws {
        func problems(_ alias: String, baseURL: String = "https://test.example") -> [String] {
            F.problems(F.sources([("a.md", F.explainer("A", "aliases: [\"\(alias)\"]"))], baseURL: baseURL)).map(\.message)
        }
        #expect(
            problems("https://other.example/old/") == [
                "The alias `https://other.example/old/` is on another host than the site's base URL, https://test.example/."
            ])
        #expect(problems("http://test.example/old/").first?.contains("another host") == true)
        #expect(problems("https://test.example/old/", baseURL: "https://test.example/explainers").first?.contains("not below") == true)
        #expect(
            problems("https://test.example/explainers/", baseURL: "https://test.example/explainers").first?.contains("home page") == true)
        #expect(problems("https://test.example/explainers/old/", baseURL: "https://test.example/explainers") == [])
        #expect(problems("https://test.example/old/") == [])
    }

    @Test func anAliasOfTheExplainersOwnAddressIsAnErrorAtItsLine() throws {
        let text = F.explainer("A", "slug: new-slug\naliases: [old, new-slug]")
        let problems = F.problems(F.sources([("a.md", text)]))
        #expect(problems.map(\.message) == ["The alias `/new-slug/` is this explainer's own address."])
        #expect(problems.first?.line == 8 && problems.first?.file == "Content/a.md")
    }
}
