import Foundation

/// Runs the real `git` program (found on `PATH`) and captures what it prints
/// (`ExternalProgram`), without the inherited variables that would point it elsewhere.
struct GitCommand: Sendable {
    /// What a finished `git` run returned.
    typealias Output = ExternalProgram.Output

    /// Inherited variables that would point git at another repository or index than the one
    /// named on the command line; they are removed unless set in `environment`.
    static let repositoryVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_PREFIX",
    ]

    /// Extra environment variables (`GIT_INDEX_FILE`, `GIT_AUTHOR_NAME`…).
    var environment: [String: String]
    /// Working folder of the process (`nil`: the current one).
    var directory: String?

    init(environment: [String: String] = [:], directory: String? = nil) {
        self.environment = environment
        self.directory = directory
    }

    /// Runs `git arguments…`, feeding `input` on standard input. Throws only when git
    /// cannot be started at all.
    func run(_ arguments: [String], input: [UInt8] = []) throws(BuildFailure) -> Output {
        try ExternalProgram(
            executable: "git", name: "git", installHint: "Install git and make sure it is on PATH.", environment: environment,
            removedVariables: Self.repositoryVariables, directory: directory
        ).run(arguments, input: input)
    }
}
