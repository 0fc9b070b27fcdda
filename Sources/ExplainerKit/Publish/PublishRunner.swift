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
        if let baseURL, let problem = Self.baseURLProblem(baseURL) { return .failure(BuildFailure(problem)) }
        let settings = BuildSettings(includeDrafts: false, baseURL: baseURL, production: true)
        let runner = BuildRunner(paths: .init(content: content, templates: templates), settings: settings)
        let build: SiteBuild
        switch runner.buildInMemory() {
        case .failure(let failure): return .failure(failure)
        case .success(let b): build = b
        }
        var problems = SiteChecker.check(build.files)
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

    /// Why `url` cannot be a site's base URL (it must be absolute `http(s)` with a host and no
    /// query or fragment), or `nil` if it can.
    public static func baseURLProblem(_ url: String) -> Diagnostic? {
        let parsed = URL(string: url)
        let scheme = parsed?.scheme?.lowercased()
        guard let parsed, scheme == "https" || scheme == "http", let host = parsed.host, !host.isEmpty,
              parsed.query == nil, parsed.fragment == nil else {
            return Diagnostic(file: "--base-url", message: "`\(url)` is not an absolute http(s) address.",
                              hint: "Pass the address the site is served at, e.g. --base-url https://example.org.")
        }
        return nil
    }
}
