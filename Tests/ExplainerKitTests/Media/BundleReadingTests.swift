import Foundation
import Testing

@testable import ExplainerKit

@Suite("Bundle reading")
struct BundleReadingTests {
    static let article = MediaFixtures.article(body: "Text.\n")

    /// A site folder with a bundle `map` (files in subfolders, a dot-file, a swap file) and a
    /// folder without `index.md`.
    func siteFolder(_ extra: [String: String] = [:]) -> String {
        var files = [
            "map/index.md": Self.article, "map/images/a.png": "0123456789", "map/data.csv": "a,b\n",
            "map/.hidden": "x", "map/images/.a.png.swp": "x", "map/deep/er/notes.txt": "n",
            "loose/notes.md": "x", "loose/pic.png": "x",
        ]
        files.merge(extra) { _, new in new }
        return Fixtures.siteOnDisk(articles: files)
    }

    func read(_ root: String) throws -> SiteSources {
        try SiteSourceReader.read(content: root + "/Content", templates: root + "/Templates")
    }

    @Test func bundleFilesAreListedWithTheirSizesAndTheIndexIsAnArticle() throws {
        let root = siteFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = try read(root)
        let content = root + "/Content"
        #expect(sources.articles.map(\.path) == [content + "/map/index.md"])
        #expect(
            sources.bundleFiles == [
                BundleFile(source: content + "/map/data.csv", bundle: "map", pathInBundle: "data.csv", size: 4),
                BundleFile(source: content + "/map/deep/er/notes.txt", bundle: "map", pathInBundle: "deep/er/notes.txt", size: 1),
                BundleFile(source: content + "/map/images/a.png", bundle: "map", pathInBundle: "images/a.png", size: 10),
            ])
        #expect(sources.contentFolder == content)
        // A folder without index.md: as before, its Markdown is not built and the rest not used.
        let loose = sources.readDiagnostics.filter { $0.file.contains("/loose/") }
        #expect(loose.count == 2)
        #expect(loose.contains { $0.file.hasSuffix("notes.md") && $0.severity == .error && $0.message.contains("not built") })
        #expect(loose.contains { $0.file.hasSuffix("pic.png") && $0.severity == .warning })
        // The bundle's slug is its folder's name.
        var built = sources
        built.readDiagnostics.removeAll { $0.file.contains("/loose/") }
        let site = try SiteBuilder.build(built)
        #expect(site.text("map/index.html")?.contains("Map story") == true)
    }

    @Test func aSymlinkOutOfTheBundleIsRefused() throws {
        let root = siteFolder(["elsewhere/secret.txt": "secret", "other/index.md": Self.article])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = root + "/Content"
        try FileManager.default.createSymbolicLink(
            atPath: content + "/map/secret.txt", withDestinationPath: content + "/elsewhere/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: content + "/map/twin.png", withDestinationPath: "images/a.png")
        try FileManager.default.createSymbolicLink(atPath: content + "/map/theirs.md", withDestinationPath: "../other/index.md")
        let sources = try read(root)
        #expect(sources.bundleFiles.map(\.pathInBundle).contains("twin.png"))
        #expect(!sources.bundleFiles.map(\.pathInBundle).contains("secret.txt"))
        #expect(!sources.bundleFiles.map(\.pathInBundle).contains("theirs.md"))
        let refused = sources.readDiagnostics.filter { $0.message.contains("outside") }
        #expect(Set(refused.map { String($0.file.split(separator: "/").last ?? "") }) == ["secret.txt", "theirs.md"])
    }

    @Test func aFIFOInABundleIsRefusedNotWaitedOn() throws {
        let root = siteFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/Content/map/pipe", 0o644) == 0)
        let sources = try read(root)
        #expect(!sources.bundleFiles.map(\.pathInBundle).contains("pipe"))
        #expect(sources.readDiagnostics.contains { $0.file.hasSuffix("map/pipe") && $0.message.contains("FIFO") })
    }

    @Test func aNestedIndexIsAnError() throws {
        let root = siteFolder(["map/chapter/index.md": Self.article])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = try read(root)
        let nested = sources.readDiagnostics.filter { $0.file.hasSuffix("map/chapter/index.md") }
        #expect(nested.count == 1)
        #expect(nested.first?.severity == .error)
        #expect(nested.first?.message.contains("do not nest") == true)
        #expect(sources.articles.count == 1)
        #expect(!sources.bundleFiles.map(\.pathInBundle).contains("chapter/index.md"))
    }

    @Test func namesInTwoUnicodeFormsAreRefused() throws {
        let root = siteFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Written one by one: a dictionary's `String` keys would be one name.
        try FileSystem.write(Array("a".utf8), to: root + "/Content/map/caf\u{E9}.png")
        try FileSystem.write(Array("b".utf8), to: root + "/Content/map/cafe\u{301}.png")
        let sources = try read(root)
        #expect(sources.bundleFiles.filter { $0.pathInBundle.hasPrefix("caf") }.count == 1)
        #expect(sources.readDiagnostics.contains { $0.message.contains("another Unicode form") })
    }

    @Test func aFileAndAFolderClaimingOneSlugAreAnErrorNamingBoth() {
        let errors = MediaFixtures.build([("map.md", Self.article), ("map/index.md", Self.article)]).errors
        #expect(errors.count == 1)
        let text = errors.first.map { $0.file + " " + $0.message } ?? ""
        #expect(text.contains("Content/map.md") && text.contains("Content/map/index.md"), "\(text)")
    }

    @Test func aBundleSlugMayBeSetInTheFrontMatter() throws {
        let text = MediaFixtures.article(body: "![A map](images/a.png)\n", extraFrontMatter: "slug: atlas\n")
        let site = try #require(
            MediaFixtures.build([("map/index.md", text)], media: [MediaFixtures.image("map", "images/a.png")]).site)
        #expect(site.text("atlas/index.html")?.contains("src=\"/atlas/images/a-1600-\(MediaFixtures.imageHash).png\"") == true)
        let parsed = try ArticleParser.parse(SourceFile(path: "Content/map/index.md", text: Self.article))
        #expect(parsed.slug == "map")
        #expect(parsed.contentPath == "map/index.md")
        #expect(try ArticleParser.parse(SourceFile(path: "Content/index.md", text: Self.article)).slug == "index")
    }

    @Test func theMediaSizeLimitIsReadFromSiteYML() throws {
        func decode(_ extra: String) -> Result<SiteConfig, BuildFailure> {
            outcome { () throws(BuildFailure) in
                try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: Fixtures.siteYML + "\n" + extra))
            }
        }
        #expect(try decode("").get().maxMediaFileSize == 50 << 20)
        #expect(try decode("media:\n  maxFileSize: 8\n").get().maxMediaFileSize == 8 << 20)
        #expect(try decode("media: { maxFileSize: 120 }\n").get().maxMediaFileSize == 120 << 20)
        let wrong = decode("media:\n  maxFileSize: big\n").diagnostics
        #expect(wrong.count == 1 && wrong.first?.line == 7 && wrong.first?.message.contains("maxFileSize") == true)
        let unknown = decode("media:\n  maxFileSise: 8\n").diagnostics
        #expect(unknown.first?.hint.contains("maxFileSize") == true)
        #expect(decode("media: 8\n").diagnostics.first?.message.contains("must be a mapping") == true)
    }

    @Test func aChangeInABundleMakesThePreviewScanAgain() {
        #expect(ArticleListing.changedNames(["/s/Content/map/images/a.png"], content: "/s/Content", templates: "/s/Templates") == nil)
        #expect(ArticleListing.changedNames(["/s/Content/map/index.md"], content: "/s/Content", templates: "/s/Templates") == nil)
        #expect(ArticleListing.changedNames(["/s/Content/a.md"], content: "/s/Content", templates: "/s/Templates") == ["a.md"])
    }
}

extension BundleReadingTests {
    @Test func aBundleFileWhereAPageIsIsAnError() {
        let text = MediaFixtures.article(
            body: "[Old](index.html) and ![A map](the-past/map.png)\n\n## The past\n\nText.\n")
        let media = [MediaFixtures.file("map", "index.html"), MediaFixtures.image("map", "the-past/map.png")]
        let errors = MediaFixtures.build([("map/index.md", text)], media: media).errors
        #expect(errors.count == 2)
        #expect(errors.map(\.file) == ["Content/map/index.html", "Content/map/the-past/map.png"])
        #expect(errors.first?.message.contains("the explainer's overview") == true)
        #expect(errors.last?.message.contains("The past") == true)
    }
}

extension BundleReadingTests {
    @Test func aCachedReadSeesBundleChanges() throws {
        let root = siteFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = root + "/Content"
        let templates = root + "/Templates"
        let cache = SourceFileCache()
        let first = try SiteSourceReader.read(content: content, templates: templates, cache: cache, changed: nil)
        #expect(first.bundleFiles.count == 3)
        Fixtures.write(["map/images/b.png": "12"], into: content)
        let added = try SiteSourceReader.read(
            content: content, templates: templates, cache: cache, changed: [content + "/map/images/b.png"])
        #expect(added.bundleFiles.map(\.pathInBundle) == ["data.csv", "deep/er/notes.txt", "images/a.png", "images/b.png"])
        // A top-level article's change is read incrementally and keeps the bundle files.
        Fixtures.write(["solo.md": Self.article], into: content)
        let solo = try SiteSourceReader.read(content: content, templates: templates, cache: cache, changed: [content + "/solo.md"])
        #expect(solo.bundleFiles == added.bundleFiles)
        #expect(solo.articles.map(\.path) == [content + "/map/index.md", content + "/solo.md"])
    }
}
