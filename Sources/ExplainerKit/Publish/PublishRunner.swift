import Foundation

/// `explainer publish` as one call: a production build, the site checks, then the deploy.
/// A failing check, or a warning of the build (unless `allowWarnings`), stops everything
/// before anything is written. The `publish` command is a thin wrapper around this.
public struct PublishRunner: Sendable {
    /// Where the site goes.
    public enum Target: Sendable, Hashable {
        /// A folder a web server serves, replaced atomically (the old site kept as `.previous`).
        case directory(String)
        /// A branch of a git repository, committed as the branch's whole tree.
        case git(repository: String, branch: String)
        /// None here: `run()` builds and checks, and the caller deploys the report's build
        /// (`publish --to s3://…`, through ExplainerS3's `BucketDeployer`).
        case external
    }

    /// What a successful publish did.
    public struct Report: Sendable {
        public var build: SiteBuild
        public var warnings: [Diagnostic]
        /// For a git target: the commit the branch now points at.
        public var git: GitDeployer.Outcome?
    }

    var content: String
    var templates: String
    /// Overrides `site.yml`'s `baseURL`.
    var baseURL: String?
    var target: Target
    /// For a git target: the folder whose `HEAD` is named in the commit message.
    var sourceDirectory: String?
    /// Deploy even when the build has warnings (by default a warning refuses the publish: it
    /// may mean content that does not show).
    var allowWarnings: Bool
    /// The day of the publish (UTC): an explainer dated after it is left out (scheduled).
    var today: (year: Int, month: Int, day: Int)?
    /// Where Pagefind is looked for (`Pagefind.locate`): the process's environment.
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    /// - Parameter today: the day of the publish, UTC (the command line reads the clock); nil
    ///   schedules nothing.
    public init(
        content: String = "Content", templates: String = "Templates", baseURL: String? = nil,
        target: Target, sourceDirectory: String? = nil, allowWarnings: Bool = false,
        today: (year: Int, month: Int, day: Int)? = nil
    ) {
        self.content = content
        self.templates = templates
        self.baseURL = baseURL
        self.target = target
        self.sourceDirectory = sourceDirectory
        self.allowWarnings = allowWarnings
        self.today = today
    }

    /// Builds, checks and deploys; throws every problem found (the build's warnings with
    /// them), before anything is deployed when the build or the checks fail.
    public func run() throws(BuildFailure) -> Report {
        let deploy: (SiteBuild) throws(BuildFailure) -> Report
        switch target {
        case .directory(let folder):
            deploy = { [content, templates] build throws(BuildFailure) in
                let warnings = try DirectoryDeployer(target: folder).publish(build.files, protecting: [content, templates])
                return Report(build: build, warnings: build.warnings + warnings, git: nil)
            }
        case .git(let repository, let branch):
            // Made before building: a bad branch name is a typo, said at once.
            let deployer = try GitDeployer(repository: repository, branch: branch, sourceDirectory: sourceDirectory)
            deploy = { build throws(BuildFailure) in
                Report(build: build, warnings: build.warnings, git: try deployer.publish(build.files))
            }
        case .external:
            deploy = { build in Report(build: build, warnings: build.warnings, git: nil) }
        }
        return try deploy(buildAndChecked())
    }

    /// The production build, checked: what every target publishes (a bucket's deployer takes
    /// it from here). Throws the build's problems, the checks' and, unless `allowWarnings`,
    /// the build's warnings; on success the warnings ride on the build.
    public func buildAndChecked() throws(BuildFailure) -> SiteBuild {
        let settings = BuildSettings(includeDrafts: false, includeFuture: false, today: today, baseURL: baseURL, production: true)
        var runner = BuildRunner(paths: .init(content: content, templates: templates), settings: settings)
        runner.environment = environment
        // With search on, the files hold the index of the pages: checked and deployed with them.
        let build = try runner.buildInMemory()
        var problems = SiteChecker.check(build.files, basePath: build.basePath)
        if !allowWarnings, !build.warnings.isEmpty {
            let count = build.warnings.count
            problems.append(
                Diagnostic(
                    file: content,
                    message: "The build has \(count) warning\(count == 1 ? "" : "s"); a site with warnings is not published.",
                    hint: "Fix the warning\(count == 1 ? "" : "s") above, or pass --allow-warnings to publish anyway."))
        }
        if !problems.isEmpty { throw BuildFailure(build.warnings + problems) }
        return build
    }
}
