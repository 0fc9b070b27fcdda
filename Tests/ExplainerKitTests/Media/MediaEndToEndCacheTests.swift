import Foundation
import Testing

@testable import ExplainerKit

/// The media cache on disk through real builds: the output is the same whatever it holds,
/// a warm build encodes nothing, and the cache is never published nor put where a build
/// would publish or replace it.
@Suite("Media end to end: the cache")
struct MediaEndToEndCacheTests {
    /// A site of one bundle with a lead photo, a PNG and a WebP.
    static func gallery() -> MediaSite {
        let site = MediaSite()
        site.write(
            MediaFixtures.article(
                body: "![A photo](images/photo.jpg \"A photo — Desk\")\n\n![A map](map.png) and ![A picture](pic.webp).\n",
                extraFrontMatter: "image: images/photo.jpg\nimageAlt: \"A photo\"\n"),
            to: "gallery/index.md")
        site.write(ImageFixtures.image(1300, 800, .jpeg, noise: 6), to: "gallery/images/photo.jpg")
        site.write(ImageFixtures.image(600, 400, .png), to: "gallery/map.png")
        site.write(ImageFixtures.image(500, 300, .webp), to: "gallery/pic.webp")
        return site
    }

    /// The cache's encoded copies (`media/<2 hex>/<30 hex>`, without the records beside
    /// them, which name the file they vouch for), by path in `folder`.
    static func entries(_ folder: String) -> [String: [UInt8]] {
        Fixtures.snapshot(folder).filter { $0.key.split(separator: "/").count == 3 && !$0.key.hasSuffix(".entry") }
    }

    @Test func theOutputIsTheSameColdWarmWithoutAndAfterDeletingTheCache() throws {
        let site = Self.gallery()
        defer { site.delete() }
        let cold = site.build()
        #expect(cold.failureValue == nil, "\(cold.diagnostics)")
        let published = Fixtures.snapshot(site.output)
        let entries = Self.entries(site.cache)
        // 3 widths × 2 formats of the photo, 2 × 2 of the PNG, 2 of the WebP, 3 crops.
        #expect(entries.count >= 12, "\(entries.keys.sorted())")
        let times = Published.modificationTimes(below: site.cache + "/media").filter { entries[$0.key] != nil }

        // Warm: nothing is encoded again (no entry is rewritten), and the same bytes are published.
        let warm = site.build()
        #expect(warm.failureValue == nil, "\(warm.diagnostics)")
        #expect(Fixtures.snapshot(site.output) == published)
        #expect(Self.entries(site.cache).keys.sorted() == entries.keys.sorted())
        #expect(Published.modificationTimes(below: site.cache + "/media").filter { entries[$0.key] != nil } == times)

        // Without a cache, into another folder: the same bytes, and no cache is written.
        var none = site.paths(output: site.root + "/Uncached")
        none.cache = nil
        let uncached = site.build(none)
        #expect(uncached.failureValue == nil, "\(uncached.diagnostics)")
        #expect(Fixtures.snapshot(site.root + "/Uncached") == published)

        // The cache deleted: the same bytes, and the same entries made again.
        try FileManager.default.removeItem(atPath: site.cache)
        let afterDeletion = site.build()
        #expect(afterDeletion.failureValue == nil, "\(afterDeletion.diagnostics)")
        #expect(Fixtures.snapshot(site.output) == published)
        #expect(Self.entries(site.cache) == entries)

        // Nothing of the cache is published but the copies themselves: no record, no index.
        for (path, bytes) in published {
            #expect(!bytes.starts(with: MediaCacheEntry.magic), "\(path) is a cache entry")
        }
        #expect(!FileSystem.listFiles(site.root).contains { $0.hasPrefix("Public/") && $0.contains("headers") })
    }

    @Test func damagedAndForeignEntriesAreIgnoredAndMadeAgain() throws {
        let site = Self.gallery()
        defer { site.delete() }
        let cold = site.build()
        #expect(cold.failureValue == nil, "\(cold.diagnostics)")
        let published = Fixtures.snapshot(site.output)
        let entries = Self.entries(site.cache)
        let paths = entries.keys.sorted()
        try #require(paths.count >= 4)
        let (truncated, overwritten, foreign, donor) = (paths[0], paths[1], paths[2], paths[3])
        func write(_ bytes: [UInt8], _ path: String) {
            FileManager.default.createFile(atPath: site.cache + "/" + path, contents: Data(bytes))
        }
        write(Array(entries[truncated]!.prefix(entries[truncated]!.count / 2)), truncated)
        // Foreign bytes of the very same length, and a whole entry of another key.
        write(entries[overwritten]!.map { $0 ^ 0x5A }, overwritten)
        write(entries[donor]!, foreign)
        // And the header index, damaged.
        write(Array("not an index".utf8), "media/headers")

        let repaired = site.build()
        #expect(repaired.failureValue == nil, "\(repaired.diagnostics)")
        #expect(Fixtures.snapshot(site.output) == published)
        #expect(Self.entries(site.cache) == entries)
    }

    @Test func anImageChangedOnDiskIsSeenThoughTheCacheKnowsItsStamp() throws {
        let site = Self.gallery()
        defer { site.delete() }
        #expect(site.build().failureValue == nil)
        // Stamps are remembered only of files left alone for two seconds.
        Thread.sleep(forTimeInterval: 2.2)
        // Into another folder: a build into the same one would leave the unchanged site alone.
        #expect(site.build(site.paths(output: site.root + "/Other")).failureValue == nil)
        #expect(FileSystem.exists(site.cache + "/media/headers"))
        let before = Fixtures.snapshot(site.output)

        // Other bytes under the same name, with the old modification time put back.
        let photo = site.content + "/gallery/images/photo.jpg"
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: photo)[.modificationDate] as? Date)
        site.write(ImageFixtures.image(1300, 800, .jpeg, noise: 9), to: "gallery/images/photo.jpg")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: photo)
        let changed = site.build()
        #expect(changed.failureValue == nil, "\(changed.diagnostics)")
        let after = Fixtures.snapshot(site.output)
        #expect(after != before)
        var none = site.paths(output: site.root + "/Uncached")
        none.cache = nil
        #expect(site.build(none).failureValue == nil)
        #expect(Fixtures.snapshot(site.root + "/Uncached") == after)
    }

    @Test func aCacheInsideTheOutputTheContentOrTheTemplatesIsRefused() throws {
        let site = Self.gallery()
        defer { site.delete() }
        let first = site.build()
        #expect(first.failureValue == nil, "\(first.diagnostics)")
        let before = Fixtures.snapshot(site.root)
        for (cache, folder) in [
            (site.output + "/.explainer-cache", "output"), (site.output, "output"), (site.content + "/gallery/cache", "content"),
            (site.root + "/Templates/assets/cache", "templates"),
        ] {
            var paths = site.paths()
            paths.cache = cache
            let errors = site.build(paths).diagnostics
            #expect(errors.count == 1, "\(cache): \(errors)")
            #expect(errors.first?.file == cache)
            #expect(errors.first?.message.contains("media cache") == true, "\(errors)")
            #expect(errors.first?.message.contains("\(folder) folder") == true, "\(errors)")
            #expect(errors.first?.hint.contains("--cache") == true, "\(errors)")
        }
        // Nothing was built, nor a cache made.
        #expect(Fixtures.snapshot(site.root) == before)

        // In a dot-folder of the content folder, which no build reads, it may be.
        let published = Fixtures.snapshot(site.output)
        var hidden = site.paths()
        hidden.cache = site.content + "/.media-cache"
        let build = site.build(hidden)
        #expect(build.failureValue == nil, "\(build.diagnostics)")
        #expect(Self.entries(site.content + "/.media-cache").count >= 12)
        #expect(Fixtures.snapshot(site.output) == published)
    }
}
