import Foundation
import Testing
@testable import ExplainerKit

/// Front matter YAML, read by Yams alone: on many inputs (the benchmark corpus's shape, the
/// other suites' front matter, tricky YAML and random edits of it) every problem names the
/// file, a line inside the file and, but for an empty front matter, a column; and what depends
/// on YAML's tags (`true`, `5`, `~`, `no`, quoted or not) reads as Yams' default resolver says.
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
            #expect(problem.line.map { (1...lines).contains($0) } == true, "\(problem) in \(yaml.debugDescription)", sourceLocation: sourceLocation)
            // An empty front matter is a line; a NUL byte makes the file binary before any YAML.
            if !problem.message.contains("is empty") && !problem.message.contains("binary file") {
                #expect(problem.column != nil, "\(problem) in \(yaml.debugDescription)", sourceLocation: sourceLocation)
            }
        }
        return problems.isEmpty
    }

    /// The YAML between the first two `---` lines of `article`.
    static func frontMatter(_ article: String) -> String {
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return "" }
        return lines[1..<end].joined(separator: "\n") + "\n"
    }

    // MARK: - Inputs

    static var seed: String {
        frontMatter(try! String(contentsOfFile: Fixtures.path("Content/russia-taliban.md"), encoding: .utf8))
    }

    /// Front matter copied from the benchmark corpus (Scripts/bench, n10000).
    static let benchSamples = [
        #"""
        title: "Tehran's support minorities benefits, explained"
        summary: "History regional refugees parliament shift risks humanitarian recognition position conflict recognition troops policy trade relations election sanctions trade protest Doha delegation acceptance talks move reports crisis influence alliance benefits."
        date: 2019-02-21
        tags: [Tehran, Tehran, Tashkent]
        sections:
          history: "Investment minister long-term in context"
          strategy: "Diplomatic engagement strategy"
          risks: "A troops move?"
        keyPoints:
          - "Energy conflict short-term conflict history reform military border leaders infrastructure relations summit."
          - "Terrorism statement opposition capital alliance capital country resources leverage negotiations military international Tashkent country ruling."
          - "Support rivals *short-term* energy resources leverage government parliament power minorities benefits strategy experts stability embassy treaty courts government."
          - "Alliance power minorities election leaders interests leverage acceptance recognition acceptance attack withdrawal economic?"
          - "Experts neighbours power interests government cooperation withdrawal sources capital talks extremism analysts energy media delegation summit networks?"
        timeline:
          - { date: "1921", event: "Agreement region ruling isolation officials reports delegation conflict coalition treaty officials." }
          - { date: "1927", event: "Military power security summit protest Tehran terrorism government terrorism." }
          - { date: "1938", event: "Costs country economic security decade capital summit aid infrastructure." }
          - { date: "1950", event: "Networks foreign media delegation history Islamabad military long-term." }
          - { date: "1955", event: "Ankara regional women election media law strategy alliance." }
          - { date: "1962", event: "Doha officials movement opposition minorities refugees officials reform *opposition*?" }
          - { date: "1974", event: "Investment stability coalition trade decade government movement talks isolation consequences approach parliament." }
          - { date: "1979", event: "International consequences withdrawal diplomatic negotiations alliance movement refugees?" }
          - { date: "1983", event: "Pipeline long-term support Doha crisis humanitarian summit country military." }
          - { date: "1987", event: "Markets neighbours short-term cooperation sources power resources community crisis analysts shift rivals reports networks." }

        """#,
        #"""
        title: "Doha's acceptance capital rivals, explained"
        summary: "Officials cooperation reports minorities change recognition extremism costs military terrorism economic envoy decade leverage withdrawal markets conflict movement move economic humanitarian recognition decision."
        date: 2024-07-24
        tags: [Moscow, Delhi, Tashkent]
        sections:
          history: "Terrorism neighbours talks in context"
          strategy: "Decade capital strategy"
          risks: "A negotiations move?"
        keyPoints:
          - "Ankara treaty parliament military benefits courts delegation officials leverage recognition opposition networks ruling ruling?"
          - "Pipeline attack leverage opposition change withdrawal position reform sanctions community resources rivals reports military."
          - "Recognition Tehran recognition analysts envoy networks railway energy sources relations country country terrorism."
          - "Minister cooperation shift consequences protest minister officials conflict region rights Islamabad troops humanitarian."
          - "Government refugees move crisis long-term women agreement summit agreement talks protest risks community?"
        timeline:
          - { date: "1944", event: "Costs region economic opposition attack community summit cooperation reports decade." }
          - { date: "1950", event: "Protest parliament minorities negotiations shift railway networks relations." }
          - { date: "1960", event: "Stability women capital neighbours experts negotiations treaty *infrastructure* foreign alliance envoy." }
          - { date: "1969", event: "Envoy negotiations leaders benefits media interests rivals neighbours railway benefits envoy border region." }
          - { date: "1975", event: "Crisis economic Kabul risks crisis policy negotiations recognition media reports region?" }
          - { date: "1984", event: "Markets law support move Beijing networks country election capital?" }
          - { date: "1989", event: "Parliament troops crisis economic change recognition reports analysts election interests." }
          - { date: "1997", event: "Delhi consequences reports capital sources threat engagement railway troops capital negotiations law?" }
          - { date: "2005", event: "Media *sources* leaders decade power regional community border decision." }
          - { date: "2015", event: "Aid government talks talks long-term trade acceptance *reform* Islamabad." }

        """#,
    ]

    /// Front matter shaped like the benchmark corpus's (Scripts/bench), from a seeded generator.
    static func generated(_ count: Int) -> [String] {
        let words = ["history", "regional", "refugees", "parliament", "shift", "risks", "long-term", "*reform*",
                     "Tehran's", "talks", "[link](https://example.org/a/1)", "short-term", "café", "naïve",
                     "\"quoted\"", "back\\slash", "50%", "a: b", "#tag", "日本", "—", "it's", "x, y", "[y]", "{z}"]
        let places = ["Kabul", "Moscow", "Beijing", "Tashkent", "Islamabad", "Tehran", "Doha", "Delhi"]
        func yq(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var random = SeededRandom(seed: 2025)
        func sentence(_ lo: Int, _ hi: Int) -> String {
            (0..<Int.random(in: lo...hi, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ") + ["." , "?"].randomElement(using: &random)!
        }
        return (0..<count).map { _ in
            var out = [
                "title: " + yq(places.randomElement(using: &random)! + "'s " + sentence(2, 3) + ", explained"),
                "summary: " + yq(sentence(20, 30)),
                "date: 20\(Int.random(in: 10...24, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))",
                "tags: [" + (0..<3).map { _ in places.randomElement(using: &random)! }.joined(separator: ", ") + "]",
                "sections:",
                "  history: " + yq(sentence(3, 3) + " in context"),
                "  strategy: " + yq(sentence(2, 2) + " strategy"),
                "  risks: " + yq("A " + sentence(1, 1) + " move?"),
                "keyPoints:",
            ]
            out += (0..<5).map { _ in "  - " + yq(sentence(12, 18)) }
            out.append("timeline:")
            out += (0..<10).map { index in "  - { date: " + yq("\(1900 + index * 7)") + ", event: " + yq(sentence(8, 14)) + " }" }
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// The front matter the other test suites write.
    static var fromOtherTests: [String] {
        var out = [
            Fixtures.article(), Fixtures.article(extraFrontMatter: "draft: true"),
            Fixtures.article(extraFrontMatter: "slug: c"), Fixtures.article(extraFrontMatter: "slug: ../escape"),
            Fixtures.article(title: "Plain", date: "2023-01-01", extraFrontMatter: "updated: 2023-02-03"),
        ].map(frontMatter)
        out += [
            "title: T\ndate: 2025-01-01\n", "title: T\nsummary: S\ndate: yesterday\ntags: 5\n",
            "title: T\nsummary: [unclosed\ndate: 2025-01-01\n", "title: T\ntitle: U\nsummary: S\ndate: 2025-01-01\n",
            "title: T\nsumary: S\nsummary: S\ndate: 2025-01-01\n", "title: x\n", "- a\n- b\n", "title: [\n",
            "title: T\nsummary: S\ndate: 2025-01-01\n", "\u{0}\u{1}\u{2}", "a: 1\n", "é: ü\n", "a\n", "",
            "title: true\nsummary: 5\ndate: 2025-01-02\ntags: no\nkeyPoints: [1.5, ~, x, 'yes']\ndraft: yes\nslug: null\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: 2025-01-01\nsections: 5\ntimeline: true\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: <<\nkeyPoints: =\nsections: {history: 12}\ntimeline: [{date: 1979, event: off}, {date: \"1980\", event: ~}]\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: [a, \"b\", 'c', ON]\nkeyPoints: >\n  folded\nupdated: 2025-01-03\n",
            "title: T\nsummary: S\ndate: x\n1: a\n\"1\": b\n", "title: &t Yes\nsummary: *t\ndate: 2025-01-02\n",
            "true: x\n\"true\": y\ntitle: T\n", "5", "yes", "~", "text",
            Fixtures.siteYML, try! String(contentsOfFile: Fixtures.path("Content/site.yml"), encoding: .utf8),
        ]
        var random = SeededRandom(seed: 7)
        for _ in 0..<50 { out.append(frontMatter(RandomArticle.make(&random).text)) }
        return out
    }

    static let tricky: [String] = [
        "a: 'it''s'\n", "a: ''''\n", "a: ''\n", "a: \"\"\n", "a: \"say \\\"hi\\\"\"\n", "a: \"back\\\\slash\"\n",
        "a: \"#not a comment\"\n", "a: '# nor this'\n", "a: \"x: y\"\n", "a: 'x: y'\n", "a: x #comment\n",
        "a: x#y\n", "a: x # c # d\n", "a: value   \n", "a:    spaced    value  \n", "a:\n", "a:   \n", "a: # c\n",
        "a:\nb:\n", "a: ~\n", "a: null\n", "a: yes\n", "a: 1.0\n", "a: 2025-07-04\n", "a: \"2025-07-04\"\n",
        "1: one\n", "true: t\n", "null: n\n", "~: x\n", "\"quoted key\": v\n", "'single key': v\n",
        "a:\n  - x\n  - y\n", "a:\n- x\n- y\nb: z\n", "a:\n  - k: v\n    l: w\n  - k: u\n", "a:\n  -\n  - x\n",
        "a:\n  - # c\n  - x\n", "a:\n  b:\n    c: d\n  e: f\ng: h\n", "a:\n    deep: x\n", "a:\n  - - x\n",
        "a: [x, y]\n", "a: []\n", "a: {}\n", "a: [ ]\n", "a: { }\n", "a: [x, \"y, z\", 'w']\n", "a: [x,y]\n",
        "a: { date: \"1979\", event: \"What\" }\n", "a: {date: 1979, event: x}\n", "a: [x, y,]\n", "a: {x: }\n",
        "a: {x}\n", "a: [x: y]\n", "a: [[x]]\n", "a: [{x: y}]\n", "a: {x: [y]}\n", "a: [x, y] # c\n", "a: [x]y\n",
        "a: [x\n  , y]\n", "a: {\"k\": v}\n", "a: {\"k\":v}\n", "a: {k: v, k: w}\n", "a: [a b, c  d ]\n",
        "a: café\n", "é: ü\n", "日本: 東京\n", "a: \"日本\"\nb: x\n", "  a: x\n", "a: x\n  b: y\n", "a: x\n b: y\n",
        "a:\n  b: x\n c: y\n", "a:\n  - x\n - y\n", "- a\n- b\n", "- a: b\n  c: d\n- e\n", "-\n  a: b\n",
        "a: \"esc \\n \\t \\u00e9 \\x41 \\U0001F600 \\/ \\  \\N \\_ \\L \\P \\0 \\e\"\n", "a: \"bad \\q\"\n",
        "a: \"\\uD800\"\n", "a: \"\\x4\"\n", "a: \"line\n  continued\"\n", "a: 'line\n  continued'\n",
        "a: plain\n  continued\n", "a: plain\n\n  continued\n", "a: x\n  # indented comment\nb: y\n",
        "# leading comment\n\na: x\n\n# trailing\n", "a: x\n\n\n", "a: |\n  block\n", "a: >\n  folded\n",
        "a: &x v\nb: *x\n", "a: !!str 5\n", "? a\n: b\n", "a: b: c\n", "a: - b\n", "a: -1\n", "a: -x\n",
        "a: x\na: y\n", "a: x\n\"a\": y\n", "a:\n  b: 1\n  b: 2\n", "---\na: x\n", "a: x\n...\n", "%YAML 1.2\n---\na: x\n",
        "a: x\n---\nb: y\n", "a:\tx\n", "a: x\t\n", "\ta: x\n", "a: x\r\n", "a: \u{85}x\n", "a: x\u{2028}y\n",
        "\u{FEFF}a: x\n", "a: \u{A0}x\n", "a: x\u{A0}\n", "a: @x\n", "a: `x`\n", "a: %x\n", "a: |x\n", "a: >x\n",
        "a: ?x\n", "a: :x\n", "a: x:y\n", "a: http://example.com/a#b\n", "a: x,y\n", "a: x]y\n", "a: {x}y\n",
        "a : x\n", "a:x\n", "a: 'x' \n", "a: \"x\"  # c\n", "a: \"x\"#c\n", "a: \"x\" y\n", "a: 'x'y\n",
        "- \"q\": v\n", "- 'q': v\n  w: z\n", "- [a, b]\n- {c: d}\n", "- x\n-\n- y\n", "- x\n  - y\n",
        "a:\n- x\n  - y\n", "a:\n  -  x\n  -   y\n", "a:\n  -   k: v\n      l: w\n", "a:\n  - k: v\n     l: w\n",
        "a: \"\\\"\"\n", "a: '\"'\n", "a: \"'\"\n", "key with spaces: v\n", "k-e_y.1: v\n", "a: x  y\n",
        "a: [\"x\", 'it''s']\n", "a: {b: \"c, d\", e: 'f: g'}\n", "a: {b: c d , e: f }\n", "a:\n\n  - x\n\n  - y\n",
        String(repeating: "k", count: 600) + ": v\n", "a: " + String(repeating: "v", count: 3000) + "\n",
        "a: \"" + String(repeating: "v", count: 2000) + "\"\n", "- " + String(repeating: "v", count: 1500) + "\n",
        "a: {" + String(repeating: "b", count: 1100) + ": c}\n", "a: x\n#", "a: x", "a:", "-", "- ", "a: \"x\"",
        "a:\n  b: [x, y]\n  c: {d: e}\n", "a: x\n  \n", "a: '  padded  '\n", "a: \"  padded  \"\n",
    ]

    // MARK: - Tests

    @Test func theSeedAndCorpusLikeFrontMatterHaveNoProblem() {
        #expect(Self.seed.contains("timeline:"))
        for yaml in [Self.seed, Self.frontMatter(Fixtures.article())] + Self.benchSamples + Self.generated(200) {
            #expect(Self.check(yaml), "\(Self.problems(yaml))")
        }
    }

    @Test func everyProblemOfOtherTestsFrontMatterSaysWhereItIs() {
        var failing = 0
        for yaml in Self.fromOtherTests where !Self.check(yaml) { failing += 1 }
        #expect(failing > 20)
    }

    @Test func everyProblemOfTrickyYAMLSaysWhereItIs() {
        var failing = 0
        for yaml in Self.tricky where !Self.check(yaml) { failing += 1 }
        #expect(failing > 60)
    }

    /// Random edits of valid documents with YAML's significant characters. `YAML_FUZZ_ROUNDS`
    /// sets how many (for a longer local run; 1500 by default).
    @Test func everyProblemOfMutatedYAMLSaysWhereItIs() {
        let bases = [Self.seed, Self.benchSamples[0], "a:\n  - k: v\n    l: 'w'\n  - [x, y]\nb: {c: \"d\"}\n- e\n",
                     "a:\n- x\n- 'y'\nb:\n  c:\n    - d: e\n      f: \"g\\\"h\"\n  i: j # c\n\nk: [l, \"m\"]\n",
                     "- a: b\n  c: {d: e, f: 'g'}\n-\n  - h\n- \"i\": j\n", "a: x\nb: 'it''s'\nc: \"\\u00e9\\n\"\nd:\ne: ~\n"]
        let pieces = [" ", "  ", "\n", "\n  ", ":", ": ", "-", "- ", "#", " #", "'", "\"", "\\", "''", "[", "]", "{", "}",
                      ",", "a", "é", "?", "&", "*", "!", "|", ">", "%", "@", "~", "1", "\u{A0}", "\t", "\n- ", "\n  - "]
        var random = SeededRandom(seed: 42)
        for round in 0..<(ProcessInfo.processInfo.environment["YAML_FUZZ_ROUNDS"].flatMap(Int.init) ?? 1500) {
            var scalars = Array(bases[round % bases.count].unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0...scalars.count, using: &random)
                if Bool.random(using: &random), at < scalars.count {
                    scalars.remove(at: at)
                } else {
                    scalars.insert(contentsOf: pieces.randomElement(using: &random)!.unicodeScalars, at: at)
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            Self.check(text)
        }
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
        #expect(Self.problems("title: true\nsummary: 5\ndate: 2025-01-02\n").map(\.message) == ["`title` must be text, not a true/false value."])
        #expect(Self.problems("5").map(\.message) == ["The front matter must be a set of `key: value` lines, not a number."])
        #expect(Self.problems("yes").map(\.message) == ["The front matter must be a set of `key: value` lines, not a true/false value."])
        // `1:` and `"1":` are different keys (an int and a string), `true:` and `"true":` too.
        #expect(Self.problems("title: T\nsummary: S\ndate: 2025-01-02\n1: a\n\"1\": b\n").map(\.message)
            == ["Unknown key `1`.", "Unknown key `1`."])
        #expect(messages("tags: [a, \"b\", 'c', ON]\n") == ["`tags item` must be text, not a true/false value."])
        let article = try ArticleParser.parse(SourceFile(path: "Content/a.md", text: "---\ntitle: \"true\"\nsummary: 5\ndate: 2025-01-02\ntags: [a, \"b\", 'c', \"ON\", 1.5]\n---\n"))
        #expect(article.frontMatter.title == "true" && article.frontMatter.summary == "5")
        #expect(article.frontMatter.tags == ["a", "b", "c", "ON", "1.5"])
    }
}
