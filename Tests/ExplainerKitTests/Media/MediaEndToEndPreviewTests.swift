import Foundation
import Testing

@testable import ExplainerKit

/// The preview's incremental builds (`BuildCache`) when a bundle's files change: only that
/// explainer is rendered again, and the site is the one a fresh build makes.
@Suite("Media end to end: the preview")
struct MediaEndToEndPreviewTests {
    typealias F = MediaFixtures

    /// Two bundles, `a` and `b`, each showing its own map.
    static func sources(_ media: [BundleFile]) -> SiteSources {
        let article = { (title: String) in F.article(title: title, body: "![A map of \(title)](images/map.png)\n") }
        var sources = Fixtures.sources(articles: [("a/index.md", article("A")), ("b/index.md", article("B"))])
        sources.bundleFiles = media
        return sources
    }

    /// The site built through `cache` and `media` (as the preview builds), and checked against
    /// a fresh build of the same sources.
    static func build(_ media: [BundleFile], cache: BuildCache, stage: MediaStage) throws -> [OutputFile] {
        let files = try SiteBuilder.build(sources(media), memo: cache, media: stage).files
        let fresh = try SiteBuilder.build(sources(media)).files
        #expect(files == fresh)
        return files
    }

    static func paths(_ files: [OutputFile], in bundle: String) -> Set<String> {
        Set(files.map(\.path).filter { $0.hasPrefix(bundle + "/") && !$0.hasSuffix(".html") })
    }

    @Test func aChangedAddedOrRemovedBundleFileRendersOnlyItsExplainer() throws {
        let cache = BuildCache()
        let stage = MediaStage()
        let mapA = F.image("a", "images/map.png", width: 500, height: 300)
        let mapB = F.image("b", "images/map.png", width: 400, height: 300)
        let first = try Self.build([mapA, mapB], cache: cache, stage: stage)
        #expect(cache.statistics.articlesRendered == 2)
        let bFiles = Self.paths(first, in: "b")

        // A's map changes (the same name, other bytes): its copies get new names.
        let newA = F.image("a", "images/map.png", width: 700, height: 300)
        let changed = try Self.build([newA, mapB], cache: cache, stage: stage)
        #expect(cache.statistics.articlesRendered == 1)
        #expect(cache.statistics.explainersTemplated == 1)
        #expect(Self.paths(changed, in: "a").contains("a/images/map-700-\(F.hash8(newA)).webp"))
        #expect(!changed.contains { $0.path.contains(F.hash8(mapA)) })
        #expect(Self.paths(changed, in: "b") == bFiles)
        let pageA = try #require(changed.first { $0.path == "a/index.html" })
        #expect(String(decoding: pageA.bytes, as: UTF8.self).contains("width=\"700\" height=\"300\""))

        // A file is added to B's bundle: published, and only B rendered again.
        let data = F.file("b", "data/table.csv", size: 42)
        let added = try Self.build([newA, mapB, data], cache: cache, stage: stage)
        #expect(cache.statistics.articlesRendered == 1)
        #expect(Self.paths(added, in: "b") == bFiles.union(["b/data/table.csv"]))

        // And removed again.
        let removed = try Self.build([newA, mapB], cache: cache, stage: stage)
        #expect(cache.statistics.articlesRendered == 1)
        #expect(Self.paths(removed, in: "b") == bFiles)

        // Nothing changed: nothing rendered.
        _ = try Self.build([newA, mapB], cache: cache, stage: stage)
        #expect(cache.statistics.articlesRendered == 0)
    }

    @Test func removingAnImageTheArticleShowsIsAnErrorThenBuildsAgainWhenItIsBack() throws {
        let cache = BuildCache()
        let stage = MediaStage()
        let mapA = F.image("a", "images/map.png", width: 500, height: 300)
        let mapB = F.image("b", "images/map.png", width: 400, height: 300)
        let first = try Self.build([mapA, mapB], cache: cache, stage: stage)
        let failure = outcome { () throws(BuildFailure) in try SiteBuilder.build(Self.sources([mapB]), memo: cache, media: stage) }
        #expect(failure.diagnostics.count == 1)
        #expect(failure.diagnostics.first?.file == "Content/a/index.md")
        #expect(failure.diagnostics.first?.line == 6)
        #expect(try Self.build([mapA, mapB], cache: cache, stage: stage) == first)
        #expect(cache.statistics.articlesRendered <= 1)
    }
}
