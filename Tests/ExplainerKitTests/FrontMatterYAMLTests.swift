import Foundation
import Testing

@testable import ExplainerKit

/// Front matter YAML as the parser reports it: on the composer suite's inputs (the benchmark
/// corpus's shape, the other suites' front matter, tricky YAML and random edits of it) every
/// problem names the file, a line inside the file and, but for an empty front matter, a
/// column; and what depends on YAML's tags (`true`, `5`, `~`, `no`, quoted or not) reads as
/// Yams' default resolver says.
@Suite("Front matter YAML")
struct FrontMatterYAMLTests {
    /// `yaml` as the front matter of an article file, parsed: the problems, or none.
    static func problems(_ yaml: String) -> [Diagnostic] {
        let text = "---\n" + yaml + (yaml.hasSuffix("\n") || yaml.isEmpty ? "" : "\n") + "---\nBody.\n"
        return outcome { () throws(BuildFailure) in try ArticleParser.parse(SourceFile(path: "Content/a.md", text: text)) }
            .diagnostics
    }

    /// Checks that every problem of `yaml` says where it is; true when it has none.
    @discardableResult
    static func check(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        let problems = problems(yaml)
        for problem in problems {
            #expect(problem.file == "Content/a.md", "\(problem) in \(yaml.debugDescription)", sourceLocation: sourceLocation)
            #expect(
                problem.line.map { (1...lines).contains($0) } == true, "\(problem) in \(yaml.debugDescription)",
                sourceLocation: sourceLocation)
            // An empty front matter is a line; a NUL byte makes the file binary before any YAML.
            if !problem.message.contains("is empty") && !problem.message.contains("binary file") {
                #expect(problem.column != nil, "\(problem) in \(yaml.debugDescription)", sourceLocation: sourceLocation)
            }
        }
        return problems.isEmpty
    }

    // MARK: - Tests

    @Test func theSeedAndCorpusLikeFrontMatterHaveNoProblem() {
        let inputs = YAMLSubsetComposerTests.self
        for yaml in [inputs.seed, inputs.frontMatter(Fixtures.article())] + inputs.benchSamples + inputs.generated(200) {
            #expect(Self.check(yaml), "\(Self.problems(yaml))")
        }
    }

    @Test func everyProblemOfOtherTestsFrontMatterSaysWhereItIs() {
        var failing = 0
        for yaml in YAMLSubsetComposerTests.fromOtherTests where !Self.check(yaml) { failing += 1 }
        #expect(failing > 20)
    }

    @Test func everyProblemOfTrickyYAMLSaysWhereItIs() {
        var failing = 0
        for yaml in YAMLSubsetComposerTests.tricky where !Self.check(yaml) { failing += 1 }
        #expect(failing > 60)
    }

    @Test func everyProblemOfMutatedYAMLSaysWhereItIs() {
        for text in YAMLSubsetComposerTests.mutations { Self.check(text) }
    }

    /// What YAML's tags decide, as Yams' default resolver reads plain scalars: booleans
    /// (`true`, YAML 1.1's `no`), nulls (`~`, `null`), numbers and timestamps; quoted text is text.
    @Test func plainScalarsAreReadByTheirYAMLTags() throws {
        func messages(_ lines: String) -> [String] {
            Self.problems("title: T\nsummary: S\ndate: 2025-01-02\n" + lines).map(\.message)
        }
        #expect(messages("slug: null\n") == ["`slug` must be text, not a empty value."])
        #expect(messages("tags: no\n") == ["`tags` must be a list of text, not a true/false value."])
        #expect(messages("tags: 2025-01-01\n") == ["`tags` must be a list of text, not a text."])
        #expect(messages("keyPoints: [1.5, ~, x, 'yes']\n") == ["`keyPoints item` must be text, not a empty value."])
        #expect(messages("draft: yes\n") == ["`draft` must be `true` or `false`, not `yes`."])
        #expect(messages("draft: \"true\"\n") == ["`draft` must be `true` or `false`, not the quoted text `true`."])
        #expect(messages("extra: ~\n").isEmpty)
        #expect(messages("extra: 5\n") == ["`extra` must be a mapping of your own fields, not a number."])
        #expect(messages("sections: 5\n") == ["`sections` must map page slugs to headings, not be a number."])
        #expect(messages("timeline: true\n") == ["`timeline` must be a list, not a true/false value."])
        #expect(
            Self.problems("title: true\nsummary: 5\ndate: 2025-01-02\n").map(\.message) == ["`title` must be text, not a true/false value."]
        )
        #expect(Self.problems("5").map(\.message) == ["The front matter must be a set of `key: value` lines, not a number."])
        #expect(Self.problems("yes").map(\.message) == ["The front matter must be a set of `key: value` lines, not a true/false value."])
        // `1:` and `"1":` are different keys (an int and a string), `true:` and `"true":` too.
        #expect(
            Self.problems("title: T\nsummary: S\ndate: 2025-01-02\n1: a\n\"1\": b\n").map(\.message)
                == ["Unknown key `1`.", "Unknown key `1`."])
        #expect(messages("tags: [a, \"b\", 'c', ON]\n") == ["`tags item` must be text, not a true/false value."])
        let article = try ArticleParser.parse(
            SourceFile(
                path: "Content/a.md", text: "---\ntitle: \"true\"\nsummary: 5\ndate: 2025-01-02\ntags: [a, \"b\", 'c', \"ON\", 1.5]\n---\n")
        )
        #expect(article.frontMatter.title == "true" && article.frontMatter.summary == "5")
        #expect(article.frontMatter.tags == ["a", "b", "c", "ON", "1.5"])
    }
}
