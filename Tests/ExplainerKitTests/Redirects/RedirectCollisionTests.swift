import Testing

@testable import ExplainerKit

/// Every alias's page is claimed like any other output path: one that would take the place of
/// an explainer, a section page, another alias or a page Explainer makes is an error at the
/// alias's line naming both owners.
@Suite("Redirects: collisions")
struct RedirectCollisionTests {
    typealias F = RedirectFixtures

    func problems(_ aAliases: String, others: [(String, String)] = [("b.md", F.explainer("B"))]) -> [Diagnostic] {
        F.problems(F.sources([("a.md", F.explainer("A", "aliases: [\(aAliases)]"))] + others))
    }

    @Test func anAliasOfAnotherExplainersSlugNamesIt() throws {
        let problems = problems("b")
        #expect(
            problems.map(\.message) == [
                "The alias `/b/` would be at /b/index.html, which is already used by Content/b.md (its file name)."
            ])
        #expect(problems.first?.file == "Content/a.md" && problems.first?.line == 7 && problems.first?.column == 11)
        #expect(problems.first?.hint.contains("aliases:") == true)
    }

    @Test func anAliasOfASectionPageOfAnotherExplainerIsAnError() throws {
        let problems = problems("/b/history/")
        #expect(problems.count == 1 && problems.first?.message.contains("already used by Content/b.md") == true)
    }

    @Test func twoExplainersWithOneAliasNameEachOther() throws {
        let problems = problems("old", others: [("b.md", F.explainer("B", "aliases: [x, old]"))])
        #expect(
            problems.map(\.message) == [
                "The alias `/old/` would be at /old/index.html, which is already used by the alias `/old/` (Content/a.md:7)."
            ])
        #expect(problems.first?.file == "Content/b.md" && problems.first?.column == 14)
    }

    @Test(arguments: ["/topics/", "/page/2/", "/corrections/", "/search/", "feed.xml", "/_explainer/"])
    func anAliasOfAPageExplainerMakesIsAnError(alias: String) throws {
        let problems = problems("\"\(alias)\"")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.message.hasPrefix("The alias `") == true)
        #expect(problems.first?.message.contains("which is already used by the") == true)
    }

    @Test func anAliasInsideAnAssetFileIsAnError() throws {
        let problems = problems("\"/assets/style.css/\"")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.message.contains("style.css/index.html, which is already used by") == true)
    }

    @Test func anAliasOfTheHomeOfAnOldFolderAndOfAPageInsideItAreBothFine() throws {
        #expect(problems("old, /old/history/") == [])
    }
}
