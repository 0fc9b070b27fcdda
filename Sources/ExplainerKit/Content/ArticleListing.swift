/// The articles of a content folder as last read: every `*.md` file directly in it, in the
/// order `FileSystem.listTree` gives (by bytes), with its bytes or the reason it could not be
/// read; and what the folder holds that is not built (see `ContentNames`).
///
/// Kept by `SourceFileCache` so that the preview, which knows from the watcher which files
/// changed, updates only those entries instead of listing and `stat`ing the whole folder.
/// Updating the entries of the changed names gives the same listing as a fresh scan, as long
/// as every change inside the folder is reported (the watcher reports a queue overflow as
/// `*`, and the reader then scans again).
struct ArticleListing {
    /// One article file: its bytes, or why it could not be read.
    enum Read {
        case file(SourceFile)
        case failure(Diagnostic)
    }

    /// The content folder, as the paths below are spelled.
    let folder: String
    /// Article paths in the folder (`a.md`, or `x/index.md` for a bundle), sorted by their
    /// bytes, as `FileSystem.listTree` sorts them.
    /// Compared byte for byte: names that differ only in Unicode normalisation stay two.
    private(set) var names: [String] = []
    private(set) var reads: [Read] = []
    /// Names that are symlinks: their target can change without an event in the folder, so
    /// they are read again on every update.
    private(set) var symlinks: Set<ExactPath> = []
    /// Files that are not built (`ContentNames`), found by the last full scan: a change to
    /// one of them makes the next update a full scan again.
    var notBuilt: [Diagnostic] = []
    /// The bundles' files (`Content/x/…` beside `x/index.md`), found by the last full scan: a
    /// change below a subfolder makes the next update a full scan.
    var bundleFiles: [BundleFile] = []

    init(folder: String) {
        self.folder = folder
    }

    /// The articles and the read problems, in listing order.
    var articles: [SourceFile] {
        reads.compactMap { if case .file(let file) = $0 { file } else { nil } }
    }

    var diagnostics: [Diagnostic] {
        notBuilt + reads.compactMap { if case .failure(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    /// Marks the article `second`, whose name is `first`'s in another Unicode normalisation
    /// form, as not read: the two would be one URL, and their names look the same.
    mutating func refuse(_ second: String, sameAs first: String) {
        set(second, to: .failure(SiteSourceReader.sameName(second, as: first, in: folder)), isSymlink: symlinks.contains(ExactPath(second)))
    }

    /// Sets what `name` is now: `read` nil when it is no longer an article file.
    mutating func set(_ name: String, to read: Read?, isSymlink: Bool) {
        var low = 0
        var high = names.count
        while low < high {
            let mid = (low + high) / 2
            if ExactPath.precedes(names[mid], name) { low = mid + 1 } else { high = mid }
        }
        let found = low < names.count && names[low].utf8.elementsEqual(name.utf8)
        switch (read, found) {
        case (let read?, true): reads[low] = read
        case (let read?, false): names.insert(name, at: low); reads.insert(read, at: low)
        case (nil, true): names.remove(at: low); reads.remove(at: low)
        case (nil, false): break
        }
        if isSymlink && read != nil { symlinks.insert(ExactPath(name)) } else { symlinks.remove(ExactPath(name)) }
    }

    /// The content-folder names among `changed` (paths as the watcher spells them) whose
    /// article entry may have changed; nil when the changes need a full scan (an overflow,
    /// the folder itself, a file that is not an article, or a path outside both watched folders).
    static func changedNames(_ changed: Set<String>, content: String, templates: String) -> [String]? {
        let contentPrefix = content.hasSuffix("/") ? content : content + "/"
        let templatesPrefix = templates.hasSuffix("/") ? templates : templates + "/"
        var names: [String] = []
        for path in changed {
            if path.hasPrefix(contentPrefix) {
                let name = path.dropFirst(contentPrefix.count)
                if name.isEmpty { return nil }
                // A name beyond ASCII may stand for two files (the watcher's `Set<String>` merges
                // two Unicode forms of one name; a name that is not UTF-8 arrives decoded with
                // U+FFFD): only a scan sees them as they are.
                if name.utf8.contains(where: { $0 >= 0x80 }) { return nil }
                switch ContentNames.kind(of: name) {
                case .article: names.append(String(name))
                case .config, .ignored: break
                // Reported, or no longer (or a folder, with what it holds): scan again.
                case .misplacedArticle, .other, .bundleFile, .nestedIndex: return nil
                }
            } else if !path.hasPrefix(templatesPrefix) {
                return nil
            }
        }
        return names
    }
}
