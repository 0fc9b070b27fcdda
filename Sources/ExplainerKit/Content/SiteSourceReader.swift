#if canImport(Glibc)
import Glibc
#endif

/// Reads a site's sources from disk: `site.yml` and the `*.md` files of the content folder,
/// the templates and assets of the templates folder laid over the embedded theme
/// (`ThemeFiles`; without a templates folder, the embedded theme alone). The only place the
/// content stage touches the disk; a file that cannot be read becomes a diagnostic, not a crash.
///
/// Every file below the two folders is read with `FileSystem.read` (regular files only; a
/// symlink only to a file inside the same folder) or reported: a name that is not UTF-8, a
/// name that is another's in a different Unicode normalisation form, a file in `Content/`
/// that is not an article (see `ContentNames`).
package enum SiteSourceReader {
    /// - Parameter changed: with a `cache`, the paths that changed since its last read (as the
    ///   watcher reports them, `*` for unknown): only those articles are looked at again.
    ///   nil lists and checks every file.
    package static func read(
        content: String, templates: String, cache: SourceFileCache? = nil, changed: Set<String>? = nil
    ) throws(BuildFailure) -> SiteSources {
        var diagnostics: [Diagnostic] = []
        guard FileSystem.isDirectory(content) else {
            throw BuildFailure(
                Diagnostic(
                    file: content, message: "The content folder does not exist.",
                    hint: "Run explainer from the site's folder, or pass --content PATH."))
        }
        if let problem = templatesFolderProblem(templates) { throw BuildFailure(problem) }
        let contentRoot = FileSystem.Root(content)
        func read(_ path: String, limit: Int, in root: FileSystem.Root) throws(FileSystem.Failure) -> [UInt8] {
            try Self.read(path, limit: limit, inside: root, cache: cache)
        }
        let articleBytes = { @Sendable (path: String) throws(FileSystem.Failure) -> [UInt8] in
            try Self.read(path, limit: TextDecoding.maxBytes, inside: contentRoot, cache: cache)
        }
        let configPath = join(content, "site.yml")
        var config = SourceFile(path: configPath, bytes: [])
        do {
            config.bytes = try read(configPath, limit: TextDecoding.maxBytes, in: contentRoot)
        } catch {
            diagnostics.append(
                Diagnostic(
                    file: configPath, message: "The site configuration could not be read: \(error.reason).",
                    hint: error.code == ENOENT
                        ? "Create \(configPath) with at least `title:` and `baseURL:`."
                        : unreadableHint(in: content)))
        }
        // The authors file is optional: a site without one has no bylines.
        let authorsPath = join(content, SiteAuthors.fileName)
        var authors: SourceFile?
        do {
            authors = SourceFile(path: authorsPath, bytes: try read(authorsPath, limit: TextDecoding.maxBytes, in: contentRoot))
        } catch  where error.code != ENOENT {
            diagnostics.append(
                Diagnostic(
                    file: authorsPath, message: "The authors file could not be read: \(error.reason).",
                    hint: unreadableHint(in: content)))
        } catch {}
        var listing: ArticleListing
        if let cache, let changed, var previous = cache.articleListing(of: content),
            let names = ArticleListing.changedNames(changed, content: content, templates: templates)
        {
            // The watcher said which files changed: only those (and symlinks) are looked at.
            // Each may have gone, or become a folder: `lstat` says (the full scan's listing does).
            for name in Set(names.map(ExactPath.init)).union(previous.symlinks) {
                var st = stat()
                let path = join(content, name.path)
                guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else {
                    previous.set(name.path, to: nil, isSymlink: false)
                    continue
                }
                previous.set(
                    name.path, to: readArticle(path, in: content, read: articleBytes),
                    isSymlink: (st.st_mode & S_IFMT) == S_IFLNK)
            }
            listing = previous
        } else {
            listing = scanArticles(in: content, read: articleBytes)
        }
        cache?.storeArticleListing(listing)
        // Checked on every read: a watched update can add the other spelling of a name.
        for (first, second) in ExactPath.normalizationClashes(in: listing.names) {
            listing.refuse(second, sameAs: first)
        }
        let articles = listing.articles
        diagnostics += listing.diagnostics
        let (theme, themeProblems) = readTheme(templates, cache: cache)
        diagnostics += themeProblems
        return SiteSources(
            config: config, articles: articles, templates: theme.templates, assets: theme.assets,
            translations: theme.translationTables,
            templatesFolder: templates, readDiagnostics: diagnostics, contentFolder: content,
            bundleFiles: listing.bundleFiles, embeddedAssets: theme.embeddedAssets, authors: authors)
    }

    /// The bytes of `path` inside `root`, through `cache` when there is one.
    private static func read(
        _ path: String, limit: Int, inside root: FileSystem.Root, cache: SourceFileCache?
    ) throws(FileSystem.Failure) -> [UInt8] {
        if let cache { return try cache.read(path, limit: limit, inside: root) }
        return try FileSystem.read(path, limit: limit, inside: root)
    }

    /// Why `templates` cannot be read as the templates folder: it is there but not a folder.
    /// A folder that is not there is no problem: the theme is then the embedded one.
    static func templatesFolderProblem(_ templates: String) -> Diagnostic? {
        guard FileSystem.exists(templates), !FileSystem.isDirectory(templates) else { return nil }
        return Diagnostic(
            file: templates, message: "The templates folder is not a folder.",
            hint: "Rename the file, or pass --templates PATH with the site's templates folder (without one, the embedded theme is used).")
    }

    /// The site's theme: the theme files of the folder `templates` (`ThemeFiles.isThemeFile`;
    /// none when it does not exist) over the embedded theme, and the problems met reading the
    /// folder (each such file is left out, so the embedded one of its name is used).
    static func readTheme(_ templates: String, cache: SourceFileCache? = nil) -> (theme: ThemeFiles, problems: [Diagnostic]) {
        guard FileSystem.isDirectory(templates) else { return (ThemeFiles(folder: []), []) }
        var diagnostics: [Diagnostic] = []
        var files: [ThemeFile] = []
        let root = FileSystem.Root(templates)
        let entries = FileSystem.listTree(templates)
        let clashes = Dictionary(
            ExactPath.normalizationClashes(in: entries.map(\.path)).map { (ExactPath($0.second), $0.first) },
            uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let name = entry.path
            let path = join(templates, name)
            // A name that is not UTF-8 may be a template, an asset or a folder of them.
            guard entry.isValidName else {
                diagnostics.append(invalidName(name, in: templates))
                continue
            }
            guard ThemeFiles.isThemeFile(name) else { continue }
            if let first = clashes[ExactPath(name)] {
                diagnostics.append(sameName(name, as: first, in: templates))
                continue
            }
            do {
                let limit = 64 * 1024 * 1024
                let bytes = try read(path, limit: limit, inside: root, cache: cache)
                files.append(ThemeFile(name: name, bytes: bytes, origin: .siteOnly(path)))
            } catch {
                let isAsset = name.hasPrefix(ThemeFiles.assetsPrefix)
                diagnostics.append(
                    Diagnostic(
                        file: path, message: "The \(isAsset ? "asset" : "template") could not be read: \(error.reason).",
                        hint: unreadableHint(in: templates)))
            }
        }
        return (ThemeFiles(folder: files), diagnostics)
    }

    /// Lists the whole content folder `content` and reads its articles with `read`: every
    /// article with its bytes (or why they could not be read), the bundles' files, and what
    /// is not built. (`explainer new` reads the folder so, to see which slugs are taken.)
    static func scanArticles(
        in content: String, read: @Sendable (String) throws(FileSystem.Failure) -> [UInt8]
    ) -> ArticleListing {
        var listing = ArticleListing(folder: content)
        let entries = FileSystem.listTree(content)
        let bundles = ContentNames.bundles(in: entries.lazy.filter(\.isValidName).map(\.path))
        // The articles are read on all cores (a large site's are thousands of files), and
        // listed in the folder's order.
        let articles = entries.filter { $0.isValidName && ContentNames.kind(of: $0.path, bundles: bundles) == .article }
        let chunk = 256
        let reads = ParallelMap.map(Array(stride(from: 0, to: articles.count, by: chunk))) { start in
            articles[start..<min(articles.count, start + chunk)].map { readArticle(join(content, $0.path), in: content, read: read) }
        }.flatMap { $0 }
        for (entry, read) in zip(articles, reads) { listing.set(entry.path, to: read, isSymlink: entry.isSymlink) }
        var bundleFiles: [String] = []
        for entry in entries {
            guard entry.isValidName else {
                listing.notBuilt.append(invalidName(entry.path, in: content))
                continue
            }
            switch ContentNames.kind(of: entry.path, bundles: bundles) {
            case .article: break
            case .bundleFile: bundleFiles.append(entry.path)
            case .config, .ignored: break
            case let kind: listing.notBuilt.append(ContentNames.notBuilt(entry.path, in: content, kind: kind))
            }
        }
        (listing.bundleFiles, listing.notBuilt) = listBundleFiles(bundleFiles, in: content, problems: listing.notBuilt)
        return listing
    }

    /// The bundle files among the content folder's `paths` (`x/images/a.png`, in listing
    /// order), each with its size: a regular file, or a symlink to one inside its own
    /// bundle's folder; not read. What is refused is added to `problems`, as is the second of
    /// two names that are one in different Unicode forms.
    private static func listBundleFiles(
        _ paths: [String], in content: String, problems: [Diagnostic]
    ) -> (files: [BundleFile], problems: [Diagnostic]) {
        var problems = problems
        let clashes = Dictionary(
            ExactPath.normalizationClashes(in: paths).map { (ExactPath($0.second), $0.first) },
            uniquingKeysWith: { first, _ in first })
        var roots: [String: FileSystem.Root] = [:]
        var files: [BundleFile] = []
        files.reserveCapacity(paths.count)
        for path in paths {
            if let first = clashes[ExactPath(path)] {
                problems.append(sameName(path, as: first, in: content))
                continue
            }
            guard let slash = path.firstIndex(of: "/") else { continue }
            let bundle = String(path[..<slash])
            let folder = join(content, bundle)
            let root = roots[bundle] ?? FileSystem.Root(folder)
            roots[bundle] = root
            let source = join(content, path)
            do {
                let size = try FileSystem.size(of: source, inside: root)
                files.append(
                    BundleFile(source: source, bundle: bundle, pathInBundle: String(path[path.index(after: slash)...]), size: size))
            } catch {
                problems.append(
                    Diagnostic(
                        file: source, message: "The explainer's file could not be read: \(error.reason).",
                        hint: unreadableHint(in: folder)))
            }
        }
        return (files, problems)
    }

    /// Reads the article at `path` in `content` (a name that is not a folder): its bytes, or
    /// why they could not be read (`read` refuses anything but a regular file, or a symlink
    /// to one inside `content`).
    private static func readArticle(
        _ path: String, in content: String, read: @Sendable (String) throws(FileSystem.Failure) -> [UInt8]
    ) -> ArticleListing.Read {
        do {
            return .file(SourceFile(path: path, bytes: try read(path)))
        } catch  where error.code == EFBIG {
            return .failure(TextDecoding.tooLarge(path, size: error.size, folder: content))
        } catch {
            return .failure(
                Diagnostic(
                    file: path, message: "The article could not be read: \(error.reason).",
                    hint: unreadableHint(in: content)))
        }
    }

    /// What to do about a source file that could not be read.
    private static func unreadableHint(in folder: String) -> String {
        "Only regular files are read, and a symlink only to a file inside \(folder): replace it with a regular file, or check its permissions."
    }

    /// The diagnostic for the file `second` of `folder`, not read because its name is
    /// `first`'s in another Unicode normalisation form (the two would be one URL, one name).
    static func sameName(_ second: String, as first: String, in folder: String) -> Diagnostic {
        Diagnostic(
            file: join(folder, second),
            message:
                "This file's name is the same as \(join(folder, first))'s, written in another Unicode form (one composed, NFC, the other decomposed, NFD), so it was not read.",
            hint: "Rename or delete one of the two files (most editors save composed, NFC, names).")
    }

    /// The diagnostic for a file whose name (shown with `\xNN` stand-ins) is not UTF-8.
    private static func invalidName(_ shown: String, in folder: String) -> Diagnostic {
        Diagnostic(
            file: join(folder, shown),
            message: "The file name is not valid UTF-8 (the bytes that are not are shown as \\xNN), so the file was not read.",
            hint: "Rename it with a UTF-8 name, e.g. `mv` it in a terminal using tab completion.")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
