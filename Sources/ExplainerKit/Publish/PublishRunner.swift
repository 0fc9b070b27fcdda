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
    }

    /// What a successful publish did.
    public struct Report: Sendable {
        public var build: SiteBuild
        public var warnings: [Diagnostic]
        /// For a git target: the commit the branch now points at.
        public var git: GitDeployer.Outcome?
    }

    public var content: String
    public var templates: String
    /// Overrides `site.yml`'s `baseURL`.
    public var baseURL: String?
    public var target: Target
    /// For a git target: the folder whose `HEAD` is named in the commit message.
    public var sourceDirectory: String?
    /// Deploy even when the build has warnings (by default a warning refuses the publish: it
    /// may mean content that does not show).
    public var allowWarnings: Bool

    public init(content: String = "Content", templates: String = "Templates", baseURL: String? = nil,
                target: Target, sourceDirectory: String? = nil, allowWarnings: Bool = false) {
        self.content = content
        self.templates = templates
        self.baseURL = baseURL
        self.target = target
        self.sourceDirectory = sourceDirectory
        self.allowWarnings = allowWarnings
    }

    public func run() -> Result<Report, BuildFailure> {
        // Normalised when usable; the build refuses it otherwise (`BaseURL.flagProblem`).
        let baseURL = self.baseURL.map { (try? BaseURL.validate($0)) ?? $0 }
        if case .git(_, let branch) = target {  // before building: a bad name is a typo, say so at once
            do throws(BuildFailure) {
                if let problem = try GitDeployer.branchProblem(branch) { return .failure(BuildFailure(problem)) }
            } catch {
                return .failure(error)
            }
        }
        let settings = BuildSettings(includeDrafts: false, baseURL: baseURL, production: true)
        let runner = BuildRunner(paths: .init(content: content, templates: templates), settings: settings)
        let build: SiteBuild
        switch runner.buildInMemory() {
        case .failure(let failure): return .failure(failure)
        case .success(let b): build = b
        }
        var problems = SiteChecker.check(build.files, basePath: build.basePath)
        if !allowWarnings, !build.warnings.isEmpty {
            let count = build.warnings.count
            problems.append(Diagnostic(
                file: content, message: "The build has \(count) warning\(count == 1 ? "" : "s"); a site with warnings is not published.",
                hint: "Fix the warning\(count == 1 ? "" : "s") above, or pass --allow-warnings to publish anyway."))
        }
        if !problems.isEmpty {
            return .failure(BuildFailure(build.warnings + problems))
        }
        do {
            switch target {
            case .directory(let folder):
                let warnings = try DirectoryDeployer(target: folder).publish(build.files, protecting: [content, templates])
                return .success(Report(build: build, warnings: build.warnings + warnings, git: nil))
            case .git(let repository, let branch):
                let deployer = GitDeployer(repository: repository, branch: branch, sourceDirectory: sourceDirectory)
                let outcome = try deployer.publish(build.files)
                return .success(Report(build: build, warnings: build.warnings, git: outcome))
            }
        } catch {
            return .failure(error)
        }
    }
}
