/// What a publish does to the bucket, in order: steps of writes (each step's writes may run in
/// parallel; a step starts when the one before it is done), then the deletes, only after every
/// write succeeded. Made by `DeployPlanner`; the engine adds its own objects (backups, the
/// manifest) around it.
package struct DeployPlan: Sendable, Hashable {
    /// When a step's writes go live.
    package enum Phase: String, Sendable, Hashable {
        /// Everything that is not a page nor an entry file (`SiteFileRole.asset`).
        case assets
        /// The pages (HTML) that are not entry files: new ones first, in a step of their own.
        case pages
        /// Home, 404, sitemap, feeds, robots.txt, `_redirects`, the search page and Pagefind's entry.
        case entries
    }

    /// Writes that may run at the same time.
    package struct Step: Sendable, Hashable {
        package var phase: Phase
        /// New objects, or objects whose bytes differ: PutObject.
        package var uploads: [LocalObject]
        /// Objects whose bytes are the same but not their headers: CopyObject onto itself.
        package var headerChanges: [LocalObject]
    }

    /// The write steps in order (none empty).
    package var steps: [Step]
    /// The site paths to delete, sorted: objects of the bucket's site the build does not have.
    package var deletes: [String]
    /// The objects already in the bucket as they should be.
    package var unchanged: [LocalObject]
    /// The site paths of objects that exist and will be overwritten (uploads over an object,
    /// header changes), sorted: with `deletes`, what a rollback needs a copy of.
    package var replaced: [String]

    /// How many uploads the plan makes.
    package var uploadCount: Int { steps.reduce(0) { $0 + $1.uploads.count } }
    /// How many header changes the plan makes.
    package var headerChangeCount: Int { steps.reduce(0) { $0 + $1.headerChanges.count } }

    /// Whether the bucket already holds the site: nothing to write or delete.
    package var isEmpty: Bool { steps.isEmpty && deletes.isEmpty }

    /// One line per action, in the order they run (`upload PATH`, `headers PATH`, `delete PATH`):
    /// what a dry run prints.
    package var lines: [String] {
        steps.flatMap { step in step.uploads.map { "upload " + $0.path } + step.headerChanges.map { "headers " + $0.path } }
            + deletes.map { "delete " + $0 }
    }

    /// The last line of a dry run for `target` (`s3://bucket/prefix`).
    package func dryRunSummary(target: String) -> String {
        "Dry run for \(target), nothing changed: \(uploadCount) to upload, \(headerChangeCount) header changes, "
            + "\(deletes.count) to delete, \(unchanged.count) unchanged."
    }
}
