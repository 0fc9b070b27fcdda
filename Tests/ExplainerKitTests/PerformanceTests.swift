import Foundation
import Mustache
import Testing

@testable import ExplainerKit

/// The optimisations of the template and output stages change no byte: the faster Mustache
/// renderer against swift-mustache itself, its escaping against swift-mustache's, and the
/// parallel file writer against the build it writes.
@Suite("Performance equivalence")
struct PerformanceTests {
    /// Every page of `sources`, rendered by `MustacheRenderer` and by swift-mustache.
    static func compareRenderers(_ sources: SiteSources) throws {
        let build = try SiteBuilder.build(sources)
        let templates = try TemplateSet.load(sources.templates, folder: sources.templatesFolder)
        let config = try SiteConfigDecoder.decode(sources.config)
        let shared = PageContext.Shared(site: config, stylesheetURL: build.stylesheetURL, urls: SiteURLs(baseURL: config.baseURL))
        let fast = PageRenderer(templates: templates, shared: shared)
        let reference = PageRenderer(templates: templates, shared: shared, fastRenderer: false)
        #expect(fast.usesFastRenderer)
        #expect(!reference.usesFastRenderer)
        for group in SiteBuilder.group(build.pages) {
            let a = fast.render(group)
            let b = reference.render(group)
            #expect(a.map(\.file) == b.map(\.file))
            for (x, y) in zip(a, b) {
                #expect(x.html == y.html, "\(x.file) differs")
            }
        }
    }

    @Test func fastRendererMatchesSwiftMustacheOnTheSampleSite() throws {
        try Self.compareRenderers(SiteSourceReader.read(content: Fixtures.path("Content"), templates: Fixtures.path("Templates")))
    }

    @Test func fastRendererMatchesSwiftMustacheOnHostileText() throws {
        let hostile = "<script>alert('x')</script> & e\u{301}<\u{338} \u{600}< café's <b>"
        try Self.compareRenderers(
            Fixtures.sources(
                articles: [
                    ("a.md", Fixtures.article(title: "Tom & Jerry's <b>war</b>")),
                    ("b.md", Fixtures.article(title: hostile, date: "2024-05-06")),
                    ("c.md", Fixtures.article(title: "Plain", date: "2023-01-01", extraFrontMatter: "updated: 2023-02-03")),
                ], siteYML: Fixtures.siteYML.replacingOccurrences(of: "A site for tests.", with: "Tests & <checks>")))
    }

    /// Features the repository's templates do not use: indented partials, nested inheritance,
    /// inverted sections, dotted and `.`-anchored names, transforms, missing names.
    @Test func fastRendererMatchesSwiftMustacheOnOtherFeatures() throws {
        let texts = [
            "page":
                "{{<layout}}{{$content}}\n  {{>item}}\n{{#items}}\n  {{>item}}\n{{/items}}{{^none}}none{{/none}}{{^empty(items)}}has {{count(items)}}{{/empty(items)}}{{/content}}{{/layout}}\n",
            "layout":
                "<h>{{title}}</h>\n  {{$content}}default{{/content}}\n{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}} {{{raw}}} {{n}} {{missing}} {{.title}} {{nested.inner.value}} {{uppercased(title)}}\n{{#nested}}{{inner.value}} {{title}}{{/nested}}\n{{$footer}}\n  <f>{{title}}</f>\n{{/footer}}\n",
            "item": "<li>{{name}} & {{title}}</li>\n<p>{{n}} {{#tags}}[{{.}}]{{/tags}}{{^tags}}no tags{{/tags}}</p>\n",
        ]
        var library = MustacheLibrary()
        for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
        let context: [String: Any] = [
            "title": "A <b> & 'c'", "raw": "<i>raw</i>", "n": 42, "flag": false,
            "nested": ["inner": ["value": "deep\"er"]],
            "items": [["name": "one", "tags": ["x", "y<"]], ["name": "two & three", "n": 7, "tags": [String]()]],
            "name": "top-level",
        ]
        let renderer = try #require(MustacheRenderer(library: library, names: Set(texts.keys)))
        #expect(
            renderer.render(context, withTemplate: "page").map { String(decoding: $0, as: UTF8.self) }
                == library.render(context, withTemplate: "page"))
        #expect(
            renderer.render(context, withTemplate: "layout").map { String(decoding: $0, as: UTF8.self) }
                == library.render(context, withTemplate: "layout"))
    }

    @Test func escapingMatchesSwiftMustache() throws {
        let template = try MustacheTemplate(string: "{{v}}")
        for text in [
            "", "plain", "a<b>c&d\"e'f", "<<>>&&", "café <b>", "e\u{301}<", "<\u{338}", "\u{600}<x", "<\u{301}",
            "\r\n<", "👍🏽&", "&\u{200D}", "'''", "日本語 & テスト",
        ] {
            var out: [UInt8] = Array("before ".utf8)
            MustacheEscaping.append(text, to: &out)
            #expect(
                String(decoding: out, as: UTF8.self) == "before " + template.render(["v": text]),
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The writer writes files on all cores; what lands on disk is the build, file for file.
    @Test func parallelWriteWritesEveryFileOfTheBuild() throws {
        var articles: [(String, String)] = []
        for i in 0..<60 { articles.append(("a\(i).md", Fixtures.article(title: "Article \(i)", date: "2024-01-\(10 + i % 18)"))) }
        let build = try SiteBuilder.build(Fixtures.sources(articles: articles))
        #expect(build.files.count > 300)  // more than one chunk of the parallel writer
        let folder = Fixtures.temporaryFolder()
        defer { FileSystem.removeTree(folder) }
        try SiteWriter(outputPath: folder + "/Public").write(build.files)
        let written = Fixtures.snapshot(folder + "/Public")
        #expect(written.count == build.files.count)
        for file in build.files {
            #expect(written[file.path] == file.bytes, "\(file.path)")
        }
        // A rebuild over the existing site (the old one removed in parallel) leaves the same files.
        try SiteWriter(outputPath: folder + "/Public").write(build.files)
        #expect(Fixtures.snapshot(folder + "/Public") == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Public"])
    }

    @Test func outputPathsSplitIntoParentAndName() {
        #expect(FolderPath("o").parentAndName == (".", "o"))
        #expect(FolderPath("Public").parentAndName == (".", "Public"))
        #expect(FolderPath("site/out/").parentAndName == ("site", "out"))
        #expect(FolderPath("a//b").parentAndName == ("a", "b"))
        #expect(FolderPath("/srv/www").parentAndName == ("/srv", "www"))
        #expect(FolderPath("/x").parentAndName == ("/", "x"))
        #expect(FolderPath("./o").parentAndName == (".", "o"))
    }
}
