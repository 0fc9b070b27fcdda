import CPlatform
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes a site into a folder a web server serves, and rolls it back.
///
/// Publishing reuses `SiteWriter`: the new site is staged in a hidden sibling folder and
/// swapped in with one atomic rename, so an interrupted publish leaves the old site serving.
/// The replaced site is kept beside it as `<folder>.previous`; `rollback()` swaps the two back
/// (atomically too), and a second rollback returns to the newer version. Neither the target
/// nor `.previous` is replaced, deleted or swapped unless a build made it (`OutputOwnership`):
/// a `www.previous` the user made, file or folder, stops the publish before anything moves.
public struct DirectoryDeployer: Sendable {
    let target: String

    public init(target: String) {
        self.target = FolderPath(target).path
    }

    /// `<target>.previous`: the site the last publish replaced.
    public var previousPath: String { target + ".previous" }

    /// Replaces the target folder with `files`, keeping the old site as `previousPath`.
    /// Returns warnings; throws (leaving the target as it was) on failure.
    @discardableResult
    func publish(_ files: [OutputFile], protecting sources: [String] = []) throws(BuildFailure) -> [Diagnostic] {
        let writer = SiteWriter(outputPath: target)
        let unsafe = writer.checkSafe(protecting: sources) + SiteWriter(outputPath: previousPath).checkSafe(protecting: sources)
        if !unsafe.isEmpty { throw BuildFailure(unsafe) }
        return try writer.write(files, keepingPreviousAt: previousPath)
    }

    /// Swaps the target folder with `previousPath`, restoring the site published before.
    /// Holds the target's `OutputLock`, so it never interleaves with a publish or build of it.
    public func rollback() throws(BuildFailure) {
        let (parent, name) = FolderPath(target).parentAndName
        guard FileSystem.isDirectory(previousPath) else {
            throw BuildFailure(
                Diagnostic(
                    file: previousPath, message: "There is no previous site to roll back to.",
                    hint: "A rollback needs a publish with --to \(target) that replaced an earlier site."))
        }
        let lock = try OutputLock(for: target)
        defer { lock.release() }
        let problems = [previousPath, target].compactMap { OutputOwnership.problem(at: $0, thorough: true) }
        if !problems.isEmpty { throw BuildFailure(problems) }
        if !FileSystem.exists(target) {
            guard rename(previousPath, target) == 0 else { throw failure(errno) }
            return
        }
        if explainer_exchange_paths(target, previousPath) == 0 { return }
        // No atomic exchange on this file system: three renames through a hidden sibling.
        let aside = "\(parent)/.\(name).explainer-rollback-\(getpid())"
        guard rename(target, aside) == 0 else { throw failure(errno) }
        guard rename(previousPath, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw failure(code)
        }
        if rename(aside, previousPath) != 0 { FileSystem.removeTree(aside) }
    }

    private func failure(_ code: Int32) -> BuildFailure {
        BuildFailure(
            Diagnostic(
                file: target,
                message: "Could not swap \(target) and \(previousPath): \(String(cString: strerror(code))). \(target) is unchanged.",
                hint: "Check that the folder containing \(target) is writable."))
    }
}
