import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `explainer init` as one call: refuses a folder that holds anything but dot-files (a fresh
/// `git init` is fine) unless `force`, then writes the new site's files (`SiteScaffold`),
/// never over a file that is there (`ScaffoldWriter`). The command is a thin wrapper.
public struct InitRunner: Sendable {
    /// The folder the site is made in (made if missing).
    var folder: String
    /// Add the missing files to a folder that is not empty.
    var force: Bool
    /// The sample explainer's date (nil if the clock gives none: an error).
    var today: ArticleDate?

    /// - Parameter now: the moment it runs (`Date()`): its day in UTC dates the sample explainer.
    public init(folder: String = ".", force: Bool = false, now: Date) {
        self.init(folder: folder, force: force, today: ArticleDate(utcDayOf: now))
    }

    init(folder: String = ".", force: Bool = false, today: ArticleDate?) {
        self.folder = folder
        self.force = force
        self.today = today
    }

    /// Writes the site's files; throws, before writing anything, when `folder` is not a folder
    /// or (without `force`) is not empty. Files that could not be written are in the
    /// outcome's `failures`, beside those that were.
    public func run() throws(BuildFailure) -> ScaffoldWriter.Outcome {
        guard let today else {
            throw BuildFailure(
                Diagnostic(file: folder, message: "The clock gives no date to date the sample explainer.", hint: "Set the system clock."))
        }
        var st = stat()
        if lstat(folder, &st) == 0 {
            guard FileSystem.isDirectory(folder) else {
                throw BuildFailure(
                    Diagnostic(
                        file: folder, message: "This is not a folder, so no site can be made in it.",
                        hint: "Pass the path of a folder to make (or of an empty one): explainer init my-site."))
            }
            let names = Self.visibleEntries(of: folder)
            if !force && !names.isEmpty {
                let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
                throw BuildFailure(
                    Diagnostic(
                        file: folder, message: "The folder is not empty (it holds \(shown)), so no site was made in it.",
                        hint:
                            "Run explainer init in an empty folder (explainer init my-site makes one), or pass --force to add the site's files that are missing: nothing is ever overwritten."
                    ))
            }
        }
        return ScaffoldWriter.write(SiteScaffold.files(today: today), into: folder)
    }

    /// The names in `folder` but dot-files (`.git`, `.DS_Store`), sorted.
    static func visibleEntries(of folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        FileSystem.forEachEntry(in: dir, skipping: { $0.first == UInt8(ascii: ".") }) { name, _ in
            names.append(FileSystem.escapingInvalidUTF8(name))
        }
        return names.sorted()
    }
}
