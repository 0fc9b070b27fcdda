import Testing

@testable import ExplainerKit

@Suite("Content loading")
struct ContentLoadingTests {
    func parse(_ text: String, path: String = "Content/a.md") -> Result<Article, BuildFailure> {
        outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: path, text: text)) }
    }

    func onlyError(_ outcome: Result<Article, BuildFailure>) -> Diagnostic? {
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        return errors.count == 1 ? errors[0] : nil
    }

    @Test func decodesTheFrontMatter() throws {
        let outcome = parse(Fixtures.article())
        let article = try #require(outcome.article)
        #expect(article.slug == "a")
        #expect(article.frontMatter.title == "Test explainer")
        #expect(article.frontMatter.date == ArticleDate(year: 2025, month: 1, day: 2))
        #expect(article.frontMatter.tags == ["One", "Two"])
        #expect(article.frontMatter.sections.map(\.key) == ["history", "risks"])
        #expect(article.frontMatter.sections.first?.location == SourceLocation(line: 7, column: 3))
        #expect(article.frontMatter.timeline.map { $0.span?.point } == [1990.5, 2020.5])
        #expect(article.body.hasPrefix("The lede paragraph."))
        #expect(article.bodyStartLine == 15)
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test func missingRequiredFieldNamesFileAndSaysWhatToAdd() throws {
        let outcome = parse("---\ntitle: T\ndate: 2025-01-01\n---\nBody\n")
        let error = try #require(onlyError(outcome))
        #expect(error.file == "Content/a.md")
        #expect(error.message.contains("`summary`"))
        #expect(error.hint.contains("summary:"))
        #expect(error.line == 2)
    }

    @Test func wrongTypesPointAtTheValue() throws {
        let outcome = parse("---\ntitle: T\nsummary: S\ndate: yesterday\ntags: 5\n---\nBody\n")
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        let date = try #require(errors.first { $0.message.contains("`date`") })
        #expect(date.line == 4 && date.column == 7)
        let tags = try #require(errors.first { $0.message.contains("`tags`") })
        #expect(tags.line == 5 && tags.column == 7)
        #expect(tags.message.contains("number"))
    }

    @Test func yamlSyntaxErrorHasFileLineAndColumn() throws {
        let outcome = parse("---\ntitle: T\nsummary: [unclosed\ndate: 2025-01-01\n---\nBody\n")
        let error = try #require(onlyError(outcome))
        #expect(error.message.hasPrefix("YAML syntax error"))
        #expect(error.line != nil && error.line! >= 3)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("Content/a.md:\(error.line!):\(error.column!): error:"))
    }

    @Test func duplicateKeysAreAnError() throws {
        let outcome = parse("---\ntitle: T\ntitle: U\nsummary: S\ndate: 2025-01-01\n---\nBody\n")
        let error = try #require(onlyError(outcome))
        #expect(error.message.contains("Duplicate key `title`"))
    }

    @Test func unknownKeyIsAnErrorWithNearestKnownKey() throws {
        let outcome = parse("---\ntitle: T\nsumary: S\nsummary: S\ndate: 2025-01-01\n---\nBody\n")
        #expect(outcome.article == nil)
        let warning = try #require(outcome.diagnostics.first)
        #expect(warning.severity == .error)
        #expect(warning.message.contains("`sumary`"))
        #expect(warning.hint.contains("Did you mean `summary`?"))
        #expect(warning.line == 3 && warning.column == 1)
    }

    @Test func frontMatterNotClosedOrMissingOrEmpty() throws {
        #expect(onlyError(parse("---\ntitle: T\n"))?.message.contains("never closed") == true)
        #expect(onlyError(parse("# Just Markdown\n"))?.message.contains("no front matter") == true)
        #expect(onlyError(parse(""))?.message.contains("empty") == true)
        #expect(onlyError(parse("---\n- a\n- b\n---\n"))?.message.contains("not a list") == true)
    }

    @Test func bomAndCRLFAreAcceptedAndGiveTheSameArticle() throws {
        let lf = try #require(parse(Fixtures.article()).article)
        let crlfText = Fixtures.article().replacingOccurrences(of: "\n", with: "\r\n")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(crlfText.utf8)
        let crlf = try ArticleParser.parse(SourceFile(path: "Content/a.md", bytes: bytes))
        #expect(crlf == lf)
    }

    @Test func binaryAndNonUTF8FilesAreRefused() throws {
        let binary = outcome { () throws(BuildFailure) in
            try ArticleParser.parse(SourceFile(path: "Content/b.md", bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01]))
        }
        #expect(onlyError(binary)?.message.contains("binary") == true)
        let latin1 = outcome { () throws(BuildFailure) in
            try ArticleParser.parse(SourceFile(path: "Content/c.md", bytes: Array("---\ntitle: ".utf8) + [0xE9] + Array("\n---\n".utf8)))
        }
        let error = try #require(onlyError(latin1))
        #expect(error.message.contains("UTF-8"))
        #expect(error.line == 2 && error.column == 8)
    }

    @Test func slugsAreSafe() {
        #expect(Slug.make("Afghanistan's historical context") == "afghanistans-historical-context")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("Crème brûlée / Ünïcode") == "creme-brulee-unicode")
        #expect(Slug.make("A risky move?") == "a-risky-move")
        #expect(Slug.make("日本") == "日本")  // letters of every script count
        #expect(Slug.make("😀") == "")
        #expect(!Slug.isValid("a/b"))
        #expect(Slug.isValid("a-b"))
    }

    @Test func badSlugInFrontMatterIsRefused() throws {
        let outcome = parse(Fixtures.article(extraFrontMatter: "slug: ../escape"))
        let error = try #require(onlyError(outcome))
        #expect(error.message.contains("not a valid slug"))
        #expect(error.hint.contains("escape"))
    }

    @Test func siteConfigErrorsNameTheFile() throws {
        let failure = try #require(
            outcome { () throws(BuildFailure) in
                try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: "title: X\nbaseURL: example.org\n"))
            }.failureValue)
        #expect(failure.diagnostics.first?.file == "Content/site.yml")
        #expect(failure.diagnostics.first?.line == 2)
        #expect(failure.diagnostics.first?.message.contains("absolute") == true)
    }
}
