import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

@Suite struct BuildCacheTests {
    func sources(_ fixture: Fixtures.SampleSite) throws -> SiteSources {
        try SiteSourceReader.read(content: fixture.paths.content, templates: fixture.paths.templates)
    }

    func files(_ sources: SiteSources, cache: BuildCache? = nil) throws -> [OutputFile] {
        guard let cache else { return try SiteBuilder.build(sources).files }
        return try SiteBuilder.build(sources, memo: cache).files
    }

    @Test func cachedBuildsAreByteIdenticalToFullBuilds() throws {
        let fixture = try Fixtures.SampleSite()
        defer { fixture.remove() }
        let cache = BuildCache()
        var s = try sources(fixture)
        let original = s.articles[0]
        #expect(try files(s, cache: cache) == files(s))
        #expect(cache.statistics.fullBuild)

        // A second article appears: only it is rendered; home lists it.
        var second = original
        second.path = fixture.paths.content + "/second-story.md"
        // A single file: without the sample's map, which is a file of its bundle.
        second.bytes = Array(
            Fixtures.withoutImages(String(decoding: original.bytes, as: UTF8.self))
                .replacingOccurrences(of: "Russia's recognition", with: "A second story about").utf8)
        s.articles += [second]
        let withSecond = try files(s, cache: cache)
        #expect(withSecond == (try files(s)))
        #expect(cache.statistics.articlesRendered == 1)
        #expect(cache.statistics.articlesReused == 1)
        let home = String(decoding: withSecond.first { $0.path == "index.html" }!.bytes, as: UTF8.self)
        #expect(home.contains("/second-story/"))

        // An edit to one article re-renders only that one.
        s.articles[1].bytes += Array("\nOne more paragraph.\n".utf8)
        #expect(try files(s, cache: cache) == files(s))
        #expect(cache.statistics.articlesRendered == 1)
        #expect(cache.statistics.explainersTemplated == 1)
        #expect(!cache.statistics.fullBuild)

        // A title edit must reach the home page, which is otherwise reused.
        s.articles[1].bytes = Array(
            String(decoding: s.articles[1].bytes, as: UTF8.self)
                .replacingOccurrences(of: "A second story about", with: "A retitled story about").utf8)
        let retitled = try files(s, cache: cache)
        #expect(retitled == (try files(s)))
        let retitledHome = String(decoding: retitled.first { $0.path == "index.html" }!.bytes, as: UTF8.self)
        #expect(retitledHome.contains("A retitled story about"))

        // A template change rebuilds everything.
        let layout = s.templates.firstIndex { $0.path.hasSuffix("layout.mustache") }!
        s.templates[layout].bytes = Array(
            String(decoding: s.templates[layout].bytes, as: UTF8.self)
                .replacingOccurrences(of: "</body>", with: "<!-- changed --></body>").utf8)
        #expect(try files(s, cache: cache) == files(s))
        #expect(cache.statistics.fullBuild)
        #expect(cache.statistics.articlesRendered == 2)

        // The article is deleted: its pages go, home forgets it.
        s.articles = [s.articles[0]]
        let without = try files(s, cache: cache)
        #expect(without == (try files(s)))
        #expect(!without.contains { $0.path.hasPrefix("second-story/") })
    }

    @Test func inPlaceWriterWritesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let fixture = try Fixtures.SampleSite()
        defer { fixture.remove() }
        let out = fixture.root + "/Out"
        try FileSystem.makeDirectory(out)
        let writer = InPlaceWriter(outputPath: out)
        var current: [OutputFile] = []
        var changes = try writer.update(
            &current, to: [OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b/x/index.html", text: "B")])
        #expect(changes.written == ["a/index.html", "b/x/index.html"])
        changes = try writer.update(&current, to: [OutputFile(path: "a/index.html", text: "A2")])
        #expect(changes.written == ["a/index.html"])
        #expect(changes.removed == ["b/x/index.html"])
        #expect(try fixture.read(out + "/a/index.html") == "A2")
        #expect(!FileSystem.exists(out + "/b"))
        #expect(FileSystem.listFiles(out) == ["a/index.html"])
        #expect(current == [OutputFile(path: "a/index.html", text: "A2")])
        // Unchanged files are not written again; new ones are, in order.
        changes = try writer.update(
            &current,
            to: [
                OutputFile(path: "0.html", text: "0"), OutputFile(path: "a/index.html", text: "A2"), OutputFile(path: "z.html", text: "Z"),
            ])
        #expect(changes.written == ["0.html", "z.html"])
        #expect(changes.removed.isEmpty)
    }
}
