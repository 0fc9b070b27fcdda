#if canImport(Glibc)
import Glibc
#endif

/// Reads a site's sources from disk: `site.yml` and the `*.md` files of the content folder,
/// the templates and assets of the templates folder. The only place the content stage
/// touches the disk; a file that cannot be read becomes a diagnostic, not a crash.
public enum SiteSourceReader {
    /// - Parameter changed: with a `cache`, the paths that changed since its last read (as the
    ///   watcher reports them, `*` for unknown): only those articles are looked at again.
    ///   nil lists and checks every file.
    public static func read(
        content: String, templates: String, cache: SourceFileCache? = nil, changed: Set<String>? = nil
    ) -> Result<SiteSources, BuildFailure> {
        func read(_ path: String, limit: Int) throws(FileSystem.Failure) -> [UInt8] {
            if let cache { return try cache.read(path, limit: limit) }
            return try FileSystem.read(path, limit: limit)
        }
        var diagnostics: [Diagnostic] = []
        guard FileSystem.isDirectory(content) else {
            return .failure(BuildFailure(Diagnostic(
                file: content, message: "The content folder does not exist.",
                hint: "Run explainer from the site's folder, or pass --content PATH.")))
        }
        guard FileSystem.isDirectory(templates) else {
            return .failure(BuildFailure(Diagnostic(
                file: templates, message: "The templates folder does not exist.",
                hint: "Run explainer from the site's folder, or pass --templates PATH.")))
        }
        let configPath = join(content, "site.yml")
        var config = SourceFile(path: configPath, bytes: [])
        do {
            config.bytes = try read(configPath, limit: TextDecoding.maxBytes)
        } catch {
            diagnostics.append(Diagnostic(
                file: configPath, message: "The site configuration could not be read (\(error.description)).",
                hint: "Create \(configPath) with at least `title:` and `baseURL:`."))
        }
        var listing: ArticleListing
        if let cache, let changed, var previous = cache.articleListing(of: content),
           let names = ArticleListing.changedNames(changed, content: content, templates: templates) {
            // The watcher said which files changed: only those (and symlinks) are looked at.
            for name in Set(names).union(previous.symlinks) {
                let (read, isSymlink) = readArticle(name, in: content, read: read)
                previous.set(name, to: read, isSymlink: isSymlink)
            }
            listing = previous
        } else {
            listing = ArticleListing(folder: content)
            for name in FileSystem.listFiles(content) where ArticleListing.isArticleName(name) {
                let (read, isSymlink) = readArticle(name, in: content, read: read)
                listing.set(name, to: read, isSymlink: isSymlink)
            }
        }
        cache?.storeArticleListing(listing)
        let articles = listing.articles
        diagnostics += listing.diagnostics
        var templateFiles: [SourceFile] = []
        var assets: [SourceFile] = []
        for name in FileSystem.listFiles(templates) {
            let path = join(templates, name)
            let isAsset = name.hasPrefix("assets/")
            guard isAsset || name.hasSuffix(".mustache") else { continue }
            do {
                let bytes = try read(path, limit: 64 * 1024 * 1024)
                if isAsset {
                    assets.append(SourceFile(path: String(name.dropFirst("assets/".count)), bytes: bytes))
                } else {
                    templateFiles.append(SourceFile(path: path, bytes: bytes))
                }
            } catch {
                diagnostics.append(Diagnostic(file: path, message: "The template could not be read: \(error.description)."))
            }
        }
        return .success(SiteSources(
            config: config, articles: articles, templates: templateFiles, assets: assets,
            templatesFolder: templates, readDiagnostics: diagnostics))
    }

    /// Reads the article `name` of `content`: nil when it is no longer a file there.
    private static func readArticle(
        _ name: String, in content: String, read: (String, Int) throws(FileSystem.Failure) -> [UInt8]
    ) -> (ArticleListing.Read?, isSymlink: Bool) {
        let path = join(content, name)
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else { return (nil, false) }
        let isSymlink = (st.st_mode & S_IFMT) == S_IFLNK
        do {
            return (.file(SourceFile(path: path, bytes: try read(path, TextDecoding.maxBytes))), isSymlink)
        } catch where error.code == EFBIG {
            return (.failure(TextDecoding.tooLarge(path, size: error.size, folder: content)), isSymlink)
        } catch {
            return (.failure(Diagnostic(
                file: path, message: "The article could not be read: \(error.description).",
                hint: "Check the file's permissions, or that a symlink points at a real file.")), isSymlink)
        }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
