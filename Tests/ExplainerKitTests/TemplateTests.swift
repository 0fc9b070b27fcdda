import Testing

@testable import ExplainerKit

@Suite("Templates")
struct TemplateTests {
    /// With smart punctuation off the quotes stay straight and are escaped; on, they are set
    /// curly and the rest is escaped the same.
    @Test(arguments: [false, true])
    func hostileTitleIsEscapedEverywhere(smart: Bool) throws {
        let article = Fixtures.article(title: #"<script>alert(1)</script> & \"quotes\""#)
        let yml = Fixtures.siteYML + (smart ? "" : "\nsmartPunctuation: false")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)], siteYML: yml))
        let quotes = smart ? ("\u{201C}", "\u{201D}") : ("\"", "\"")
        #expect(build.articles.first?.frontMatter.title == "<script>alert(1)</script> & \(quotes.0)quotes\(quotes.1)")
        for file in build.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(file.path) has the raw title")
            #expect(!html.contains("</script> &"), "\(file.path)")
        }
        let overview = try #require(build.text("a/index.html"))
        let html = smart ? ("\u{201C}", "\u{201D}") : ("&quot;", "&quot;")
        #expect(overview.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \(html.0)quotes\(html.1)</h1>"))
        // In JSON-LD the title is JSON-escaped so it cannot close the script element.
        let json = smart ? ("\u{201C}", "\u{201D}") : (#"\""#, #"\""#)
        #expect(overview.contains(#""headline":"\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 "# + "\(json.0)quotes\(json.1)\""))
    }

    @Test func templateSyntaxErrorHasFileLineAndColumn() throws {
        let files = [SourceFile(path: "T/bad.mustache", text: "line one\n{{#open}}\nnever closed\n")]
        let failure = try #require(throws: BuildFailure.self) { try TemplateSet.load(files, folder: "T") }
        let error = try #require(failure.diagnostics.first { $0.file == "T/bad.mustache" })
        #expect(error.message.contains("never closed"))
        #expect(error.line != nil && error.column != nil)
    }

    @Test func missingPartialAndMissingTemplatesAreErrors() throws {
        var files = Page.Kind.allCases.filter { $0 != .quotes }.map {
            SourceFile(path: "T/\($0.template).mustache", text: "<p>{{page.title}}</p>")
        }
        files.append(SourceFile(path: "T/layout.mustache", text: "x\n  {{>partials/nope}}"))
        let failure = try #require(throws: BuildFailure.self) { try TemplateSet.load(files, folder: "T") }
        let partial = try #require(failure.diagnostics.first { $0.message.contains("partials/nope") })
        #expect(partial.file == "T/layout.mustache" && partial.line == 2 && partial.column == 3)
        #expect(failure.diagnostics.contains { $0.file == "T/quotes.mustache" && $0.message.contains("no template") })
    }

    @Test func unknownVariableIsAWarningNamingIt() throws {
        let files = Page.Kind.allCases.map {
            SourceFile(path: "T/\($0.template).mustache", text: $0 == .home ? "{{site.title}} {{pgae.title}}" : "x")
        }
        let set = try TemplateSet.load(files, folder: "T")
        let warning = try #require(set.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("`pgae.title`"))
        #expect(warning.hint.contains("`page`"))
        #expect(warning.line == 1 && warning.column == 16)
    }

    @Test func repositoryTemplatesHaveNoWarnings() throws {
        let (templates, _) = Fixtures.repoTemplates()
        let set = try TemplateSet.load(templates, folder: Fixtures.path("Templates"))
        #expect(set.warnings.isEmpty, "\(set.warnings)")
    }

    @Test func jsonTextEscapesForScriptElements() {
        let json = JSONText.object([("a", .string("</script><b>&\"\\\n\u{1}")), ("n", .number(3)), ("l", .array([.bool(true)]))])
        #expect(json.rendered == #"{"a":"\u003c/script\u003e\u003cb\u003e\u0026\"\\\n\u0001","n":3,"l":[true]}"#)
    }

    @Test func timelineGraphicKeepsLabelsApart() throws {
        let entries = TimelineEntry.chronological([
            TimelineEntry(date: "2021", event: "One"), TimelineEntry(date: "15 August 2021", event: "Two"),
            TimelineEntry(date: "1979", event: String(repeating: "long words here ", count: 8)),
        ])
        let svg = try #require(TimelineGraphic.svg(entries))
        let ys = svg.components(separatedBy: "class=\"tl-date\" x=\"56\" y=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ys.count == 3)
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 2 * TimelineGraphic.lineHeight })
        #expect(TimelineGraphic.svg([entries[0]]) == nil)
        #expect(entries.map(\.date) == ["1979", "2021", "15 August 2021"])
    }

    @Test func timelineGraphicKeepsUndatedEntries() throws {
        let entries = [
            // Entries made in code may have no span (the decoder refuses such dates).
            TimelineEntry(date: "Long ago", event: "The Great Game"), TimelineEntry(date: "1979", event: "Invasion"),
            TimelineEntry(date: "Sometime", event: "The Taliban emerge"), TimelineEntry(date: "2001", event: "Invasion"),
        ]
        let svg = try #require(TimelineGraphic.svg(entries))
        for entry in entries { #expect(svg.contains(">\(entry.date)</text>")) }
        #expect(svg.components(separatedBy: "tl-undated").count - 1 == 2)
        #expect(svg.contains("tl-break"))
        let ys = svg.components(separatedBy: "class=\"tl-date\" x=\"56\" y=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ys == ys.sorted())
    }

    @Test func quoteAttributionsGiveRoleAndDate() {
        let published = ArticleDate(year: 2025, month: 7, day: 4)!
        let statement = QuoteAttribution.split("in a statement on 3 July", published: published)
        #expect(statement.role == "in a statement" && statement.date?.iso == "2025-07-03")
        let later = QuoteAttribution.split("speaking on 30 December", published: published)
        #expect(later.date?.iso == "2024-12-30")
        let us = QuoteAttribution.split("told reporters on March 3, 2019, in Kabul", published: published)
        #expect(us.role == "told reporters in Kabul" && us.date?.iso == "2019-03-03")
        let none = QuoteAttribution.split(
            "deputy director at the Observer Research Foundation, speaking to Al Jazeera", published: published)
        #expect(none.date == nil && none.role.hasPrefix("deputy director"))
        #expect(QuoteAttribution.split("", published: published).role.isEmpty)
    }
}

@Suite("Excerpts")
struct ExcerptTests {
    @Test func stripsTagsDecodesEntitiesAndCutsAtAWord() {
        #expect(
            Excerpt.plainText(fromHTML: "<p>A &amp; <em>b</em>\n&quot;c&quot; &lt;d&gt; it&#39;s</p>\n", limit: 100)
                == "A & b \"c\" <d> it's")
        #expect(Excerpt.plainText(fromHTML: "<p>aaa bbb ccc</p>", limit: 7) == "aaa bbb\u{2026}")
        #expect(Excerpt.plainText(fromHTML: "<p>aaa bbb ccc</p>", limit: 6) == "aaa\u{2026}")
        #expect(Excerpt.plainText(fromHTML: "<p>abcdefgh</p>", limit: 3) == "\u{2026}")
        #expect(Excerpt.plainText(fromHTML: "<p>aaa bbb</p>", limit: 7) == "aaa bbb")
    }
}
