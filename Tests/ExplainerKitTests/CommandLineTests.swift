import Foundation
import Testing

@testable import ExplainerKit

/// The command line's flags: validated by argument-parser before anything runs, and
/// `--base-url` normalised by the one `BaseURL` rule, the same for `build`, `preview` and
/// `publish`.
@Suite struct CommandLineTests {
    /// Runs the `explainer` binary with `arguments`; its status and standard error.
    static func explainer(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        try CLIProcess.run(try #require(InterruptedBuildTests.binary), arguments)
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func buildTakesABaseURLNormalisedAsSiteYMLsIs() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article(title: "A")])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = BuildRunner.Paths(content: folder + "/Content", templates: folder + "/Templates", output: folder + "/Public")
        let run = try Self.explainer([
            "build", "--content", paths.content, "--templates", paths.templates,
            "--output", paths.output, "--base-url", "HTTPS://Host.Example/sub/",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try BuildRunner(paths: paths, settings: BuildSettings(baseURL: "https://host.example/sub")).buildInMemory()
        let built = Fixtures.snapshot(paths.output)
        for file in expected.files { #expect(built[file.path] == file.bytes, "\(file.path)") }
        let sitemap = String(decoding: try #require(built[SitemapWriter.path]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://host.example/sub/</loc>"), "\(sitemap)")
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func buildRefusesABadBaseURLBeforeWriting() throws {
        let folder = Fixtures.siteOnDisk(articles: ["a.md": Fixtures.article(title: "A")])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer([
            "build", "--content", folder + "/Content", "--templates", folder + "/Templates",
            "--output", folder + "/Out", "--base-url", "example.org",
        ])
        #expect(run.status == 64, "\(run.stderr)")
        let problem = try #require(BaseURL.problem("example.org"))
        #expect(run.stderr.contains(problem.message(naming: "--base-url")), "\(run.stderr)")
        #expect(run.stderr.contains(BaseURL.hint), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out"))
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func publishRefusesABadBranchAsAFlag() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["publish", "--git-repo", folder + "/pages.git", "--branch", "refs/heads/x"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("`refs/heads/x` is not a valid branch name"), "\(run.stderr)")
        #expect(run.stderr.contains("--branch x"), "\(run.stderr)")
    }

    /// The library takes the same normalisation: a base URL as a caller spells it gives the
    /// URLs `site.yml`'s normalised one gives, split once by `BaseURL`.
    @Test func siteURLsUseTheOneBaseURLParse() {
        let spelled = SiteURLs(baseURL: "HTTPS://Host.Example:0443/sub/")
        #expect(spelled == SiteURLs(baseURL: "https://host.example:443/sub"))
        #expect(spelled.origin == "https://host.example:443")
        #expect(spelled.basePath == "/sub")
        #expect(SiteURLs(baseURL: "").baseURL == "")
        #expect(SiteURLs(baseURL: "http://[::1]:8000").basePath == "")
    }
}
