import Foundation
import Testing

@testable import ExplainerKit

/// `explainer build` streams each explainer's pages into the staging folder as they are made
/// instead of holding the site in memory: the folder it swaps in must be exactly what an
/// in-memory build makes, and a failure (a bad article, a full disk) must still leave the
/// output folder as it was, with nothing beside it.
@Suite("Streaming builds")
struct StreamingBuildTests {
    func site(articles count: Int = 12) -> (String, BuildRunner.Paths) {
        var articles: [String: String] = [:]
        for i in 0..<count { articles["a\(i).md"] = Fixtures.article(title: "Article \(i)", date: "2024-03-\(10 + i % 18)") }
        let folder = Fixtures.siteOnDisk(articles: articles)
        return (folder, BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public"))
    }

    func leftovers(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
    }

    /// The collector's order is by path whatever order the groups arrive in, whether or not
    /// two groups' paths interleave.
    @Test func collectorSortsByPathWhateverTheArrivalOrder() {
        func files(_ paths: String...) -> [OutputFile] { paths.map { OutputFile(path: $0, text: $0) } }
        let apart = OutputCollector()
        apart.receive(files("b/2", "b/1"))
        apart.receive(files("c.xml"))
        apart.receive([])
        apart.receive(files("a/1", "a/0/x"))
        #expect(apart.files().map(\.path) == ["a/0/x", "a/1", "b/1", "b/2", "c.xml"])
        let interleaved = OutputCollector()
        interleaved.receive(files("m", "a", "z"))
        interleaved.receive(files("b", "y"))
        #expect(interleaved.files().map(\.path) == ["a", "b", "m", "y", "z"])
    }

    @Test func streamedOutputEqualsTheInMemoryBuild() throws {
        let (folder, paths) = site()
        let inMemory = try BuildRunner(paths: paths).buildInMemory().files
        let expected = Dictionary(uniqueKeysWithValues: inMemory.map { ($0.path, $0.bytes) })
        let report = try BuildRunner(paths: paths).run()
        #expect(report.files == inMemory.count)
        // A streamed build holds no files (its summary has no `files`), only their count.
        #expect(report.summary?.fileCount == inMemory.count)
        #expect(Fixtures.snapshot(paths.output) == expected)
        // On one thread too, over the site just built.
        let serial = try ParallelMap.$serial.withValue(true) { try BuildRunner(paths: paths).run() }
        #expect(serial.files == inMemory.count)
        #expect(Fixtures.snapshot(paths.output) == expected)
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func filesInAnyFoldersInAnyOrderAreWritten() throws {
        let folder = Fixtures.temporaryFolder()
        let output = folder + "/Site"
        // Deep folders before their parents' files, a first folder left and come back to, top-level
        // files between, unsafe paths dropped, and groups received from several threads at once.
        let groups = [
            ["x/y/z/w.html", "x/y/q.html", "top.txt", "x/a.html", "b/c/d/e.txt", "x/y/z/v.html"],
            ["index.html", "b/c/f.txt", "b/g/h/i/j.txt", "../escape.txt", "b/.hidden"],
            ["x/k/l.html", "m/n.html", "m/o/p.html"],
        ]
        var expected: [String: [UInt8]] = [:]
        for group in groups {
            for path in group where OutputFile.isSafe(path) { expected[path] = Array("<\(path)>".utf8) }
        }
        let writer = SiteWriter(outputPath: output)
        let staging = writer.staging()
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            staging.receive(groups[index].map { OutputFile(path: $0, text: "<\($0)>") })
        }
        try writer.commit(staging)
        #expect(Fixtures.snapshot(output) == expected)
        #expect(!FileManager.default.fileExists(atPath: folder + "/escape.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Site"])
        // Replaced as a whole: the old site's files are removed with it.
        try writer.write([OutputFile(path: "index.html", text: "new"), OutputFile(path: "r/s/t.html", text: "t")])
        #expect(Fixtures.snapshot(output) == ["index.html": Array("new".utf8), "r/s/t.html": Array("t".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Site"])
    }

    @Test func aFailedBuildGivesItsSinkNothingAndWritesNothing() throws {
        let (folder, paths) = site(articles: 3)
        _ = try BuildRunner(paths: paths).run()
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var articles = (0..<3).map { ("a\($0).md", Fixtures.article(title: "Article \($0)")) }
        articles.append(("bad.md", "---\ntitle: T\nsummary: S\ndate: yesterday\n---\nBody\n"))
        let collector = OutputCollector()
        #expect(thrownFailure { try SiteBuilder.build(Fixtures.sources(articles: articles), into: collector) } != nil)
        #expect(collector.files().isEmpty)
        // A staging folder that received nothing has not touched the disk (nor taken the lock).
        let staging = SiteWriter(outputPath: paths.output).staging()
        #expect(thrownFailure { try SiteBuilder.build(Fixtures.sources(articles: articles), into: staging) } != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
        staging.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
    }

    @Test func diskFullWhileStreamingLeavesOutputAsItWas() throws {
        let (folder, paths) = site()
        _ = try BuildRunner(paths: paths).run()
        let before = Fixtures.snapshot(paths.output)
        Fixtures.write(["Content/a0.md": Fixtures.article(title: "Changed")], into: folder)
        let count = Counter()
        let writer = SiteWriter(outputPath: paths.output) { bytes, place throws(FileSystem.Failure) in
            if count.next() > 5 { throw FileSystem.Failure(path: place.path, operation: "write", code: ENOSPC) }
            try FileSystem.write(bytes, to: place)
        }
        let sources = try SiteSourceReader.read(content: paths.content, templates: paths.templates)
        let staging = writer.staging()
        _ = try SiteBuilder.build(sources, into: staging)
        #expect(FileSystem.isDirectory(staging.path))  // written while the pages were made
        do {
            try writer.commit(staging)
            Issue.record("the commit should have failed")
        } catch {
            #expect(error.description.contains("No space left on device"))
            #expect(error.diagnostics.first?.hint.contains("disk space") == true)
        }
        #expect(Fixtures.snapshot(paths.output) == before)
        #expect(try leftovers(folder).isEmpty)
        // The lock was released: the next build goes through.
        _ = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(paths.output) != before)
    }
}
