/// The articles of a content folder as last read: every `*.md` file directly in it, in the
/// order `FileSystem.listFiles` gives, with its bytes or the reason it could not be read.
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
    /// File names (no folders), sorted as `FileSystem.listFiles` sorts them.
    private(set) var names: [String] = []
    private(set) var reads: [Read] = []
    /// Names that are symlinks: their target can change without an event in the folder, so
    /// they are read again on every update.
    private(set) var symlinks: Set<String> = []

    init(folder: String) {
        self.folder = folder
    }

    /// The articles and the read problems, in listing order.
    var articles: [SourceFile] {
        reads.compactMap { if case .file(let file) = $0 { file } else { nil } }
    }

    var diagnostics: [Diagnostic] {
        reads.compactMap { if case .failure(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    /// Whether `name` is an article name (`*.md`, not hidden, not in a subfolder).
    static func isArticleName(_ name: some StringProtocol) -> Bool {
        name.hasSuffix(".md") && !name.hasPrefix(".") && !name.contains("/")
    }

    /// Sets what `name` is now: `read` nil when it is no longer an article file.
    mutating func set(_ name: String, to read: Read?, isSymlink: Bool) {
        var low = 0, high = names.count
        while low < high {
            let mid = (low + high) / 2
            if names[mid] < name { low = mid + 1 } else { high = mid }
        }
        let found = low < names.count && names[low] == name
        switch (read, found) {
        case (let read?, true): reads[low] = read
        case (let read?, false): names.insert(name, at: low); reads.insert(read, at: low)
        case (nil, true): names.remove(at: low); reads.remove(at: low)
        case (nil, false): break
        }
        if isSymlink && read != nil { symlinks.insert(name) } else { symlinks.remove(name) }
    }

    /// The content-folder names among `changed` (paths as the watcher spells them) whose
    /// article entry may have changed; nil when the changes need a full scan (an overflow,
    /// the folder itself, or a path outside both watched folders).
    static func changedNames(_ changed: Set<String>, content: String, templates: String) -> [String]? {
        let contentPrefix = content.hasSuffix("/") ? content : content + "/"
        let templatesPrefix = templates.hasSuffix("/") ? templates : templates + "/"
        var names: [String] = []
        for path in changed {
            if path.hasPrefix(contentPrefix) {
                let name = path.dropFirst(contentPrefix.count)
                if name.isEmpty { return nil }
                // Files in subfolders are not articles; neither is anything else not `*.md`.
                if isArticleName(name) { names.append(String(name)) }
            } else if !path.hasPrefix(templatesPrefix) {
                return nil
            }
        }
        return names
    }
}
