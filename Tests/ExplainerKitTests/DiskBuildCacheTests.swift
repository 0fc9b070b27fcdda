import Foundation
import Synchronization
import Testing

@testable import ExplainerKit

#if canImport(Glibc)
import Glibc
#endif

/// A site on disk built two ways after every change: warm, into `Public/` through the disk
/// build cache `cache/` (which it keeps from build to build), and cold, into `Cold/` without
/// any cache. The two must always be the same bytes.
struct CacheSite {
    let root: String

    init(articles: Int = 5) {
        var files: [String: String] = [:]
        for i in 0..<articles { files["a\(i).md"] = Fixtures.article(title: "Story \(i)", date: "2025-01-\(10 + i)") }
        root = Fixtures.siteOnDisk(articles: files)
    }

    var content: String { root + "/Content" }
    var output: String { root + "/Public" }
    var cache: String { root + "/cache" }
    var cold: String { root + "/Cold" }

    func paths(output: String? = nil, cache: String? = nil) -> BuildRunner.Paths {
        BuildRunner.Paths(content: content, templates: root + "/Templates", output: output ?? self.output, cache: cache ?? self.cache)
    }

    /// The warm build: into `Public/` through `cache/`.
    func warm(_ settings: BuildSettings = BuildSettings(), output: String? = nil) -> Result<BuildRunner.Report, BuildFailure> {
        outcome { () throws(BuildFailure) in try BuildRunner(paths: paths(output: output), settings: settings).run() }
    }

    /// The cold build: into a new `Cold/`, without a cache.
    func coldBuild(_ settings: BuildSettings = BuildSettings()) -> Result<BuildRunner.Report, BuildFailure> {
        try? FileManager.default.removeItem(atPath: cold)
        var none = paths(output: cold)
        none.cache = nil
        return outcome { () throws(BuildFailure) in try BuildRunner(paths: none, settings: settings).run() }
    }

    /// The cache's build records (`cache/build/*.record`).
    var records: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/build")) ?? []).filter { $0.hasSuffix(".record") }.sorted()
    }

    func text(_ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }

    func write(_ path: String, _ text: String) {
        Fixtures.write([path: text], into: root)
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The disk build cache (`BuildCacheFolder`, `BuildRecord`, `DiskMemo`): a warm build is the
/// same bytes as a cold one whatever was edited, damaged or raced, a site nothing changed in is
/// left alone, unchanged explainers are taken from the output folder, and the cache is never
/// published.
@Suite("Disk build cache")
struct DiskBuildCacheTests {
    /// The same outcome: the same bytes, or the same failure.
    static func expectSame(
        _ site: CacheSite, _ warm: Result<BuildRunner.Report, BuildFailure>, _ cold: Result<BuildRunner.Report, BuildFailure>,
        _ what: String
    ) {
        switch (warm, cold) {
        case (.success, .success):
            let warmFiles = Fixtures.snapshot(site.output)
            let coldFiles = Fixtures.snapshot(site.cold)
            #expect(warmFiles.keys.sorted() == coldFiles.keys.sorted(), "\(what): other files")
            let differing = warmFiles.keys.filter { warmFiles[$0] != coldFiles[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): other bytes in \(differing.prefix(5))")
        case (.failure(let w), .failure(let c)):
            #expect(
                w.diagnostics.map(\.message) == c.diagnostics.map { $0.message.replacingOccurrences(of: site.cold, with: site.output) },
                "\(what)")
        default:
            Issue.record(
                "\(what): warm \(warm.failureValue.map { "\($0.diagnostics)" } ?? "built"), cold \(cold.failureValue.map { "\($0.diagnostics)" } ?? "built")"
            )
        }
    }

    /// One random change to the site (or to what the last build left in `Public/`), and what
    /// the warm build after it should say of itself.
    enum Change: CaseIterable {
        case body, title, tags, draft, template, asset, config, image, bundleFile, rename, deletion, addition, touch, nothing,
            outputEdited, outputDeleted
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func warmBuildsEqualColdBuildsThroughRandomEdits(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let site = CacheSite()
        defer { site.delete() }
        // A bundle with an image, so media is among the inputs.
        site.write("Content/b/index.md", MediaFixtures.article(body: "The map:\n\n![A map](map.png)\n\nText.\n"))
        FileManager.default.createFile(atPath: site.content + "/b/map.png", contents: Data(ImageFixtures.image(160, 100, .png)))
        var settings = BuildSettings()
        Self.expectSame(site, site.warm(settings), site.coldBuild(settings), "seed \(seed), first build")

        var counter = 0
        for step in 1...24 {
            counter += 1
            let change = Change.allCases.randomElement(using: &random)!
            let articles = ((try? FileManager.default.contentsOfDirectory(atPath: site.content)) ?? []).filter { $0.hasSuffix(".md") }
                .sorted()
            let article = "Content/" + articles.randomElement(using: &random)!
            var rendered = 0  // how many explainers this change must render again, if known
            switch change {
            case .body:
                site.write(article, site.text(article) + "\n\nA paragraph added, edit \(counter).\n")
                // A draft's edit renders nothing (it is not built).
                rendered = site.text(article).contains("draft: true") ? -1 : 1
            case .title:
                site.write(article, site.text(article).replacingOccurrences(of: "title: \"", with: "title: \"Edit \(counter) "))
                rendered = -1
            case .tags:
                site.write(article, site.text(article).replacingOccurrences(of: "tags: [One, Two]", with: "tags: [One, Edit\(counter)]"))
                rendered = -1
            case .draft:
                site.write(article, site.text(article).replacingOccurrences(of: "summary:", with: "draft: true\nsummary:"))
                rendered = -1
            case .template:
                site.write("Templates/layout.mustache", site.text("Templates/layout.mustache") + "<!-- edit \(counter) -->\n")
                rendered = -1
            case .asset:
                let css =
                    "Templates/assets/"
                    + (try FileManager.default.contentsOfDirectory(atPath: site.root + "/Templates/assets")).filter { $0.hasSuffix(".css") }
                    .sorted()[0]
                site.write(css, site.text(css) + "\n/* edit \(counter) */\n")
                rendered = -1
            case .config:
                site.write(
                    "Content/site.yml",
                    site.text("Content/site.yml").replacingOccurrences(of: "description: ", with: "description: Edit \(counter). "))
                rendered = -1
            case .image:
                // Other pixels, the same size and modification time: only the inode's change
                // time and the bytes say it changed.
                let map = site.content + "/b/map.png"
                let modified = try FileManager.default.attributesOfItem(atPath: map)[.modificationDate] as? Date
                FileManager.default.createFile(atPath: map, contents: Data(ImageFixtures.image(160, 100, .png, noise: counter)))
                if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: map) }
                rendered = -1
            case .bundleFile:
                site.write("Content/b/notes.txt", "notes, edit \(counter)\n")
                rendered = -1
            case .rename:
                guard articles.count > 2 else { continue }
                try FileManager.default.moveItem(atPath: site.root + "/" + article, toPath: site.content + "/renamed-\(counter).md")
                rendered = -1
            case .deletion:
                guard articles.count > 2 else { continue }
                try FileManager.default.removeItem(atPath: site.root + "/" + article)
                rendered = -1
            case .addition:
                site.write("Content/new-\(counter).md", Fixtures.article(title: "New \(counter)", date: "2025-02-0\(counter % 9 + 1)"))
                rendered = -1
            case .touch:
                let later = Date().addingTimeInterval(Double(counter))
                try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: site.root + "/" + article)
            case .nothing:
                break
            case .outputEdited, .outputDeleted:
                let pages = FileSystem.listFiles(site.output).filter { $0.hasSuffix(".html") }.sorted()
                guard let page = pages.randomElement(using: &random) else { continue }
                if change == .outputEdited {
                    // In place, the same size: the bytes of the one file the build left there.
                    let handle = try #require(FileHandle(forUpdatingAtPath: site.output + "/" + page))
                    try handle.seek(toOffset: 0)
                    try handle.write(contentsOf: Data("<!--".utf8))
                    try handle.close()
                } else {
                    try FileManager.default.removeItem(atPath: site.output + "/" + page)
                }
                rendered = -1
            }
            if random.next() % 5 == 0 {
                settings = BuildSettings(production: !settings.production)
                rendered = -1
            }
            let what = "seed \(seed), step \(step): \(change)\(settings.production ? " (production)" : "")"
            let warm = site.warm(settings)
            Self.expectSame(site, warm, site.coldBuild(settings), what)
            guard case .success(let report) = warm else { continue }
            if rendered == 0 {
                #expect(report.unchanged, "\(what): the site was built again")
            } else {
                #expect(!report.unchanged, "\(what): the change was not seen")
            }
            if rendered == 1, !report.unchanged {
                #expect(report.reused == report.articles - 1, "\(what): \(report.reused) of \(report.articles) kept")
            }
        }
    }

    @Test func aDamagedCacheIsNoCache() throws {
        let site = CacheSite()
        defer { site.delete() }
        #expect(site.warm().failureValue == nil)
        let record = try #require(site.records.first.map { site.cache + "/build/" + $0 })
        let good = try FileSystem.read(record)
        #expect(good.count > 200)
        var random = SeededRandom(seed: 7)
        let damages: [(String, ([UInt8]) -> [UInt8])] = [
            ("cut in half", { Array($0.prefix($0.count / 2)) }),
            ("emptied", { _ in [] }),
            ("zeroed", { [UInt8](repeating: 0, count: $0.count) }),
            ("random bytes", { bytes in (0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &random) } }),
            (
                "one byte flipped in the middle",
                {
                    var b = $0; b[b.count / 2] ^= 0x01; return b
                }
            ),
            (
                "the last byte flipped",
                {
                    var b = $0; b[b.count - 1] ^= 0x80; return b
                }
            ),
            ("garbage after it", { $0 + [1, 2, 3] }),
            (
                "the header's sizes flipped",
                {
                    var b = $0; b[16] ^= 0xFF; b[12] ^= 0x01; return b
                }
            ),
        ]
        for (index, (what, damage)) in damages.enumerated() {
            try Data(damage(good)).write(to: URL(fileURLWithPath: record))
            // Once as it is, once with one article changed.
            for edited in [false, true] {
                if edited { site.write("Content/a1.md", Fixtures.article(title: "Damage \(index)")) }
                let warm = site.warm()
                #expect(warm.successValue?.unchanged != true, "\(what): a damaged record was trusted")
                #expect(warm.successValue?.reused == 0, "\(what): pages taken on a damaged record's word")
                Self.expectSame(site, warm, site.coldBuild(), what)
                try Data(damage(good)).write(to: URL(fileURLWithPath: record))
            }
        }
        // What is not a record file at all: a folder, a pipe, a symlink to one; the build
        // folder itself a file.
        let makers: [(String, () throws -> Void)] = [
            ("a folder", { try FileManager.default.createDirectory(atPath: record, withIntermediateDirectories: false) }),
            ("a named pipe", { #expect(mkfifo(record, 0o644) == 0) }),
            ("a symlink to /dev/zero", { try FileManager.default.createSymbolicLink(atPath: record, withDestinationPath: "/dev/zero") }),
        ]
        for (what, make) in makers {
            try? FileManager.default.removeItem(atPath: record)
            try make()
            let warm = site.warm()
            Self.expectSame(site, warm, site.coldBuild(), what)
            #expect(warm.successValue?.reused == 0, "\(what)")
        }
        try? FileManager.default.removeItem(atPath: record)
        try FileManager.default.removeItem(atPath: site.cache + "/build")
        try "mine".write(toFile: site.cache + "/build", atomically: false, encoding: .utf8)
        site.write("Content/a2.md", Fixtures.article(title: "Build is a file"))
        Self.expectSame(site, site.warm(), site.coldBuild(), "the build folder a file")
        #expect(site.text("cache/build") == "mine")
    }

    @Test func aRecordOfAnotherProgramVersionOrFolderIsNone() throws {
        let site = CacheSite()
        defer { site.delete() }
        #expect(site.warm().failureValue == nil)
        let output = FileSystem.canonical(site.output)
        let folder = BuildCacheFolder(cache: site.cache)
        let record = try #require(folder.record(output: output))
        let bytes = record.encoded(output: output)
        #expect(BuildRecord.decode(bytes, output: output) != nil)
        #expect(BuildRecord.decode(bytes, output: output + "2") == nil)
        // Another program: the same payload framed with another key.
        let payload = try #require(MediaCacheEntry.decode(bytes, key: BuildRecord.frameKey(output: output)))
        let other = MediaCacheEntry.encode(payload, key: Array("explainer build record 1\nanother program\n\(output)".utf8))
        #expect(BuildRecord.decode(other, output: output) == nil)
        try Data(other).write(to: URL(fileURLWithPath: folder.recordPath(output: output)))
        let warm = site.warm()
        #expect(warm.successValue?.unchanged == false)
        #expect(warm.successValue?.reused == 0)
        // A record of the folder once more, trusted.
        #expect(site.warm().successValue?.unchanged == true)
    }

    @Test func anUnchangedSiteIsLeftAloneAndOneEditRendersOneExplainer() throws {
        let site = CacheSite(articles: 6)
        defer { site.delete() }
        let first = try #require(site.warm().successValue)
        #expect(!first.unchanged && first.reused == 0)
        let inode = { (path: String) -> UInt64 in
            var info = stat()
            return lstat(site.output + "/" + path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let before = Fixtures.snapshot(site.output)
        let rootInode = inode(".")
        let pageInode = inode("a3/index.html")
        #expect(pageInode != 0)

        let again = try #require(site.warm().successValue)
        #expect(again.unchanged)
        #expect((again.articles, again.pages, again.files) == (first.articles, first.pages, first.files))
        #expect(inode(".") == rootInode, "an unchanged site was replaced")
        #expect(Fixtures.snapshot(site.output) == before)

        site.write("Content/a1.md", site.text("Content/a1.md") + "\nOne more paragraph.\n")
        let edited = try #require(site.warm().successValue)
        #expect(!edited.unchanged)
        #expect(edited.reused == 5)
        // The kept explainer's page is the very file that was there (a hard link), in a new folder.
        #expect(inode("a3/index.html") == pageInode)
        #expect(inode(".") != rootInode)
        Self.expectSame(site, .success(edited), site.coldBuild(), "one edit")
        #expect(String(decoding: Fixtures.snapshot(site.output)["a1/index.html"] ?? [], as: UTF8.self).contains("One more paragraph."))
    }

    @Test func aFileAddedToTheOutputIsRefusedAsWithoutTheCache() throws {
        let site = CacheSite()
        defer { site.delete() }
        #expect(site.warm().failureValue == nil)
        site.write("Public/mine.txt", "mine")
        let warm = site.warm()
        let failure = try #require(warm.failureValue)
        #expect(failure.diagnostics.first?.message.contains("mine.txt") == true, "\(failure.diagnostics)")
        #expect(site.text("Public/mine.txt") == "mine")
        // Without the cache, the same refusal.
        var none = site.paths()
        none.cache = nil
        let cold = try #require(outcome { () throws(BuildFailure) in try BuildRunner(paths: none).run() }.failureValue)
        #expect(cold.diagnostics.map(\.message) == failure.diagnostics.map(\.message))
    }

    @Test func theCacheIsNeverPublishedAndStaysBounded() throws {
        let site = CacheSite(articles: 8)
        defer { site.delete() }
        #expect(site.warm().failureValue == nil)
        let published = Fixtures.snapshot(site.output)
        #expect(!published.keys.contains { $0.contains("record") || $0.hasPrefix("build/") || $0.contains("explainer-cache") })
        for (name, bytes) in Fixtures.snapshot(site.cache) where name.hasSuffix(".record") {
            #expect(published.values.allSatisfy { $0 != bytes }, "\(name) is published")
        }
        // Deleted articles leave the record.
        let full = try FileSystem.read(site.cache + "/build/" + site.records[0]).count
        for i in 1..<8 { try FileManager.default.removeItem(atPath: site.content + "/a\(i).md") }
        #expect(site.warm().failureValue == nil)
        let small = try FileSystem.read(site.cache + "/build/" + site.records[0]).count
        #expect(small * 3 < full, "\(small) of \(full) bytes")
        // One record per output folder, the most recent `keptRecords`.
        for i in 0..<(BuildCacheFolder.keptRecords + 4) {
            #expect(site.warm(output: site.root + "/Out\(i)").failureValue == nil)
        }
        #expect(site.records.count == BuildCacheFolder.keptRecords)
        // `explainer cache --clear`: the build and media folders, nothing else.
        site.write("cache/mine.txt", "mine")
        let removed = BuildCacheFolder.clear(cache: site.cache)
        #expect(removed.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.cache) == ["mine.txt"])
        #expect(site.warm().successValue?.unchanged == false)
    }

    @Test func buildsRacingOnOneCacheGiveTheirOwnSites() throws {
        let site = CacheSite(articles: 6)
        defer { site.delete() }
        #expect(site.warm().failureValue == nil)
        #expect(site.coldBuild().failureValue == nil)
        let expected = Fixtures.snapshot(site.cold)
        let production = BuildSettings(production: true)
        // Four threads, two output folders, two settings, one cache, three rounds each.
        let outputs = (0..<4).map { site.root + "/Race\($0 % 2)" }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            for _ in 0..<3 {
                let settings = index < 2 ? BuildSettings() : production
                let result = outcome { () throws(BuildFailure) in
                    try BuildRunner(paths: site.paths(output: outputs[index] + (index < 2 ? "" : "P")), settings: settings).run()
                }
                if let failure = result.failureValue,
                    !failure.diagnostics.allSatisfy({ $0.message.hasPrefix("Another explainer build is writing") })
                {
                    failures.withLock { $0.append("\(failure.diagnostics)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        for race in ["/Race0", "/Race1"] { #expect(Fixtures.snapshot(site.root + race) == expected, "\(race)") }
        #expect(site.coldBuild(production).failureValue == nil)
        let expectedProduction = Fixtures.snapshot(site.cold)
        for race in ["/Race0P", "/Race1P"] { #expect(Fixtures.snapshot(site.root + race) == expectedProduction, "\(race)") }
        // And warm again after the race: still the same bytes.
        for race in ["/Race0", "/Race1"] {
            let again = try #require(site.warm(output: site.root + race).successValue)
            #expect(again.unchanged)
            #expect(Fixtures.snapshot(site.root + race) == expected)
        }
    }
}
