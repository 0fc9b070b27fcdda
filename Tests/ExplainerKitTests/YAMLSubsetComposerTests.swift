import Foundation
import Testing
import Yams

@testable import ExplainerKit

/// `YAMLSubsetComposer` against `Yams.compose(yaml:, .basic)`: for every input it answers nil
/// or the very node Yams composes, compared field by field (Yams' own `==` ignores marks and
/// styles, so the comparison here spells out strings, resolved tags, styles, anchors and marks
/// of every node, in order).
@Suite("YAML subset composer")
struct YAMLSubsetComposerTests {
    /// Everything about `node` that Yams' `==` does and does not look at, one node per line.
    static func describe(_ node: Node, _ depth: Int = 0, into out: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "nil"
        let anchor = node.anchor.map { " &\($0.rawValue)" } ?? ""
        switch node {
        case .scalar(let scalar):
            out.append("\(pad)scalar \(scalar.string.debugDescription) tag=\(node.tag.rawValue) style=\(scalar.style) at \(mark)\(anchor)")
        case .mapping(let mapping):
            out.append("\(pad)mapping tag=\(node.tag.rawValue) style=\(mapping.style) at \(mark) count=\(mapping.count)\(anchor)")
            for (key, value) in mapping {
                describe(key, depth + 1, into: &out)
                describe(value, depth + 2, into: &out)
            }
        case .sequence(let sequence):
            out.append("\(pad)sequence tag=\(node.tag.rawValue) style=\(sequence.style) at \(mark) count=\(sequence.count)\(anchor)")
            for item in sequence { describe(item, depth + 1, into: &out) }
        case .alias:
            out.append("\(pad)alias at \(mark)")
        }
    }

    static func describe(_ node: Node) -> String {
        var out: [String] = []
        describe(node, into: &out)
        return out.joined(separator: "\n")
    }

    /// Checks `yaml` and says whether the composer answered (took the fast path).
    @discardableResult
    static func check(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let ours = YAMLSubsetComposer.compose(yaml) else { return false }
        let theirs: Node?
        do {
            theirs = try Yams.compose(yaml: yaml, .basic)
        } catch {
            Issue.record("The composer answered where Yams throws \(error): \(yaml.debugDescription)", sourceLocation: sourceLocation)
            return true
        }
        guard let theirs else {
            Issue.record("The composer answered where Yams finds no document: \(yaml.debugDescription)", sourceLocation: sourceLocation)
            return true
        }
        #expect(describe(ours) == describe(theirs), "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        #expect(ours == theirs, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        // Lookups go through the mapping's tag (its resolver): they must find the same values.
        if case .mapping(let mine) = ours, case .mapping(let yams) = theirs {
            for key in yams.keys {
                guard let text = key.scalar?.string else { continue }
                #expect(
                    mine[text].map(describe) == yams[text].map(describe), "\(text) in \(yaml.debugDescription)",
                    sourceLocation: sourceLocation)
            }
            for text in ["1", "true", "null", "~", "absent"] {
                #expect(mine[text].map(describe) == yams[text].map(describe), sourceLocation: sourceLocation)
            }
        }
        return true
    }

    /// The YAML between the first two `---` lines of `article`.
    static func frontMatter(_ article: String) -> String {
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return "" }
        return lines[1..<end].joined(separator: "\n") + "\n"
    }

    // MARK: - Inputs

    static var seed: String {
        frontMatter(try! String(contentsOfFile: Fixtures.path("Content/russia-taliban/index.md"), encoding: .utf8))
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
        let words = [
            "history", "regional", "refugees", "parliament", "shift", "risks", "long-term", "*reform*",
            "Tehran's", "talks", "[link](https://example.org/a/1)", "short-term", "café", "naïve",
            "\"quoted\"", "back\\slash", "50%", "a: b", "#tag", "日本", "—", "it's", "x, y", "[y]", "{z}",
        ]
        let places = ["Kabul", "Moscow", "Beijing", "Tashkent", "Islamabad", "Tehran", "Doha", "Delhi"]
        func yq(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var random = SeededRandom(seed: 2025)
        func sentence(_ lo: Int, _ hi: Int) -> String {
            (0..<Int.random(in: lo...hi, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ") + [".", "?"].randomElement(using: &random)!
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

    @Test func agreesWithYamsOnTheSeedAndTakesTheFastPath() {
        #expect(Self.seed.contains("timeline:"))
        #expect(Self.check(Self.seed))
    }

    @Test func agreesWithYamsOnCorpusLikeFrontMatterAndTakesTheFastPath() {
        for yaml in Self.benchSamples + Self.generated(200) {
            #expect(Self.check(yaml), "fast path not taken: \(yaml.debugDescription)")
        }
        #expect(Self.check(Self.frontMatter(Fixtures.article())))
    }

    @Test func agreesWithYamsOnOtherTestsFrontMatter() {
        var fast = 0
        for yaml in Self.fromOtherTests where Self.check(yaml) { fast += 1 }
        #expect(fast > 50)
    }

    @Test func agreesWithYamsOnTrickyCases() {
        var fast = 0
        for yaml in Self.tricky where Self.check(yaml) { fast += 1 }
        #expect(fast > 60)
        // Inputs outside the subset, or that Yams rejects, are left to Yams.
        for yaml in [
            "a: x\na: y\n", "a: |\n  block\n", "a: &x v\nb: *x\n", "a: b: c\n", "a:\tx\n", "---\na: x\n",
            "a: plain\n  continued\n", "a: \"bad \\q\"\n", "", "# only a comment\n", "text\n",
        ] {
            #expect(YAMLSubsetComposer.compose(yaml) == nil, "\(yaml.debugDescription)")
        }
    }

    /// The bases of `mutations` (the third ends with a root-level `- e` after the mapping: not YAML).
    static var mutationBases: [String] {
        [
            seed, benchSamples[0], "a:\n  - k: v\n    l: 'w'\n  - [x, y]\nb: {c: \"d\"}\n- e\n",
            "a:\n- x\n- 'y'\nb:\n  c:\n    - d: e\n      f: \"g\\\"h\"\n  i: j # c\n\nk: [l, \"m\"]\n",
            "- a: b\n  c: {d: e, f: 'g'}\n-\n  - h\n- \"i\": j\n", "a: x\nb: 'it''s'\nc: \"\\u00e9\\n\"\nd:\ne: ~\n",
        ]
    }

    /// Random edits of `mutationBases` with YAML's significant characters. `YAML_FUZZ_ROUNDS`
    /// sets how many (for a longer local run; 1500 by default).
    static var mutations: [String] {
        let bases = mutationBases
        let pieces = [
            " ", "  ", "\n", "\n  ", ":", ": ", "-", "- ", "#", " #", "'", "\"", "\\", "''", "[", "]", "{", "}",
            ",", "a", "é", "?", "&", "*", "!", "|", ">", "%", "@", "~", "1", "\u{A0}", "\t", "\n- ", "\n  - ",
        ]
        var random = SeededRandom(seed: 42)
        return (0..<(ProcessInfo.processInfo.environment["YAML_FUZZ_ROUNDS"].flatMap(Int.init) ?? 1500)).map { round in
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
            return text
        }
    }

    /// Random edits of valid documents: whatever the composer answers must be what Yams composes.
    @Test func agreesWithYamsOnMutations() {
        for (index, base) in Self.mutationBases.enumerated() {
            #expect(Self.check(base) == (index != 2), "\(base.debugDescription)")
        }
        var fast = 0
        for text in Self.mutations where Self.check(text) { fast += 1 }
        #expect(fast > 300)
    }
}
