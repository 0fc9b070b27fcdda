import Testing
import Yams

@testable import ExplainerKit

@Suite("YAML tags without regular expressions")
struct YAMLTagsTests {
    static let samples: [String] = [
        "", "~", "~~", "null", "Null", "NULL", "nULL", "nul", "nulls", "none",
        "yes", "Yes", "YES", "yES", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE", "false", "False",
        "FALSE", "on", "On", "ON", "oN", "off", "Off", "OFF", "offf", "y", "n", "Y", "N", "yess", "t", "f", "o",
        "<<", "<", "<<<", "=", "==", "0", "1", "-1", "+1", "012", "0o17", "0b101", "0x1F", "1_000", "1:20",
        "190:20:30", "1.5", "-1.5e3", ".5", ".inf", "-.inf", ".nan", ".NaN", "1.", "1e5", "1.2.3", "-", "+", ".",
        "2025-07-04", "2025-7-4 10:00:00", "2025-07-04T10:00:00Z", "2025-07-04t10:00:00.5 +02:00", "1979",
        "1979s", "12 March", "-abc", "+abc", "title", "The title", "Trump", "yes please", "nothing", "Oslo",
        "true\n", "no\r", "é", "café", "null é", "No — really", "Yes!", "Off-side", "ON AIR", "x: y",
        "true ", " true", "Yes\u{2028}", "1\n", "yes\u{85}",
        "2019-02-21", "1999-13-45", "2019-02-2", "2019-02-211", "2019/02/21", "2019-0a-21", "20190221",
        "123456789012345678901234567890", "10", "09", "0", "00", "7a", "1_0", "9:59", "2019-02-21 ",
    ]

    @Test func plainScalarTagsMatchYamsDefaultResolver() {
        for text in Self.samples {
            let expected = Resolver.default.resolveTag(of: Node(text)).rawValue
            #expect(YAMLTags.plainScalarTag(text) == expected, "\(text.debugDescription)")
        }
    }

    /// Every field reader gives the same value and diagnostics with and without Yams' resolver.
    @Test func fieldsReadTheSameAsWithYamsResolver() throws {
        let documents = [
            "title: true\nsummary: 5\ndate: 2025-01-02\ntags: no\nkeyPoints: [1.5, ~, x, 'yes']\ndraft: yes\nslug: null\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: 2025-01-01\nsections: 5\ntimeline: true\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: <<\nkeyPoints: =\nsections: {history: 12}\ntimeline: [{date: 1979, event: off}, {date: \"1980\", event: ~}]\n",
            "title: T\nsummary: S\ndate: 2025-01-02\ntags: [a, \"b\", 'c', ON]\nkeyPoints: >\n  folded\nupdated: 2025-01-03\n",
            "title: T\nsummary: S\ndate: x\n1: a\n\"1\": b\n",
            "title: &t Yes\nsummary: *t\ndate: 2025-01-02\n",
            "true: x\n\"true\": y\ntitle: T\n",
        ]
        for yaml in documents {
            let ours = outcome { () throws(BuildFailure) in try FrontMatterDecoder.decode(yaml: yaml, file: "a.md", yamlStartLine: 2) }
            let legacy = outcome { () throws(BuildFailure) in
                try FrontMatterDecoder.decode(yaml: yaml + "# !\n", file: "a.md", yamlStartLine: 2)
            }
            #expect(ours.diagnostics == legacy.diagnostics, "\(yaml)")
            #expect(ours.frontMatter == legacy.frontMatter, "\(yaml)")
        }
        for root in ["5", "yes", "~", "text", "- a\n"] {
            let ours = outcome { () throws(BuildFailure) in try FrontMatterDecoder.decode(yaml: root, file: "a.md", yamlStartLine: 2) }
            let legacy = outcome { () throws(BuildFailure) in
                try FrontMatterDecoder.decode(yaml: root + "\n# !\n", file: "a.md", yamlStartLine: 2)
            }
            #expect(ours.diagnostics == legacy.diagnostics, "\(root)")
        }
    }

    /// The tree `YAMLDocument.mapping` gives (composed with `Resolver.basic`, tags set by
    /// `YAMLTags.resolved`) is the one `Yams.compose(yaml:)` gives: same strings, tags, styles
    /// and marks at every node, on every input of the front-matter suites that composes.
    @Test func composedTreesHaveYamsDefaultTags() throws {
        let inputs = YAMLSubsetComposerTests.self
        var compared = 0
        for yaml in inputs.benchSamples + inputs.fromOtherTests + inputs.tricky + inputs.mutations
            + ["1: a\n\"1\": b\n", "true: x\nyes: [on, off, ~, 5, -1.5, .inf, 2025-01-02]\n<<: {= : x}\n"]
        {
            guard case .mapping? = try? Yams.compose(yaml: yaml), let theirs = try? Yams.compose(yaml: yaml),
                let ours = try? YAMLDocument.mapping(yaml, file: "a.md", lineOffset: 0, what: "front matter")
            else { continue }
            compared += 1
            #expect(inputs.describe(.mapping(ours.mapping)) == inputs.describe(theirs), "\(yaml.debugDescription)")
        }
        #expect(compared > 500)
    }
}
