import ArgumentParser
import ExplainerKit
import ExplainerS3
import Foundation

/// `explainer publish`: production build, checks, then deploy to a folder, a git branch or an
/// S3-compatible bucket.
struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the production site, check it, and deploy it.",
        discussion: """
            explainer publish [--base-url URL] --to DIR
            explainer publish [--base-url URL] --git-repo PATH [--branch gh-pages]
            explainer publish [--base-url URL] --to s3://BUCKET[/PREFIX] [--endpoint URL] [--region R] [--dry-run] [--max-deletes N]
            explainer publish --rollback --to DIR|s3://BUCKET[/PREFIX]
            Credentials for a bucket: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), else
            ~/.aws/credentials, profile AWS_PROFILE (default "default").
            """)

    @Option(help: "The folder with site.yml and the articles.")
    var content = "Content"

    @Option(help: "The folder whose templates and assets/ replace the embedded theme's, file by file (none: the embedded theme).")
    var templates = "Templates"

    @OptionGroup var base: BaseURLOption

    @Option(
        help:
            "Publish into this folder (swapped in atomically; the old site is kept as DIR.previous), or to the bucket s3://BUCKET[/PREFIX]."
    )
    var to: String?

    @Option(name: .customLong("git-repo"), help: "Publish as a commit on a branch of this git repository (may be bare).")
    var gitRepo: String?

    @Option(help: "The branch to publish to with --git-repo.")
    var branch = "gh-pages"

    @Flag(help: "Restore the previous site: swap DIR and DIR.previous back, or restore a bucket's from its backups.")
    var rollback = false

    @Option(help: "The S3 API's address (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, else AWS for the region).")
    var endpoint: String?

    @Option(help: "The bucket's region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1).")
    var region: String?

    @Flag(
        name: .customLong("dry-run"),
        help: "Print every upload, header change and delete a publish to a bucket would make; change nothing.")
    var dryRun = false

    @Option(
        name: .customLong("max-deletes"),
        help: "Fail a publish to a bucket, before any change, that would delete more objects than this (default 256).")
    var maxDeletes: Int?

    @Flag(
        name: .customLong("break-lock"),
        help: "Take a bucket's publish lock even if another publish holds it (only when that one is dead).")
    var breakLock = false

    @Option(help: "How many requests a publish to a bucket makes at once (1–64; default 16).")
    var parallel: Int?

    /// Whether `--to` names a bucket.
    var bucket: String? { to.flatMap { $0.lowercased().hasPrefix("s3://") ? $0 : nil } }

    @Flag(name: .customLong("allow-warnings"), help: "Publish even if the build has warnings (by default a warning stops the publish).")
    var allowWarnings = false

    func validate() throws {
        if (to == nil) == (gitRepo == nil) { throw ValidationError("Pass exactly one of --to DIR or --git-repo PATH.") }
        if rollback && to == nil { throw ValidationError("--rollback works with --to DIR or --to s3://BUCKET only.") }
        if bucket == nil, endpoint != nil || region != nil || dryRun || maxDeletes != nil || breakLock || parallel != nil {
            throw ValidationError(
                "--endpoint, --region, --dry-run, --max-deletes, --break-lock and --parallel work with --to s3://BUCKET only.")
        }
        if let parallel, !(1...64).contains(parallel) { throw ValidationError("--parallel must be between 1 and 64.") }
        if let maxDeletes, maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more.") }
        // (If git cannot run at all, the publish says so when it starts.)
        if gitRepo != nil, let problem = try? GitDeployer.branchProblem(branch) {
            throw ValidationError(problem.message + " " + problem.hint)
        }
    }

    func run() async throws {
        if let bucket {
            try await publish(toBucket: bucket)
            return
        }
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

    /// `--to s3://…`: the address and credentials first, then the build and its checks, then
    /// the deploy (or the rollback); the summary line last, for a dry run too.
    private func publish(toBucket address: String) async throws {
        let parallelism = parallel ?? 16
        let connection: (BucketAddress, S3Client)
        do {
            connection = try S3Wiring.connect(to: address, endpoint: endpoint, region: region, parallelism: parallelism)
        } catch {
            throw Terminal.fail(error, "Publish", noun: "problem", consequence: "Nothing was deployed.")
        }
        let (bucket, client) = connection
        let options = BucketDeployer.Options(
            dryRun: dryRun, maxDeletes: maxDeletes ?? 256, breakLock: breakLock, parallelism: parallelism,
            progress: ProgressLine.deploy())
        let deployer = BucketDeployer(store: client, bucket: bucket, options: options)
        var build: SiteBuild?
        if !rollback {
            do {
                let built = try PublishRunner(
                    content: content, templates: templates, baseURL: base.baseURL, target: .external,
                    allowWarnings: allowWarnings, today: BuildSettings.day(of: Date())
                ).run()
                Terminal.report(built.warnings)
                build = built.build
            } catch {
                try? await client.shutdown()
                throw Terminal.fail(error, "Publish", noun: "problem", consequence: "Nothing was deployed.")
            }
        }
        let report: DeployReport
        do {
            if let build { report = try await deployer.publish(build) } else { report = try await deployer.rollback() }
        } catch {
            try? await client.shutdown()
            throw Terminal.fail(
                error, rollback ? "Rollback" : "Publish", noun: "problem",
                consequence: "Every page in \(bucket) still resolves; run the command again to complete it.")
        }
        try? await client.shutdown()
        Terminal.report(report.warnings)
        for line in report.lines { Terminal.printOut(line) }
        if report.rolledBack, !report.dryRun { Terminal.printOut("Rolled \(bucket) back to the previous site.") }
        Terminal.printOut(report.summary)
    }
}
