import Foundation
import Testing

@testable import ExplainerKit

/// Bad input gets a clear error naming the file, a failed build leaves the output as it was,
/// and hard input cannot crash or hang the pipeline.
@Suite("Reliability")
struct ReliabilityTests {
    /// A site on disk, built once so that `Public/` exists; returns the folder and its paths.
    func builtSite(_ articles: [String: String] = ["a.md": Fixtures.article()]) throws -> (String, BuildRunner.Paths) {
        let folder = Fixtures.siteOnDisk(articles: articles)
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        _ = try BuildRunner(paths: paths).run()
        return (folder, paths)
    }

    /// Builds, expects failure, and checks `Public/` is byte-for-byte as before.
    func expectFailureLeavingOutput(_ folder: String, _ paths: BuildRunner.Paths) throws -> [Diagnostic] {
        let before = Fixtures.snapshot(paths.output)
        let failure = try #require(thrownFailure { try BuildRunner(paths: paths).run() })
        #expect(Fixtures.snapshot(paths.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        return failure.diagnostics.filter { $0.severity == .error }
    }

    @Test func everyBadFileIsReportedInOneRun() throws {
        let (folder, paths) = try builtSite()
        Fixtures.write(
            [
                "Content/no-front-matter.md": "Just text.\n",
                "Content/empty.md": "",
                "Content/unclosed.md": "---\ntitle: x\n",
                "Content/types.md": "---\ntitle: T\nsummary: S\ndate: yesterday\ntags: 5\n---\nBody\n",
                "Content/dupes.md": "---\ntitle: T\ntitle: U\nsummary: S\ndate: 2025-01-01\n---\n",
            ], into: folder)
        let errors = try expectFailureLeavingOutput(folder, paths)
        let files = Set(errors.map { ($0.file as NSString).lastPathComponent })
        #expect(files == ["no-front-matter.md", "empty.md", "unclosed.md", "types.md", "dupes.md"])
        #expect(errors.count == 6)  // types.md has two
    }

    @Test func hugeUnreadableAndLoopingFilesAreErrorsNotCrashes() throws {
        let (folder, paths) = try builtSite()
        let big = FileManager.default.createFile(atPath: folder + "/Content/big.md", contents: Data(count: 50 * 1_048_576))
        #expect(big)
        try FileManager.default.createSymbolicLink(atPath: folder + "/Content/loop.md", withDestinationPath: "loop.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/Content/dangling.md", withDestinationPath: "nowhere.md")
        try FileManager.default.createDirectory(atPath: folder + "/Content/folder.md", withIntermediateDirectories: false)
        Fixtures.write(["Content/binary.md": "---\n\u{0}\u{1}\u{2}"], into: folder)
        let errors = try expectFailureLeavingOutput(folder, paths)
        let byFile = Dictionary(grouping: errors) { ($0.file as NSString).lastPathComponent }
        #expect(byFile["big.md"]?.first?.message.contains("52,428,800 bytes; the limit is 8,388,608 bytes (8 MiB)") == true)
        #expect(byFile["loop.md"]?.first?.message.contains("symlink loop") == true)
        #expect(byFile["dangling.md"]?.first?.message.contains("No such file") == true)
        #expect(byFile["binary.md"]?.first?.message.contains("binary") == true)
        #expect(byFile["folder.md"] == nil)  // a folder is not an article
    }

    @Test func fileNamesAreSluggedSafely() throws {
        let build = try SiteBuilder.build(
            Fixtures.sources(articles: [
                ("Crème brûlée & co.md", Fixtures.article())
            ]))
        #expect(build.articles.map(\.slug) == ["creme-brulee-co"])
        #expect(build.files.allSatisfy { OutputFile.isSafe($0.path) })
        let hostile = Fixtures.article().replacingOccurrences(of: "risks: ", with: "../../x: ")
        let failure = try #require(thrownFailure { try SiteBuilder.build(Fixtures.sources(articles: [("a.md", hostile)])) })
        #expect(failure.diagnostics.contains { $0.message.contains("not a valid page slug") && $0.line == 8 })
        #expect(!OutputFile.isSafe("../x") && !OutputFile.isSafe("/etc/x") && !OutputFile.isSafe("a/../b") && !OutputFile.isSafe(".git/x"))
    }

    @Test func diskFullLeavesOutputAsItWas() throws {
        let (folder, paths) = try builtSite()
        let before = Fixtures.snapshot(paths.output)
        let build = try BuildRunner(paths: paths).buildInMemory()
        let count = Counter()
        let writer = SiteWriter(outputPath: paths.output) { bytes, place throws(FileSystem.Failure) in
            if count.next() > 3 { throw FileSystem.Failure(path: place.path, operation: "write", code: ENOSPC) }
            try FileSystem.write(bytes, to: place)
        }
        #expect(throws: BuildFailure.self) { try writer.write(build.files) }
        do { try writer.write(build.files) } catch {
            #expect(error.description.contains("No space left on device"))
            #expect(error.diagnostics.first?.hint.contains("disk space") == true)
        }
        #expect(Fixtures.snapshot(paths.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    @Test func outputThatCannotBeCreatedIsAnError() throws {
        let (folder, paths) = try builtSite()
        var bad = paths
        bad.output = folder + "/Content/site.yml/out"  // below a file
        let failure = try #require(thrownFailure { try BuildRunner(paths: bad).run() })
        #expect(failure.diagnostics.first?.file == bad.output)
    }

    @Test func aSecondBuildAtTheSameTimeIsRefused() throws {
        let (folder, paths) = try builtSite()
        let lock = try OutputLock(for: paths.output)
        let before = Fixtures.snapshot(paths.output)
        let failure = try #require(thrownFailure { try BuildRunner(paths: paths).run() })
        #expect(failure.diagnostics.first?.message == "Another explainer build is writing \(paths.output) right now.")
        #expect(Fixtures.snapshot(paths.output) == before)
        #expect(throws: BuildFailure.self) { try OutputLock(for: folder + "/./Public/") }  // the same folder
        lock.release()
        // Released: the lock file is gone and the next build goes through.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
        Fixtures.write(["Content/a.md": Fixtures.article(title: "Changed")], into: folder)
        _ = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(paths.output) != before)
    }

    @Test func siblingOutputsBuildAtTheSameTime() throws {
        let (folder, paths) = try builtSite()
        var other = paths
        other.output = folder + "/Other"
        // A build of Other while one of Public holds its lock (and the reverse) goes through.
        let lock = try OutputLock(for: paths.output)
        _ = try BuildRunner(paths: other).run()
        lock.release()
        let otherLock = try OutputLock(for: other.output)
        _ = try BuildRunner(paths: paths).run()
        otherLock.release()
        #expect(Fixtures.snapshot(other.output) == Fixtures.snapshot(paths.output))
        // Both at once, on two threads, several times over: neither is refused.
        let failures = Counter()
        let both = [paths, other]
        for _ in 0..<5 {
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if thrownFailure({ try BuildRunner(paths: both[index]).run() }) != nil { _ = failures.next() }
            }
        }
        #expect(failures.next() == 1)
        #expect(Fixtures.snapshot(other.output) == Fixtures.snapshot(paths.output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Other", "Public", "Templates"])
    }

    @Test func aLockFileLeftByAKilledBuildDoesNotBlock() throws {
        let (folder, paths) = try builtSite()
        // A killed build leaves its lock file, but the kernel has dropped its flock.
        Fixtures.write([".Public.explainer-lock": ""], into: folder)
        Fixtures.write(["Content/a.md": Fixtures.article(title: "Changed")], into: folder)
        let before = Fixtures.snapshot(paths.output)
        _ = try BuildRunner(paths: paths).run()
        #expect(Fixtures.snapshot(paths.output) != before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    @Test func notASiteFolderIsNotReplaced() throws {
        let (folder, paths) = try builtSite()
        var other = paths
        other.output = folder + "/Notes"
        Fixtures.write(["Notes/todo.txt": "precious"], into: folder)
        let failure = try #require(thrownFailure { try BuildRunner(paths: other).run() })
        #expect(failure.diagnostics.first?.message.contains("does not look like a built site") == true)
        #expect(try String(contentsOfFile: folder + "/Notes/todo.txt", encoding: .utf8) == "precious")
    }

    @Test func markdownThatIsHardOnParsersBuilds() throws {
        let cases = [
            String(repeating: "> ", count: 10_000) + "deep quote\n",
            (0..<5_000).map { String(repeating: "  ", count: $0 % 200) + "- item \($0)" }.joined(separator: "\n"),
            String(repeating: "word ", count: 400_000) + "\n",
            String(repeating: "*a **b _c ", count: 30_000) + "\n",
            String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n",
        ]
        for body in cases {
            let text = "---\ntitle: T\nsummary: S\ndate: 2025-01-01\n---\n" + body
            let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", text)]))
            #expect(build.text("a/index.html") != nil)
        }
    }

    @Test func hostileFrontMatterIsEscapedInEveryContext() throws {
        let evil = "<img src=x onerror=alert(1)>"
        let article = """
            ---
            title: "\(evil)"
            summary: "\(evil)"
            date: 2025-01-01
            tags: ["\(evil)"]
            keyPoints: ["\(evil)"]
            timeline:
              - { date: "c. 1990", event: "\(evil)" }
              - { date: "2000", event: "x" }
            ---
            > "Quote"
            >
            > — \(evil), "role"

            ## Sec

            Text.
            """
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        for file in build.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<img src=x"), "\(file.path) contains unescaped HTML")
        }
    }

    @Test func unsafeHTMLIsOptIn() throws {
        let text = "---\ntitle: T\nsummary: S\ndate: 2025-01-01\n---\n<div class=\"raw\">x</div>\n\n[a](javascript:alert(1))\n"
        let safe = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", text)]))
        #expect(try #require(safe.text("a/index.html")).contains("<!-- raw HTML omitted -->"))
        #expect(!(try #require(safe.text("a/index.html")).contains("javascript:")))
        let trusting = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", text)], siteYML: Fixtures.siteYML + "\nunsafeHTML: true"))
        #expect(try #require(trusting.text("a/index.html")).contains("<div class=\"raw\">x</div>"))
    }

    @Test func everyPageCarriesAContentSecurityPolicyWithoutInlineScript() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Fixtures.article())]))
        for file in build.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"))
            #expect(!html.contains("unsafe-inline"))
            // The only script element is JSON-LD data, which does not run.
            let scripts = html.components(separatedBy: "<script").count - 1
            let data = html.components(separatedBy: "<script type=\"application/ld+json\">").count - 1
            #expect(scripts == data, "\(file.path)")
        }
    }
}

/// A thread-safe counter for fault injection.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}
