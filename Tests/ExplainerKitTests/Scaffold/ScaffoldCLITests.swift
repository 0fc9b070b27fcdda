import Foundation
import Testing

@testable import ExplainerKit

/// `explainer init` and `explainer new` end to end, through the binary, in temporary folders:
/// what they write builds at once, and what they refuse leaves every file as it was.
///
/// The sites have no `Templates/`: builds use the binary's embedded theme.
@Suite(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
struct ScaffoldCLITests {
    /// Runs `explainer` with `arguments` in `folder`.
    static func explainer(_ arguments: [String], in folder: String) throws -> CLIProcess.Output {
        try CLIProcess.run(try #require(InterruptedBuildTests.binary), arguments, in: folder)
    }

    /// `explainer build` (with `extra` flags) of the site in `folder`: with no `Templates/`
    /// there, the binary's embedded theme.
    static func build(_ folder: String, _ extra: [String] = []) throws -> CLIProcess.Output {
        #expect(!FileManager.default.fileExists(atPath: folder + "/Templates"), "init and new write no Templates/")
        return try explainer(["build"] + extra, in: folder)
    }

    /// A new site made by `explainer init` in a new temporary folder.
    static func initialisedSite() throws -> String {
        let folder = Fixtures.temporaryFolder()
        let run = try explainer(["init"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    // MARK: - init

    @Test func initMakesASiteThatBuildsAtOnce() throws {
        let base = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let run = try Self.explainer(["init", "my-site"], in: base)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        for path in ["Content/site.yml", "Content/leap-years.md", ".gitignore"] {
            #expect(run.stdout.contains("Wrote my-site/\(path)"), "\(run.stdout)")
        }
        #expect(run.stdout.contains("cd my-site") && run.stdout.contains("explainer new \"Your title\""), "\(run.stdout)")
        let site = base + "/my-site"
        let build = try Self.build(site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("warning"), "\(build.stderr)")
        for page in ["index.html", "leap-years/index.html", "leap-years/history/index.html", "feed.xml"] {
            #expect(FileManager.default.fileExists(atPath: site + "/Public/" + page), "\(page)")
        }
        let ignored = try String(contentsOfFile: site + "/.gitignore", encoding: .utf8).split(separator: "\n")
        #expect(ignored.contains("Public/") && ignored.contains(".explainer-cache/"))
        // The build's output is one of the folders `.gitignore` names.
        #expect(FileSystem.isDirectory(site + "/Public"))
    }

    /// A folder with only dot-files (a fresh `git init`) counts as empty.
    @Test func initAcceptsAFolderWithOnlyDotFiles() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write([".git/HEAD": "ref: refs/heads/main\n", ".DS_Store": ""], into: folder)
        let run = try Self.explainer(["init"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Wrote Content/site.yml"), "\(run.stdout)")
        #expect(!run.stdout.contains("cd "), "\(run.stdout)")
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["notes.txt": "mine\n"], into: folder)
        let run = try Self.explainer(["init"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("The folder is not empty (it holds notes.txt)"), "\(run.stderr)")
        #expect(run.stderr.contains("--force"), "\(run.stderr)")
        #expect(FileSystem.listFiles(folder) == ["notes.txt"])
    }

    /// `--force` adds what is missing and replaces nothing, saying what it skipped.
    @Test func initForceNeverOverwrites() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mine = "title: Mine\nbaseURL: https://mine.example\n"
        Fixtures.write(["Content/site.yml": mine, ".gitignore": "secret/\n"], into: folder)
        let before = Fixtures.snapshot(folder)
        let run = try Self.explainer(["init", "--force"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Wrote Content/leap-years.md"), "\(run.stdout)")
        #expect(run.stderr.contains("Skipped Content/site.yml: it is already there"), "\(run.stderr)")
        #expect(run.stderr.contains("Skipped .gitignore: it is already there"), "\(run.stderr)")
        let after = Fixtures.snapshot(folder)
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path)") }
        #expect(Set(after.keys) == Set(before.keys).union(["Content/leap-years.md"]))
    }

    @Test func initRefusesAFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["site": "a file\n"], into: folder)
        let run = try Self.explainer(["init", "site", "--force"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("site: error: This is not a folder"), "\(run.stderr)")
    }

    // MARK: - new

    @Test(arguments: [false, true])
    func newExplainerBuildsWithDrafts(bundle: Bool) throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try Self.explainer(["new", "Fresh start"] + (bundle ? ["--bundle"] : []), in: site)
        #expect(run.status == 0, "\(run.stderr)")
        let path = bundle ? "Content/fresh-start/index.md" : "Content/fresh-start.md"
        #expect(run.stdout.contains("Wrote \(path), a draft"), "\(run.stdout)")
        #expect(run.stdout.contains("`explainer preview --drafts`") && run.stdout.contains("/fresh-start/"), "\(run.stdout)")
        let build = try Self.build(site, ["--drafts"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "\(build.stderr)")
        for page in ["", "history/", "strategy/", "risks/"] {
            #expect(FileManager.default.fileExists(atPath: site + "/Public/fresh-start/\(page)index.html"), "\(page)")
        }
        // A draft: not in a build without --drafts.
        #expect(try Self.build(site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site + "/Public/fresh-start/index.html"))
    }

    /// The front matter written decodes: the title as typed, today (UTC) or `--date`, a draft.
    @Test func newFrontMatterDecodes() throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let before = ArticleDate(utcDayOf: Date())
        let title = #"Why "now"? A: B #1"#
        let run = try Self.explainer(["new", title], in: site)
        let after = ArticleDate(utcDayOf: Date())
        #expect(run.status == 0, "\(run.stderr)")
        let path = "Content/why-now-a-b-1.md"
        let article = try ArticleParser.parse(SourceFile(path: path, bytes: try FileSystem.read(site + "/" + path)))
        #expect(article.frontMatter.title == title)
        #expect(article.frontMatter.draft)
        #expect(article.frontMatter.date == before || article.frontMatter.date == after)

        let dated = try Self.explainer(["new", "Dated", "--date", "2024-02-29", "--slug", "dated-one"], in: site)
        #expect(dated.status == 0, "\(dated.stderr)")
        let datedPath = "Content/dated-one.md"
        let datedArticle = try ArticleParser.parse(SourceFile(path: datedPath, bytes: try FileSystem.read(site + "/" + datedPath)))
        #expect(datedArticle.frontMatter.date == ArticleDate(year: 2024, month: 2, day: 29))
        #expect(datedArticle.frontMatter.title == "Dated")

        let build = try Self.build(site, ["--drafts"])
        #expect(build.status == 0, "\(build.stderr)")
        let html = try String(contentsOfFile: site + "/Public/why-now-a-b-1/index.html", encoding: .utf8)
        #expect(html.contains("A: B #1"))
    }

    @Test func newTakesTitlesInAnyScript() throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try Self.explainer(["new", "Ελληνικά: Crème brûlée"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        let slug = "ελληνικά-creme-brulee"
        #expect(FileManager.default.fileExists(atPath: site + "/Content/\(slug).md"))
        let build = try Self.build(site, ["--drafts"])
        #expect(build.status == 0, "\(build.stderr)")
        let html = try String(contentsOfFile: site + "/Public/\(slug)/index.html", encoding: .utf8)
        #expect(html.contains("Ελληνικά: Crème brûlée"))
    }

    /// A slug another explainer has is refused, naming its file, in each of the three forms.
    @Test(arguments: [
        ("Content/taken.md", Fixtures.article(), "Content/taken.md"),
        ("Content/taken/index.md", Fixtures.article(), "Content/taken/"),
        ("Content/other.md", Fixtures.article(extraFrontMatter: "slug: taken"), "Content/other.md:13:7"),
    ])
    func newRefusesATakenSlug(existing: String, text: String, named: String) throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        Fixtures.write([existing: text], into: site)
        let before = Fixtures.snapshot(site)
        for arguments in [["new", "Taken"], ["new", "Another title", "--slug", "taken"], ["new", "Taken", "--bundle"]] {
            let run = try Self.explainer(arguments, in: site)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("\(named): error: The slug `taken` is taken"), "\(run.stderr)")
            #expect(run.stderr.contains("--slug"), "\(run.stderr)")
            #expect(Fixtures.snapshot(site) == before, "\(arguments)")
        }
    }

    @Test func newRefusesAnAddressOfTheSite() throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try Self.explainer(["new", "Page"], in: site)
        #expect(run.status == 1)
        #expect(run.stderr.contains("home page listings"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site + "/Content/page.md"))
    }

    @Test func newRefusesBadFlagsBeforeRunning() throws {
        let site = try Self.initialisedSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let before = Fixtures.snapshot(site)
        for (arguments, says) in [
            (["new", "T", "--date", "2025-13-01"], "is not a date"),
            (["new", "T", "--slug", "Bad Slug"], "--slug bad-slug"),
            (["new", "???"], "--slug my-explainer"),
        ] {
            let run = try Self.explainer(arguments, in: site)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(says), "\(run.stderr)")
        }
        #expect(Fixtures.snapshot(site) == before)
    }

    @Test func newNeedsAContentFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["new", "Lost"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content: error: The content folder does not exist"), "\(run.stderr)")
        #expect(run.stderr.contains("explainer init"), "\(run.stderr)")
        #expect(FileSystem.listFiles(folder).isEmpty)
    }
}
