/// `explainer theme`: says where each file of a site's theme comes from (`list`), and writes
/// the embedded files into the templates folder to edit (`eject`). The disk edge of the theme
/// stage, like `BuildRunner` for a build: the overlay itself is `ThemeFiles`, read by
/// `SiteSourceReader.readTheme`.
public struct ThemeRunner: Sendable {
    /// What `list` found: the theme's files, and problems met reading the folder (those
    /// files are left out, as a build leaves them out).
    public struct Listing: Sendable {
        package var files: [ThemeFile]
        public var warnings: [Diagnostic]
        /// Whether the templates folder exists (without it, every file is embedded).
        public var folderExists: Bool
        var templates: String

        /// The listing as `theme --list` prints it: one line per file, its name and where it
        /// comes from, then a count.
        public var text: String {
            let width = files.map(\.name.count).max() ?? 0
            var lines = files.map { file in
                file.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + Self.origin(of: file)
            }
            let embedded = files.filter { $0.origin == .embedded }.count
            let overridden = files.filter { if case .overriding = $0.origin { true } else { false } }.count
            let siteOnly = files.count - embedded - overridden
            lines.append(
                "\(files.count) files: \(embedded) embedded, \(overridden) overridden, \(siteOnly) site only.")
            if !folderExists {
                lines.append(
                    "There is no \(templates)/ folder, so the site uses the embedded theme; `explainer theme --eject FILE` writes a file there to edit."
                )
            }
            return lines.joined(separator: "\n")
        }

        /// Where `file` comes from, as `theme --list` says it.
        static func origin(of file: ThemeFile) -> String {
            switch file.origin {
            case .embedded: return "embedded"
            case let .overriding(path): return "overridden by \(path)"
            case let .siteOnly(path): return "site only: \(path)"
            }
        }
    }

    /// What `eject` did: the files written, and those it left as they were.
    public struct EjectReport: Sendable {
        /// The paths written (`Templates/layout.mustache`), in name order.
        public var written: [String]
        /// A warning for each file that exists and was not overwritten.
        public var kept: [Diagnostic]
        /// An error for each file that could not be written (the others were).
        public var failures: [Diagnostic]
    }

    /// The templates folder (`Templates`): read by `list`, written by `eject`.
    var templates: String

    public init(templates: String = "Templates") {
        self.templates = templates
    }

    /// The site's theme file by file: the embedded theme with the folder's files over it.
    public func list() throws(BuildFailure) -> Listing {
        if let problem = SiteSourceReader.templatesFolderProblem(templates) { throw BuildFailure(problem) }
        let (theme, problems) = SiteSourceReader.readTheme(templates)
        return Listing(
            files: theme.files,
            warnings: problems.map { problem in
                var warning = problem
                warning.severity = .warning
                return warning
            },
            folderExists: FileSystem.isDirectory(templates), templates: Self.trimmed(templates))
    }

    /// Writes the embedded files named by `requested` (every one when it is empty) into the
    /// templates folder, making it and its subfolders as needed. A file that exists is never
    /// overwritten: it is reported (`kept`) and the others are written. A name that is not an
    /// embedded file or folder (`partials/card.mustache`, `partials`) fails before anything is
    /// written, with the nearest names.
    public func eject(_ requested: [String]) throws(BuildFailure) -> EjectReport {
        if let problem = SiteSourceReader.templatesFolderProblem(templates) { throw BuildFailure(problem) }
        let chosen = try Self.resolve(requested, folder: Self.trimmed(templates))
        // Written by the one writer that never overwrites (nor follows a symlink out).
        let folder = Self.trimmed(templates)
        let outcome = ScaffoldWriter.write(chosen.map { ScaffoldFile(path: $0.name, bytes: $0.bytes) }, into: folder)
        var report = EjectReport(
            written: outcome.written.map { SiteSourceReader.join(templates, $0) }, kept: [], failures: outcome.failures)
        for skipped in outcome.skipped {
            let path = SiteSourceReader.join(templates, skipped.path)
            report.kept.append(
                Diagnostic(
                    .warning, file: path, message: "This file was left as it is, since \(skipped.reason) (eject never overwrites a file).",
                    hint:
                        "To get the embedded version, rename or delete this file and eject it again, or eject into another folder: explainer theme --eject --templates /tmp/theme \(skipped.path)."
                ))
        }
        return report
    }

    /// The embedded files `requested` names: each a file's name (`partials/card.mustache`) or
    /// a folder of them (`partials`, `assets/`), also written with the templates folder in
    /// front (`Templates/layout.mustache`); all of them when `requested` is empty.
    static func resolve(_ requested: [String], folder: String) throws(BuildFailure) -> [ThemeFile] {
        let embedded = EmbeddedTheme.files
        guard !requested.isEmpty else { return embedded }
        var chosen: [String: ThemeFile] = [:]
        var unknown: [Diagnostic] = []
        for asked in requested {
            var name = asked
            while name.hasPrefix("./") { name.removeFirst(2) }
            if name.hasPrefix(folder + "/") { name.removeFirst(folder.count + 1) }
            while name.hasSuffix("/") { name.removeLast() }
            let matches = embedded.filter { $0.name == name || $0.name.hasPrefix(name + "/") }
            guard !name.isEmpty, !matches.isEmpty else {
                unknown.append(unknownName(asked, names: embedded.map(\.name)))
                continue
            }
            for file in matches { chosen[file.name] = file }
        }
        if !unknown.isEmpty { throw BuildFailure(unknown) }
        return chosen.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The error for `asked`, which names no embedded file: with the names nearest to it (the
    /// same file name in another folder, else the closest by edit distance, if close).
    static func unknownName(_ asked: String, names: [String]) -> Diagnostic {
        let base = asked.split(separator: "/").last.map(String.init) ?? asked
        let sameBase = names.filter { $0.split(separator: "/").last.map(String.init) == base }
        let scored = names.map { ($0, EditDistance.between(asked.lowercased(), $0.lowercased())) }
        let best = scored.map(\.1).min() ?? 0
        let near = sameBase.isEmpty ? scored.filter { $0.1 == best && best <= max(3, asked.count / 3) }.prefix(3).map(\.0) : sameBase
        let hint =
            near.isEmpty
            ? "`explainer theme --list` lists the theme's files."
            : "Did you mean \(near.map { "`\($0)`" }.joined(separator: " or "))? `explainer theme --list` lists the theme's files."
        return Diagnostic(file: asked, message: "`\(asked)` is not a file or folder of the embedded theme.", hint: hint)
    }

    /// `folder` without trailing slashes (`Templates/` → `Templates`).
    static func trimmed(_ folder: String) -> String {
        var folder = folder
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }
}
