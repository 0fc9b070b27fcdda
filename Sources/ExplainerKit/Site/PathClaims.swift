/// Who wants an output path: named by the error when a second owner claims the same path.
struct PathOwner: Sendable, Hashable {
    /// How another claim's error names it: `Content/b.md:6:7 (\`slug: c\`)`, `the home page`.
    var name: String
    /// How its own error names it: `This explainer (slug \`c\`)`.
    var subject: String
    /// Where its error points.
    var file: String
    var location: SourceLocation?
    var hint: String

    /// Something Explainer makes itself (`the home page`, `the Atom feed`): always claimed
    /// before anything an author makes.
    static func generated(_ name: String) -> PathOwner {
        PathOwner(name: name, subject: name.prefix(1).uppercased() + name.dropFirst(), file: name, location: nil,
                  hint: "Rename what comes second.")
    }

    /// An explainer's folder, `/slug/`, from its file name or its `slug:`.
    static func explainer(slug: String, file: String, slugLocation: SourceLocation?) -> PathOwner {
        let origin = slugLocation.map { ":\($0.line):\($0.column) (`slug: \(slug)`)" } ?? " (its file name)"
        return PathOwner(
            name: file + origin, subject: "This explainer (slug `\(slug)`)", file: file, location: slugLocation,
            hint: slugLocation == nil
                ? "Rename the file, or set another `slug:` in its front matter."
                : "Set another `slug:` in the front matter.")
    }

    /// A section page of an explainer, from an H2 heading (named in `sections:` or not).
    static func section(key: String, heading: String, file: String, location: SourceLocation, bound: Bool) -> PathOwner {
        PathOwner(
            name: "the heading \"\(heading)\" (\(file):\(location.line))",
            subject: "The section `\(key)` (heading \"\(heading)\")", file: file, location: location,
            hint: bound
                ? "Choose another page slug for this section in `sections:`."
                : "Give each H2 heading different text, or name them in `sections:`.")
    }

    /// A file of the template set's assets, e.g. `Templates/assets/style.css`.
    static func asset(_ file: String) -> PathOwner {
        PathOwner(name: file, subject: file, file: file, location: nil,
                  hint: "Rename or move the file in the assets folder.")
    }

    /// The `.gz` copy a production build writes beside `owner`'s file.
    func gzipCopy() -> PathOwner {
        PathOwner(name: "the gzip copy of " + name, subject: "The gzip copy of " + name, file: file,
                  location: location, hint: hint)
    }
}

/// The output paths of a site (or of one explainer's folder) and who owns each: a second claim
/// on a path, on a folder that holds another owner's files, or on a path inside another
/// owner's folder is an error naming both owners.
///
/// A path is a file (`feed.xml`) or, ending in `/`, a whole folder (`russia-taliban/`).
/// Claiming is linear in the depth of the path.
struct PathClaims {
    /// `folder` is where the paths are, for messages: `/` or `/russia-taliban/`.
    let folder: String
    /// Claimed paths: files as they are, folders with their trailing `/`.
    private var owners: [String: PathOwner] = [:]
    /// Every folder that holds a claimed path, with the first path claimed in it.
    private var occupied: [String: String] = [:]

    init(folder: String = "/") {
        self.folder = folder
    }

    /// Claims `path` for `owner`; the error when someone else has it (the claim is then not
    /// recorded). With `gzip`, also the `.gz` copy a production build writes beside a file.
    @discardableResult
    mutating func claim(_ path: String, by owner: PathOwner, gzip: Bool = false) -> Diagnostic? {
        if let existing = conflict(path) { return diagnostic(path, owner, existing) }
        owners[path] = owner
        var slash = path.startIndex
        while let next = path[slash...].dropLast().firstIndex(of: "/") {
            let ancestor = String(path[...next])
            if occupied[ancestor] == nil { occupied[ancestor] = path }
            slash = path.index(after: next)
        }
        if gzip && !path.hasSuffix("/") && Gzip.shouldCompress(path) {
            return claim(path + ".gz", by: owner.gzipCopy())
        }
        return nil
    }

    /// The owner `path` would conflict with.
    private func conflict(_ path: String) -> PathOwner? {
        let isFolder = path.hasSuffix("/")
        let bare = isFolder ? String(path.dropLast()) : path
        if let owner = owners[path] ?? owners[isFolder ? bare : path + "/"] { return owner }
        // Something already claimed inside this folder (or inside a folder of this file's name).
        if let inside = occupied[bare + "/"], let owner = owners[inside] { return owner }
        // A folder claimed around this path, or a file where this path needs a folder.
        var slash = path.startIndex
        while let next = path[slash...].dropLast().firstIndex(of: "/") {
            if let owner = owners[String(path[...next])] ?? owners[String(path[..<next])] { return owner }
            slash = path.index(after: next)
        }
        return nil
    }

    private func diagnostic(_ path: String, _ owner: PathOwner, _ existing: PathOwner) -> Diagnostic {
        Diagnostic(
            file: owner.file, line: owner.location?.line, column: owner.location?.column,
            message: "\(owner.subject) would be at \(folder)\(path), which is already used by \(existing.name).",
            hint: owner.hint)
    }
}
