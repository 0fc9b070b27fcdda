import Foundation
import Testing

@testable import ExplainerKit
@testable import ExplainerPreview

#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, output folders: Explainer replaces or deletes only what a build made (decided by
/// the manifest it writes, never by what a folder happens to contain), refuses a path that is
/// not a folder, leaves alone what is named like its own leftovers but is not, holds one lock
/// for every writer of a folder (the preview included), and refuses odd branch names.
@Suite struct HardeningOutputTests {
    /// A small site on disk with its paths (output `Public/`, not built yet).
    static func site() -> (folder: String, paths: BuildRunner.Paths) {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article()])
        return (folder, BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public"))
    }

    /// A preview session of `paths` that made its first build (and so holds the lock).
    static func previewSession(_ paths: BuildRunner.Paths) async throws -> PreviewSession {
        let session = PreviewSession(runner: BuildRunner(paths: paths), liveReload: LiveReload())
        _ = try await session.initialBuild()
        return session
    }

    /// Everything at `path` that could be lost: its kind, its bytes, or its entries' (dot-files too).
    static func state(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return "absent" }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            return "folder[" + names.map { "\($0)=\(state(path + "/" + $0))" }.joined(separator: ",") + "]"
        case S_IFLNK: return "link→" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        case S_IFREG: return "file:" + String(decoding: (try? FileSystem.read(path)) ?? [], as: UTF8.self)
        default: return "special:\(st.st_mode & S_IFMT):\(st.st_ino)"
        }
    }

    /// Makes a Unix socket at `path` (kept bound until the test ends, closed by the process).
    static func makeSocket(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    /// The things that are not folders, made at `path` by each maker in turn.
    static let notFolders: [(String, @Sendable (String) throws -> Void)] = [
        ("a file", { try "my notes\n".write(toFile: $0, atomically: false, encoding: .utf8) }),
        (
            "a link to a file",
            { path in
                try "linked notes\n".write(toFile: path + "-target", atomically: false, encoding: .utf8)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + "-target")
            }
        ),
        (
            "a link to a folder",
            { path in
                Fixtures.write(["kept.txt": "kept"], into: path + "-folder")
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + "-folder")
            }
        ),
        ("a named pipe", { #expect(mkfifo($0, 0o644) == 0) }),
        ("a socket", { #expect(makeSocket($0)) }),
    ]

    // MARK: Class 1: an output that is not a folder is never deleted or moved

    @Test func anOutputThatIsNotAFolderIsRefusedAndKept() throws {
        for (what, make) in Self.notFolders {
            let (folder, paths) = Self.site()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            // Short paths: a socket's path has a small limit.
            var build = paths
            build.output = folder + "/n.txt"
            try make(build.output)
            let before = Self.state(folder)
            let failure = try #require(thrownFailure { try BuildRunner(paths: build).run() }, "build into \(what)")
            let problem = try #require(failure.diagnostics.first)
            #expect(problem.message.contains("not a folder"), "\(what): \(problem.message)")
            #expect(!problem.hint.isEmpty)
            #expect(Self.state(folder) == before, "build into \(what) changed the folder")

            let publish = PublishRunner(content: paths.content, templates: paths.templates, target: .directory(build.output))
            #expect(publish.runFailure()?.diagnostics.first?.message.contains("not a folder") == true, "publish to \(what)")
            #expect(Self.state(folder) == before, "publish to \(what) changed the folder")
        }
    }

    @Test func theCommitRefusesWhatAppearedAtTheOutputDuringTheBuild() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = SiteWriter(outputPath: paths.output)
        let staging = writer.staging()
        staging.receive([OutputFile(path: "index.html", text: "new")])
        try "made meanwhile\n".write(toFile: paths.output, atomically: false, encoding: .utf8)  // after the quick check
        #expect(throws: BuildFailure.self) { try writer.commit(staging) }
        #expect(Self.state(paths.output) == "file:made meanwhile\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    // MARK: Class 2: ownership is the manifest the build wrote, not an index.html

    @Test func aFolderWithAnIndexButNoManifestIsNotReplaced() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Public/index.html": "<h1>x</h1>", "Public/data.csv": "precious"], into: folder)
        let before = Self.state(paths.output)
        let problem = try #require(thrownFailure { try BuildRunner(paths: paths).run() }?.diagnostics.first)
        #expect(problem.message.contains("does not look like a built site"))
        #expect(problem.message.contains(OutputManifest.fileName))
        #expect(problem.hint.contains("older Explainer"))
        #expect(Self.state(paths.output) == before)
        // Hidden files count: a folder holding only a .git is not empty.
        let hidden = folder + "/Hidden"
        Fixtures.write([".git/HEAD": "ref: refs/heads/main\n"], into: hidden)
        var other = paths
        other.output = hidden
        #expect(thrownFailure { try BuildRunner(paths: other).run() } != nil)
        #expect(Self.state(hidden + "/.git/HEAD") == "file:ref: refs/heads/main\n")
        // An empty folder is fine.
        try FileManager.default.createDirectory(atPath: folder + "/Empty", withIntermediateDirectories: false)
        other.output = folder + "/Empty"
        _ = try BuildRunner(paths: other).run()
    }

    @Test func aFileTheUserDroppedIntoABuiltSiteStopsTheBuildAndIsNamed() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: paths).run()
        for dropped in ["data.csv", "a/history/notes.txt", ".htaccess", "mine/deep/x.txt", "a/risks/index.html.bak"] {
            Fixtures.write([dropped: "precious"], into: paths.output)
            let before = Self.state(paths.output)
            let problem = try #require(thrownFailure { try BuildRunner(paths: paths).run() }?.diagnostics.first, "dropped \(dropped)")
            let named = dropped.hasPrefix("mine/") ? "mine" : dropped
            #expect(problem.file == paths.output + "/" + named, "\(problem)")
            #expect(problem.message.contains("did not write"))
            #expect(problem.hint.contains("Move \(named)"))
            #expect(Self.state(paths.output) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
            try FileManager.default.removeItem(atPath: paths.output + "/" + named)
        }
        // A temporary file of a preview killed mid-write is ours; the build goes through.
        Fixtures.write(["a/.index.html.explainer-tmp-4242": "half"], into: paths.output)
        _ = try BuildRunner(paths: paths).run()
        #expect(!FileSystem.exists(paths.output + "/a/.index.html.explainer-tmp-4242"))
    }

    @Test func theManifestListsExactlyTheBuiltFilesAndIsDeterministic() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: paths).run()  // streamed
        let first = try FileSystem.read(paths.output + "/" + OutputManifest.fileName)
        let files = try BuildRunner(paths: paths).buildInMemory().files
        #expect(first == OutputManifest.encode(files.map(\.path)))
        let listed = Set(try #require(OutputManifest.decode(first)).files.map(\.bytes))
        #expect(listed == Set(FileSystem.listFiles(paths.output).map { Array($0.utf8) }))
        try SiteWriter(outputPath: paths.output).write(files)  // in memory, then written
        #expect(try FileSystem.read(paths.output + "/" + OutputManifest.fileName) == first)
        // Line breaks in a name survive; order is by bytes; duplicates are listed once.
        let odd = OutputManifest.encode(["b", "a\nb.txt", "a", "b"])
        #expect(String(decoding: odd, as: UTF8.self) == "explainer-manifest 1\na\na\\nb.txt\nb\n")
        #expect(
            OutputManifest.decode(odd).map { Set($0.files.map(\.bytes)) }
                == Set([Array("a".utf8), Array("a\nb.txt".utf8), Array("b".utf8)]))
        // The committed Public/ carries the manifest of a fresh build of the repository.
        let repo = try BuildRunner(paths: .init(content: Fixtures.path("Content"), templates: Fixtures.path("Templates")))
            .buildInMemory()
        #expect(
            try FileSystem.read(Fixtures.path("Public/" + OutputManifest.fileName)) == OutputManifest.encode(repo.files.map(\.path)),
            "Public/ is out of date (run `make site`)")
    }

    @Test func thePreviewKeepsTheManifestTrueSoALaterBuildReplacesItsFolder() async throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let session = try await Self.previewSession(paths)
            Fixtures.write(["Content/b.md": Fixtures.article(title: "Added")], into: folder)
            guard case .rebuilt(let rebuild) = await session.rebuild([paths.content + "/b.md"]) else {
                Issue.record("the rebuild failed")
                return
            }
            #expect(rebuild.written.contains("b/index.html"))
            let listed = Set(
                try #require(OutputManifest.decode(try FileSystem.read(paths.output + "/" + OutputManifest.fileName))).files.map(\.bytes))
            #expect(listed == Set(FileSystem.listFiles(paths.output).map { Array($0.utf8) }))
            try FileManager.default.removeItem(atPath: paths.content + "/b.md")
            _ = await session.rebuild([paths.content + "/b.md"])
            #expect(!FileSystem.exists(paths.output + "/b/index.html"))
        }
        _ = try BuildRunner(paths: paths).run()  // the session is gone: its folder is a built site
    }

    @Test func theGitDeployAndTheCheckerNeverSeeTheManifest() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: paths).run()
        let read = try BuiltSiteReader.read(paths.output)
        #expect(!read.map(\.path).contains(OutputManifest.fileName))
        let repo = folder + "/pages.git"
        #expect(try GitCommand().run(["init", "--bare", "--quiet", repo]).succeeded)
        _ = try PublishRunner(content: paths.content, templates: paths.templates, target: .git(repository: repo, branch: "gh-pages"))
            .run()
        let tree = try GitCommand().run(["--git-dir=\(repo)", "ls-tree", "-r", "--name-only", "gh-pages"]).stdout
        #expect(!tree.contains("explainer-manifest"))
        #expect(tree.contains("index.html"))
    }

    // MARK: Class 3: .previous, staging and old folders, and lock files, only when a build made them

    @Test func aPreviousTheUserMadeIsNeverDeleted() throws {
        let makers: [(String, (String) throws -> Void)] =
            Self.notFolders.map { ($0.0, $0.1) } + [
                ("a folder of the user's", { Fixtures.write(["kept.txt": "kept"], into: $0) }),
                (
                    "a built site with a user's file in it",
                    { path in
                        let (other, otherPaths) = Self.site()
                        var built = otherPaths
                        built.output = path
                        _ = try BuildRunner(paths: built).run()
                        Fixtures.write(["mine.txt": "mine"], into: path)
                        try FileManager.default.removeItem(atPath: other)
                    }
                ),
            ]
        for (what, make) in makers {
            let (folder, paths) = Self.site()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let target = folder + "/w"
            let publish = PublishRunner(content: paths.content, templates: paths.templates, target: .directory(target))
            _ = try publish.run()
            try make(target + ".previous")
            let before = Self.state(folder)
            let failure = try #require(publish.runFailure(), "publish over \(what)")
            #expect(failure.diagnostics.first?.file.hasPrefix(target + ".previous") == true, "\(what): \(failure)")
            #expect(Self.state(folder) == before, "publish over \(what) changed the folder")
            #expect(throws: BuildFailure.self) { try DirectoryDeployer(target: target).rollback() }
            #expect(Self.state(folder) == before, "rollback onto \(what) changed the folder")
        }
    }

    @Test func onlyLeftoversABuildMadeAreRemoved() throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: paths).run()
        // Named like leftovers of a killed build, but the user's.
        Fixtures.write(
            [
                ".Public.explainer-staging-1/mine.txt": "mine", ".Public.explainer-old-2x/mine.txt": "mine",
                ".Public.explainer-staging-notes": "mine", "elsewhere/kept.txt": "kept",
            ], into: folder)
        try "mine".write(toFile: folder + "/.Public.explainer-old-3", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/.Public.explainer-staging-4", withDestinationPath: folder + "/elsewhere")
        // Real leftovers: an empty staging folder, and one with the mark a build writes first.
        try FileManager.default.createDirectory(atPath: folder + "/.Public.explainer-staging-5", withIntermediateDirectories: false)
        Fixtures.write(
            [
                ".Public.explainer-old-6/\(OutputManifest.fileName)": OutputManifest.header + "\n",
                ".Public.explainer-old-6/x/index.html": "x",
            ],
            into: folder)
        let kept = Set([
            ".Public.explainer-staging-1", ".Public.explainer-old-2x", ".Public.explainer-staging-notes",
            ".Public.explainer-old-3", ".Public.explainer-staging-4", "elsewhere",
        ])
        let before = kept.map { Self.state(folder + "/" + $0) }
        _ = try BuildRunner(paths: paths).run()
        #expect(kept.map { Self.state(folder + "/" + $0) } == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == kept.union(["Content", "Public", "Templates"]))
    }

    @Test func aLockFileExplainerDidNotMakeIsRefusedAndKept() throws {
        let lockName = ".Public.explainer-lock"
        let makers: [(String, (String) throws -> Void)] = [
            ("a file with the user's text", { try "mine".write(toFile: $0, atomically: false, encoding: .utf8) }),
            ("a named pipe", { #expect(mkfifo($0, 0o644) == 0) }),
            ("a folder", { Fixtures.write(["kept.txt": "kept"], into: $0) }),
            ("a link", { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "Content/site.yml") }),
        ]
        for (what, make) in makers {
            let (folder, paths) = Self.site()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try make(folder + "/" + lockName)
            let before = Self.state(folder)
            let failure = try #require(thrownFailure { try BuildRunner(paths: paths).run() }, "lock file is \(what)")
            #expect(
                failure.diagnostics.first?.hint.contains("move it away") == true
                    || failure.diagnostics.first?.hint.contains("Move it away") == true,
                "\(what): \(failure)")
            #expect(Self.state(folder) == before, "a build with \(what) as its lock file changed the folder")
        }
    }

    // MARK: Class 15: the preview holds the folder's lock while it runs

    @Test func aBuildIntoTheFolderAPreviewWritesIsRefused() async throws {
        let preview = try await PreviewHarness()
        let paths = preview.fixture.paths
        let before = Fixtures.snapshot(paths.output)
        for drafts in [false, true] {
            let runner = BuildRunner(paths: paths, settings: BuildSettings(includeDrafts: drafts))
            let problem = try #require(thrownFailure { try runner.run() }?.diagnostics.first)
            #expect(problem.message.contains("preview is writing"), "\(problem)")
            #expect(problem.hint.contains("Stop that preview"))
        }
        let publish = PublishRunner(content: paths.content, templates: paths.templates, target: .directory(paths.output))
        #expect(publish.runFailure()?.diagnostics.first?.message.contains("preview is writing") == true)
        #expect(Fixtures.snapshot(paths.output) == before)
        // A build of another folder is not held up; once the preview stops, this one goes through.
        var other = paths
        other.output = preview.fixture.root + "/Other"
        _ = try BuildRunner(paths: other).run()
        preview.task.cancel()
        _ = try? await preview.task.value
        _ = try BuildRunner(paths: paths, settings: BuildSettings(includeDrafts: true)).run()
        preview.fixture.remove()
    }

    @Test func aSessionHoldsTheLockFromItsFirstBuildUntilItEnds() async throws {
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let session = try await Self.previewSession(paths)
            #expect(
                thrownFailure { try BuildRunner(paths: paths).run() }?.diagnostics.first?.message.contains("preview is writing") == true)
            #expect(throws: BuildFailure.self) { try OutputLock(for: paths.output) }
            // A second preview of the same folder cannot write it either.
            let second = PreviewSession(runner: BuildRunner(paths: paths), liveReload: LiveReload())
            var refused: BuildFailure?
            do { _ = try await second.initialBuild() } catch { refused = error }
            #expect(refused?.diagnostics.first?.message.contains("preview is writing") == true)
        }
        _ = try BuildRunner(paths: paths).run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["Content", "Public", "Templates"])
    }

    // MARK: Extra: branch names git would read as something else

    @Test func oddBranchNamesAreRefusedBeforeAnythingIsWritten() throws {
        for bad in ["@", "refs/heads/x", "refs/x", "@{-1}", "HEAD", "FETCH_HEAD", "-x", "a..b", "a b", "x.lock", "", "a//b"] {
            let problem = try GitDeployer.branchProblem(bad)
            #expect(problem?.file == "--branch", "`\(bad)` was accepted")
        }
        #expect(try GitDeployer.branchProblem("refs/heads/pages")?.hint.contains("--branch pages") == true)
        for good in ["gh-pages", "site/pages", "release-2025", "my-HEAD-start"] {
            #expect(try GitDeployer.branchProblem(good) == nil, "`\(good)` was refused")
        }
        let (folder, paths) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = folder + "/pages.git"
        #expect(try GitCommand().run(["init", "--bare", "--quiet", repo]).succeeded)
        for bad in ["@", "refs/heads/x"] {
            let failure = PublishRunner(content: paths.content, templates: paths.templates, target: .git(repository: repo, branch: bad))
                .runFailure()
            #expect(failure?.diagnostics.first?.file == "--branch")
            #expect(throws: BuildFailure.self) {
                try GitDeployer(repository: repo, branch: bad).publish([OutputFile(path: "index.html", text: "x")])
            }
        }
        #expect(try GitCommand().run(["--git-dir=\(repo)", "for-each-ref"]).line.isEmpty)
    }
}
