/// Who wants an output path: named by the error when a second owner claims the same path.
///
/// Made for every explainer of every build, so nothing is formatted until an error needs it.
indirect enum PathOwner: Sendable, Hashable {
    /// Something Explainer makes itself (`the home page`, `the Atom feed`): always claimed
    /// before anything an author makes.
    case generated(String)
    /// An explainer's folder, `/slug/`, from its file name or its `slug:`.
    case explainer(slug: String, file: String, slugLocation: SourceLocation?)
    /// A section page of an explainer, from an H2 heading named in `sections:` (the slug of
    /// an unnamed one is unique in its folder already: `UniqueNames` reserves the others).
    case section(key: String, heading: String, file: String, location: SourceLocation)
    /// A file of the template set's assets, e.g. `Templates/assets/style.css`.
    case asset(String)
    /// A file of an explainer's bundle (or one of its image variants), by its source:
    /// `Content/map/images/map.png`.
    case bundleFile(String)
    /// The `.gz` copy a production build writes beside the owner's file.
    case gzipCopy(of: PathOwner)
    /// A redirect page of an explainer's old path (`aliases:`): `/old-slug/` at its entry.
    case alias(path: String, file: String, location: SourceLocation?)

    /// How another claim's error names it: `Content/b.md:6:7 (\`slug: c\`)`, `the home page`.
    var name: String {
        switch self {
        case .generated(let name), .asset(let name): name
        case .bundleFile(let source): "the file " + source
        case .explainer(let slug, let file, let location):
            file
                + (location.map { ":\($0.line):\($0.column) (`slug: \(slug)`)" }
                    ?? (file.hasSuffix("/" + ContentNames.bundleIndex) ? " (its folder name)" : " (its file name)"))
        case .section(_, let heading, let file, let location): "the heading \"\(heading)\" (\(file):\(location.line))"
        case .gzipCopy(let owner): "the gzip copy of " + owner.name
        case .alias(let path, let file, let location):
            "the alias `\(path)` (\(file)\(location.map { ":\($0.line)" } ?? ""))"
        }
    }

    /// How its own error names it: `This explainer (slug \`c\`)`.
    var subject: String {
        switch self {
        case .explainer(let slug, _, _): "This explainer (slug `\(slug)`)"
        case .section(let key, let heading, _, _): "The section `\(key)` (heading \"\(heading)\")"
        case .alias(let path, _, _): "The alias `\(path)`"
        default: name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// Where its error points.
    var file: String {
        switch self {
        case .generated(let name), .asset(let name), .bundleFile(let name): name
        case .explainer(_, let file, _), .section(_, _, let file, _), .alias(_, let file, _): file
        case .gzipCopy(let owner): owner.file
        }
    }

    var location: SourceLocation? {
        switch self {
        case .generated, .asset, .bundleFile: nil
        case .explainer(_, _, let location): location
        case .section(_, _, _, let location): location
        case .alias(_, _, let location): location
        case .gzipCopy(let owner): owner.location
        }
    }

    var hint: String {
        switch self {
        case .generated: "Rename what comes second."
        case .explainer(_, _, let location):
            location == nil
                ? "Rename the file (or the folder of an index.md), or set another `slug:` in its front matter."
                : "Set another `slug:` in the front matter."
        case .section: "Choose another page slug for this section in `sections:`."
        case .asset: "Rename or move the file in the assets folder."
        case .bundleFile: "Rename the file, or the folder it is in, in the explainer's folder."
        case .gzipCopy(let owner): owner.hint
        case .alias:
            "Remove this entry from `aliases:`: an old address redirects only when nothing else of the site (a page, a folder, a file, another alias) is there now."
        }
    }
}

/// The output paths of a site (or of one explainer's folder) and who owns each: a second claim
/// on a path, on a path inside another owner's file or folder, or on a path that holds another
/// owner's paths is an error naming both owners.
///
/// A path is a file (`feed.xml`) or a whole folder (`russia-taliban`); nothing else may be
/// claimed in a folder once its owner has it. Claiming is linear in the depth of the path.
struct PathClaims {
    /// Where the paths are, for messages: `/` or `/russia-taliban/`.
    let folder: String
    /// Every claimed path, with its owner and whether it is a folder.
    private var owners: [String: (owner: PathOwner, isFolder: Bool)] = [:]
    /// Every folder that holds a claimed path, with the first path claimed in it.
    private var occupied: [String: String] = [:]

    init(folder: String = "/") {
        self.folder = folder
    }

    /// Claims `path` (a file, or with `isFolder` a folder and everything in it) for `owner`;
    /// the error when someone else has it (the claim is then not recorded). With `gzip`, also
    /// the `.gz` copy a production build writes beside a file.
    @discardableResult
    mutating func claim(_ path: String, isFolder: Bool = false, by owner: PathOwner, gzip: Bool = false) -> Diagnostic? {
        if let existing = conflict(path) {
            return Diagnostic(
                file: owner.file, line: owner.location?.line, column: owner.location?.column,
                message: "\(owner.subject) would be at \(folder)\(path)\(isFolder ? "/" : ""), which is already used by \(existing.name).",
                hint: owner.hint)
        }
        owners[path] = (owner, isFolder)
        var slash = path.startIndex
        while let next = path[slash...].firstIndex(of: "/") {
            let ancestor = String(path[..<next])
            if occupied[ancestor] == nil { occupied[ancestor] = path }
            slash = path.index(after: next)
        }
        if gzip && !isFolder && Gzip.shouldCompress(path) {
            return claim(path + ".gz", by: .gzipCopy(of: owner))
        }
        return nil
    }

    /// The owner `path` would conflict with: one of the same path, of a path inside it, or of
    /// a file or folder around it.
    private func conflict(_ path: String) -> PathOwner? {
        if let claimed = owners[path] { return claimed.owner }
        if let inside = occupied[path], let claimed = owners[inside] { return claimed.owner }
        var slash = path.startIndex
        while let next = path[slash...].firstIndex(of: "/") {
            if let claimed = owners[String(path[..<next])] { return claimed.owner }
            slash = path.index(after: next)
        }
        return nil
    }
}
