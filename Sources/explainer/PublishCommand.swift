import ArgumentParser
import ExplainerKit
import Foundation

/// `explainer publish`: production build, checks, then deploy to a folder or a git branch.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the production site, check it, and deploy it.",
        discussion: """
            explainer publish [--base-url URL] --to DIR
            explainer publish [--base-url URL] --git-repo PATH [--branch gh-pages]
            explainer publish --rollback --to DIR
            """)

    @Option(help: "The folder with site.yml and the articles.")
    var content = "Content"

    @Option(help: "The folder whose templates and assets/ replace the embedded theme's, file by file (none: the embedded theme).")
    var templates = "Templates"

    @OptionGroup var base: BaseURLOption

    @Option(help: "Publish into this folder (swapped in atomically; the old site is kept as DIR.previous).")
    var to: String?

    @Option(name: .customLong("git-repo"), help: "Publish as a commit on a branch of this git repository (may be bare).")
    var gitRepo: String?

    @Option(help: "The branch to publish to with --git-repo.")
    var branch = "gh-pages"

    @Flag(help: "Swap DIR and DIR.previous back (with --to DIR).")
    var rollback = false

    @Flag(name: .customLong("allow-warnings"), help: "Publish even if the build has warnings (by default a warning stops the publish).")
    var allowWarnings = false

    func validate() throws {
        if (to == nil) == (gitRepo == nil) { throw ValidationError("Pass exactly one of --to DIR or --git-repo PATH.") }
        if rollback && to == nil { throw ValidationError("--rollback works with --to DIR only.") }
        // (If git cannot run at all, the publish says so when it starts.)
        if gitRepo != nil, let problem = try? GitDeployer.branchProblem(branch) {
            throw ValidationError(problem.message + " " + problem.hint)
        }
    }

    func run() throws {
        if rollback, let to {
            do {
                try DirectoryDeployer(target: to).rollback()
            } catch {
                Terminal.report(error.diagnostics)
                throw ExitCode.failure
            }
            Terminal.printOut("Rolled \(to)/ back to the previous site (the replaced one is now \(to).previous/).")
            return
        }
        let target: PublishRunner.Target = to.map { .directory($0) } ?? .git(repository: gitRepo ?? "", branch: branch)
        let report: PublishRunner.Report
        do {
            report = try PublishRunner(
                content: content, templates: templates, baseURL: base.baseURL, target: target,
                allowWarnings: allowWarnings, today: BuildSettings.day(of: Date())
            ).run()
        } catch {
            throw Terminal.fail(error, "Publish", noun: "problem", consequence: "Nothing was deployed.")
        }
        Terminal.report(report.warnings)
        let what = "\(report.build.articles.count) article\(report.build.articles.count == 1 ? "" : "s"), \(report.build.files.count) files"
        if let git = report.git {
            Terminal.printOut(
                git.changed
                    ? "Published \(what) to \(branch) in \(gitRepo ?? "") (commit \(git.commit.prefix(12)))."
                    : "\(branch) in \(gitRepo ?? "") already holds this site; nothing to commit.")
        } else if let to {
            let kept =
                FileSystem.isDirectory(DirectoryDeployer(target: to).previousPath)
                ? " (previous site kept as \(to).previous/; undo with --rollback)" : ""
            Terminal.printOut("Published \(what) to \(to)/\(kept).")
        }
    }
}
