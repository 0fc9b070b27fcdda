import ExplainerKit

/// `--max-deletes`: a publish that would delete more site objects than the limit fails before
/// it changes anything (a build that lost its content folder must not empty the bucket).
package enum DeleteLimit {
    /// The limit when none is given.
    package static let defaultLimit = 256
    /// How many of the paths the refusal names.
    static let shownPaths = 5

    /// Throws when `plan` deletes more than `limit` objects of `target` (`s3://bucket/prefix`),
    /// naming the count, the limit, the first paths and the flag.
    static func check(_ plan: DeployPlan, limit: Int, target: String) throws(BuildFailure) {
        let count = plan.deletes.count
        guard count > limit else { return }
        let shown = plan.deletes.prefix(shownPaths).joined(separator: ", ")
        let more = count > shownPaths ? " and \(count - shownPaths) more" : ""
        throw BuildFailure(
            Diagnostic(
                file: target,
                message:
                    "The publish would delete \(count) objects, more than --max-deletes \(limit): \(shown)\(more). Nothing was changed.",
                hint: "If the build is the whole site and these objects are meant to go, run again with --max-deletes \(count)."))
    }
}
