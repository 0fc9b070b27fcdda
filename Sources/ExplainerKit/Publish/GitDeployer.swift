import Foundation

/// Publishes a site as a commit on a branch of a git repository (e.g. `gh-pages`), whose tree
/// is exactly the built site and nothing else.
///
/// Only git plumbing is used, with a temporary index: the repository's checked-out branch,
/// its index and its working tree are never touched, and bare repositories work the same.
/// The branch moves with a compare-and-swap `update-ref`, so a concurrent push is not lost.
public struct GitDeployer: Sendable {
    /// What a publish did.
    public struct Outcome: Sendable, Hashable {
        /// The branch tip after publishing.
        public var commit: String
        /// The tree of that commit.
        var tree: String
        /// `false` when the branch already held this exact site (no commit was made).
        public var changed: Bool
    }

    /// Default identity when git has none configured.
    static let defaultName = "Explainer"
    static let defaultEmail = "explainer@localhost"

    let repository: String
    let branch: String
    /// The folder whose `HEAD` names the source commit in the message (`nil`: the current folder).
    var sourceDirectory: String?

    /// A deployer to `branch` of `repository`; throws when `branch` cannot be one to publish
    /// to (`branchProblem`), before anything is built or written.
    init(repository: String, branch: String = "gh-pages", sourceDirectory: String? = nil) throws(BuildFailure) {
        if let problem = try Self.branchProblem(branch) { throw BuildFailure(problem) }
        self.repository = repository
        self.branch = branch
        self.sourceDirectory = sourceDirectory
    }

    func publish(_ files: [OutputFile]) throws(BuildFailure) -> Outcome {
        let gitDir = try resolveGitDir()
        let git = { (arguments: [String], environment: [String: String], input: [UInt8]) throws(BuildFailure) -> GitCommand.Output in
            try GitCommand(environment: environment).run(["--git-dir=\(gitDir)"] + arguments, input: input)
        }
        let worktrees = try git(["worktree", "list", "--porcelain"], [:], [])
        if worktrees.stdout.split(separator: "\n").contains(where: { $0 == "branch refs/heads/\(branch)" }) {
            throw fail(
                "The branch \(branch) is checked out in \(repository); publishing would change files under it.",
                hint: "Check out another branch there, or publish to a bare repository.")
        }

        // Blobs, then a tree, through a temporary index.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("explainer-publish-\(UUID().uuidString)").path
        defer { FileSystem.removeTree(scratch) }
        let published = files.filter { OutputFile.isSafe($0.path) && !$0.path.contains("\n") }
        do {
            try FileSystem.makeDirectory(scratch)
            for (index, file) in published.enumerated() {
                try FileSystem.write(file.bytes, to: FolderPath(scratch).appending(String(index)))
            }
        } catch {
            throw fail("Could not stage the site for git: \(error.description).", hint: "Check that the temporary folder is writable.")
        }
        let hashed = try git(
            ["hash-object", "-w", "--no-filters", "--stdin-paths"], [:],
            Array(published.indices.map { FolderPath(scratch).appending(String($0)) + "\n" }.joined().utf8))
        let blobs = hashed.stdout.split(separator: "\n").map(String.init)
        guard hashed.succeeded, blobs.count == published.count else { throw gitFailure("hash-object", hashed) }
        var entries: [UInt8] = []
        for (file, blob) in zip(published, blobs) { entries += Array("100644 \(blob)\t\(file.path)".utf8) + [0] }
        let index = ["GIT_INDEX_FILE": FolderPath(scratch).appending("index")]
        let updated = try git(["update-index", "-z", "--add", "--index-info"], index, entries)
        guard updated.succeeded else { throw gitFailure("update-index", updated) }
        let written = try git(["write-tree"], index, [])
        guard written.succeeded else { throw gitFailure("write-tree", written) }
        let tree = written.line

        // The commit, on top of the branch's current tip.
        let tip = try git(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)^{commit}"], [:], [])
        let parent = tip.succeeded ? tip.line : nil
        if let parent, try git(["rev-parse", "\(parent)^{tree}"], [:], []).line == tree {
            return Outcome(commit: parent, tree: tree, changed: false)
        }
        let source = try GitCommand(directory: sourceDirectory).run(["rev-parse", "--verify", "--quiet", "HEAD"])
        let message = source.succeeded ? "Publish site from \(source.line)" : "Publish site"
        var arguments = ["commit-tree", tree, "-m", message]
        if let parent { arguments += ["-p", parent] }
        let committed = try git(arguments, try identity(git: git), [])
        guard committed.succeeded else { throw gitFailure("commit-tree", committed) }
        let commit = committed.line
        let moved = try git(["update-ref", "-m", "explainer publish", "refs/heads/\(branch)", commit, parent ?? ""], [:], [])
        guard moved.succeeded else { throw gitFailure("update-ref", moved) }
        return Outcome(commit: commit, tree: tree, changed: true)
    }

    /// Why `branch` cannot be the branch to publish to, or nil if it can: it must be a name
    /// `git check-ref-format --branch` accepts as it is (not `@{-1}`, which git expands), the
    /// full ref `refs/heads/<branch>` must be valid, and it must not read as something else
    /// where git takes a revision: `@` (HEAD), `refs/…` (already a ref: `refs/heads/x` would
    /// make `refs/heads/refs/heads/x`), or a name like `HEAD` or `FETCH_HEAD`.
    public static func branchProblem(_ branch: String) throws(BuildFailure) -> Diagnostic? {
        var hint = "Pass a plain branch name, such as --branch gh-pages."
        let pseudoRef = branch.hasSuffix("HEAD") && branch.allSatisfy { $0.isUppercase || $0 == "_" }
        var valid = !branch.isEmpty && branch != "@" && !pseudoRef
        if branch.hasPrefix("refs/") {
            valid = false
            if branch.hasPrefix("refs/heads/") {
                hint = "Pass the name without refs/heads/: --branch \(branch.dropFirst("refs/heads/".count))."
            }
        }
        if valid {
            let git = GitCommand()
            let short = try git.run(["check-ref-format", "--branch", branch])
            let full = try git.run(["check-ref-format", "refs/heads/\(branch)"])
            valid = short.succeeded && short.line == branch && full.succeeded
        }
        return valid ? nil : Diagnostic(file: "--branch", message: "`\(branch)` is not a valid branch name to publish to.", hint: hint)
    }

    /// The repository's git folder, refusing a plain folder that merely sits inside some
    /// other repository.
    private func resolveGitDir() throws(BuildFailure) -> String {
        guard FileSystem.isDirectory(repository) else {
            throw fail(
                "The repository \(repository) does not exist.",
                hint: "Create it first, e.g. `git init --bare \(repository)`.")
        }
        let probe = GitCommand(directory: repository)
        let gitDir = try probe.run(["rev-parse", "--absolute-git-dir"])
        guard gitDir.succeeded else {
            throw fail(
                "\(repository) is not a git repository.",
                hint: "Create it with `git init --bare \(repository)`, or pass another --git-repo.")
        }
        let wanted = FileSystem.canonical(repository)
        if FileSystem.canonical(gitDir.line) == wanted { return gitDir.line }
        let top = try probe.run(["rev-parse", "--show-toplevel"])
        guard top.succeeded, FileSystem.canonical(top.line) == wanted else {
            throw fail(
                "\(repository) is not itself a git repository (it is inside \(top.succeeded ? top.line : gitDir.line)).",
                hint: "Pass the repository's top folder (or a bare repository) as --git-repo.")
        }
        return gitDir.line
    }

    /// Author and committer variables for whatever git has not configured itself.
    private func identity(
        git: ([String], [String: String], [UInt8]) throws(BuildFailure) -> GitCommand.Output
    ) throws(BuildFailure) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [:]
        let name = try git(["config", "user.name"], [:], []).line
        let email = try git(["config", "user.email"], [:], []).line
        for role in ["AUTHOR", "COMMITTER"] {
            if name.isEmpty && inherited["GIT_\(role)_NAME"] == nil { environment["GIT_\(role)_NAME"] = Self.defaultName }
            if email.isEmpty && inherited["GIT_\(role)_EMAIL"] == nil { environment["GIT_\(role)_EMAIL"] = Self.defaultEmail }
        }
        return environment
    }

    private func fail(_ message: String, hint: String) -> BuildFailure {
        BuildFailure(Diagnostic(file: repository, message: message, hint: hint))
    }

    private func gitFailure(_ step: String, _ output: GitCommand.Output) -> BuildFailure {
        let reason = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return fail(
            "git \(step) failed\(reason.isEmpty ? "" : ": \(reason)"). The branch \(branch) was not changed.",
            hint: "Check that \(repository) is a writable git repository.")
    }
}
