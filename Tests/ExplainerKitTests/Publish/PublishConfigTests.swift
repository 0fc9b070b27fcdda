import Testing

@testable import ExplainerKit

/// `site.yml`'s `publish:`: decoded with its defaults, problems at their line and column, and
/// reachable from a build.
@Suite struct PublishConfigTests {
    static let head = "title: T\nbaseURL: https://a.example\n"

    static func decode(_ yml: String) throws(BuildFailure) -> SiteConfig {
        try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: head + yml))
    }

    static func problems(_ yml: String) -> [Diagnostic] {
        do {
            _ = try decode(yml)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func absentMeansTheDefaults() throws {
        #expect(try Self.decode("").publish == .standard)
        #expect(try Self.decode("publish: {}\n").publish == .standard)
    }

    @Test func everyKeyIsRead() throws {
        let config = try Self.decode(
            """
            publish:
              cacheControl:
                immutable: "public, max-age=600"
                pages: no-cache
                other: "public, max-age=60"
              gzip: false

            """)
        #expect(
            config.publish
                == ObjectHeaderRules(immutable: "public, max-age=600", pages: "no-cache", other: "public, max-age=60", gzip: false))
        let partial = try Self.decode("publish:\n  cacheControl: { pages: no-store }\n")
        #expect(partial.publish.pages == "no-store" && partial.publish.immutable == ObjectHeaderRules.standard.immutable)
        #expect(partial.publish.gzip)
    }

    @Test func problemsAreReportedWhereTheyAre() {
        let unknown = Self.problems("publish:\n  cacheControl:\n    page: no-cache\n")
        #expect(unknown.count == 1)
        #expect(unknown.first?.line == 5 && unknown.first?.column == 5)
        #expect(unknown.first?.hint.contains("Did you mean `pages`") == true)
        let gzip = Self.problems("publish:\n  gzip: yes\n")
        #expect(gzip.first?.line == 4 && gzip.first?.message.contains("`gzip` must be `true` or `false`") == true)
        let ascii = Self.problems("publish:\n  cacheControl: { other: \"max-age=60 ✓\" }\n")
        #expect(ascii.first?.line == 4 && ascii.first?.message.contains("plain ASCII") == true)
        let scalar = Self.problems("publish: true\n")
        #expect(scalar.first?.line == 3 && scalar.first?.message.contains("must be a mapping") == true)
        let empty = Self.problems("publish:\n  cacheControl: { pages: \"\" }\n")
        #expect(empty.first?.message.contains("`pages` is empty") == true)
    }

    @Test func theBuildCarriesTheRules() throws {
        let yml = PublishFixtures.siteYML + "\npublish:\n  gzip: false\n  cacheControl: { pages: no-cache }\n"
        let sources = Fixtures.sources(articles: [("a.md", PublishFixtures.article(title: "A", date: "2025-01-02"))], siteYML: yml)
        let build = try SiteBuilder.build(sources, settings: BuildSettings(production: true))
        #expect(build.headerRules.pages == "no-cache" && !build.headerRules.gzip)
        #expect(build.headerRules.other == ObjectHeaderRules.standard.other)
    }
}
