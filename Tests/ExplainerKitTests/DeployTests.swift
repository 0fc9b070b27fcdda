import Foundation
import Testing

@testable import ExplainerKit

/// End to end: publish into folders and git repositories made in temporary folders.
@Suite struct DeployTests {
    static let templates = PublishFixtures.packageRoot + "/Templates"

    static func git(_ arguments: [String], in directory: String? = nil) throws -> String {
        let output = try GitCommand(directory: directory).run(arguments)
        guard output.succeeded else { throw BuildFailure(Diagnostic(file: "git", message: output.stderr)) }
        return output.line
    }

    @Test func publishToAFolderThenRollBack() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/site"
        let content = try PublishFixtures.writeContent(["first": PublishFixtures.article(title: "First", date: "2025-01-01")], in: root)
        let runner = PublishRunner(content: content, templates: Self.templates, target: .directory(target))
        let v1 = try runner.run()
        #expect(Fixtures.snapshot(target).keys.sorted() == v1.build.files.map(\.path).sorted())
        #expect(!FileManager.default.fileExists(atPath: target + ".previous"))

        _ = try PublishFixtures.writeContent(["second": PublishFixtures.article(title: "Second", date: "2025-02-01")], in: root)
        let v2 = try runner.run()
        let v1Snapshot = Dictionary(uniqueKeysWithValues: v1.build.files.map { ($0.path, $0.bytes) })
        let v2Snapshot = Dictionary(uniqueKeysWithValues: v2.build.files.map { ($0.path, $0.bytes) })
        #expect(v1Snapshot != v2Snapshot)
        #expect(Fixtures.snapshot(target) == v2Snapshot)
        #expect(Fixtures.snapshot(target + ".previous") == v1Snapshot)

        try DirectoryDeployer(target: target).rollback()
        #expect(Fixtures.snapshot(target) == v1Snapshot)
        #expect(Fixtures.snapshot(target + ".previous") == v2Snapshot)
        try DirectoryDeployer(target: target).rollback()  // and forward again
        #expect(Fixtures.snapshot(target) == v2Snapshot)
        // A publish or build of another folder beside it does not hold up a rollback...
        let sibling = try OutputLock(for: root + "/other")
        try DirectoryDeployer(target: target).rollback()
        #expect(Fixtures.snapshot(target) == v1Snapshot)
        sibling.release()
        // ...one of the same folder does, and nothing moves.
        let same = try OutputLock(for: target)
        #expect(throws: BuildFailure.self) { try DirectoryDeployer(target: target).rollback() }
        #expect(throws: BuildFailure.self) { try runner.run() }
        same.release()
        #expect(Fixtures.snapshot(target) == v1Snapshot)
        #expect(Fixtures.snapshot(target + ".previous") == v2Snapshot)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func rollbackWithoutPreviousFails() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: BuildFailure.self) { try DirectoryDeployer(target: root + "/site").rollback() }
    }

    @Test func aBrokenLinkFailsThePublishAndLeavesTheTargetUntouched() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/site"
        let good = try PublishFixtures.writeContent(["good": PublishFixtures.article(title: "Good", date: "2025-01-01")], in: root)
        _ = try PublishRunner(content: good, templates: Self.templates, target: .directory(target)).run()
        let before = Fixtures.snapshot(target)

        let broken = try PublishFixtures.writeContent(
            ["good": PublishFixtures.article(title: "Good", date: "2025-01-01", extra: " A [broken link](/no-such-page/).")],
            in: root + "/broken")
        guard let failure = PublishRunner(content: broken, templates: Self.templates, target: .directory(target)).runFailure() else {
            Issue.record("publish with a broken link succeeded")
            return
        }
        // The build itself refuses it now, at the link in the Markdown (before `SiteChecker` would).
        #expect(
            failure.diagnostics.contains {
                $0.file.hasSuffix("/good.md") && $0.line != nil && $0.message.contains("`/no-such-page/`")
            })
        #expect(Fixtures.snapshot(target) == before)
        #expect(!FileManager.default.fileExists(atPath: target + ".previous"))
    }

    @Test func gitTargetGetsACommitWhoseTreeIsTheSite() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let repo = root + "/pages.git"
        _ = try Self.git(["init", "--bare", "--quiet", repo])
        let content = try PublishFixtures.writeContent(["story": PublishFixtures.article(title: "Story", date: "2025-01-01")], in: root)
        let runner = PublishRunner(
            content: content, templates: Self.templates, baseURL: "https://pages.example.io",
            target: .git(repository: repo, branch: "gh-pages"), sourceDirectory: PublishFixtures.packageRoot)
        let report = try runner.run()
        let outcome = try #require(report.git)
        #expect(outcome.changed)
        #expect(try Self.git(["--git-dir=\(repo)", "rev-parse", "refs/heads/gh-pages"]) == outcome.commit)
        let tree = try Self.git(["--git-dir=\(repo)", "ls-tree", "-r", "--name-only", "gh-pages"])
        #expect(tree.split(separator: "\n").map(String.init) == report.build.files.map(\.path).sorted())
        // Blob contents are the built bytes.
        let index = try Self.git(["--git-dir=\(repo)", "show", "gh-pages:index.html"])
        #expect(
            index
                == String(decoding: report.build.files.first { $0.path == "index.html" }!.bytes, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        let source = try Self.git(["rev-parse", "HEAD"], in: PublishFixtures.packageRoot)
        #expect(try Self.git(["--git-dir=\(repo)", "log", "-1", "--format=%s", "gh-pages"]) == "Publish site from \(source)")

        // The same site again: no new commit. A changed site: a commit on top.
        #expect(try runner.run().git?.changed == false)
        _ = try PublishFixtures.writeContent(["story": PublishFixtures.article(title: "Story, updated", date: "2025-01-01")], in: root)
        let second = try #require(try runner.run().git)
        #expect(second.changed)
        #expect(try Self.git(["--git-dir=\(repo)", "rev-parse", "gh-pages^"]) == outcome.commit)
    }

    @Test func gitTargetNeverTouchesTheSourceBranchOrWorkingTree() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let repo = root + "/work"
        _ = try Self.git(["init", "--quiet", "-b", "main", repo])
        try "source\n".write(toFile: repo + "/README", atomically: true, encoding: .utf8)
        _ = try Self.git(["add", "README"], in: repo)
        _ = try Self.git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "source"], in: repo)
        try "edited\n".write(toFile: repo + "/README", atomically: true, encoding: .utf8)  // uncommitted work
        let head = try Self.git(["rev-parse", "HEAD"], in: repo)
        let status = try Self.git(["status", "--porcelain"], in: repo)

        let content = try PublishFixtures.writeContent(["story": PublishFixtures.article(title: "Story", date: "2025-01-01")], in: root)
        let report = try PublishRunner(
            content: content, templates: Self.templates, target: .git(repository: repo, branch: "gh-pages"),
            sourceDirectory: root
        ).run()
        #expect(report.git?.changed == true)
        #expect(try Self.git(["rev-parse", "HEAD"], in: repo) == head)
        #expect(try Self.git(["symbolic-ref", "HEAD"], in: repo) == "refs/heads/main")
        #expect(try Self.git(["status", "--porcelain"], in: repo) == status)
        #expect(try Self.git(["log", "-1", "--format=%s", "gh-pages"], in: repo) == "Publish site")
        #expect(try Self.git(["rev-list", "--count", "gh-pages"], in: repo) == "1")

        // The branch that is checked out cannot be the target.
        let refused = PublishRunner(content: content, templates: Self.templates, target: .git(repository: repo, branch: "main"))
        #expect(throws: BuildFailure.self) { try refused.run() }
        #expect(try Self.git(["rev-parse", "HEAD"], in: repo) == head)
    }

    @Test func aBadBaseURLIsRefused() {
        #expect(BaseURL.flagProblem("example.org") != nil)
        #expect(BaseURL.flagProblem("ftp://example.org") != nil)
        #expect(BaseURL.flagProblem("https://example.org/") == nil)
        #expect(BaseURL.flagProblem("https://example.org/sub") == nil)
    }
}
