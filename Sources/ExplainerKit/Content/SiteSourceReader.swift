#if canImport(Glibc)
import Glibc
#endif

/// Reads a site's sources from disk: `site.yml` and the `*.md` files of the content folder,
/// the templates and assets of the templates folder. The only place the content stage
/// touches the disk; a file that cannot be read becomes a diagnostic, not a crash.
public enum SiteSourceReader {
    public static func read(content: String, templates: String, cache: SourceFileCache? = nil) -> Result<SiteSources, BuildFailure> {
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
        var articles: [SourceFile] = []
        for name in FileSystem.listFiles(content) where name.hasSuffix(".md") && !name.contains("/") {
            let path = join(content, name)
            do {
                articles.append(SourceFile(path: path, bytes: try read(path, limit: TextDecoding.maxBytes)))
            } catch where error.code == EFBIG {
                diagnostics.append(Diagnostic(
                    file: path, message: "The file is \(error.size / 1_048_576) MB; the limit is \(TextDecoding.maxBytes / 1_048_576) MB.",
                    hint: "Split the article, or move large data out of \(content)."))
            } catch {
                diagnostics.append(Diagnostic(
                    file: path, message: "The article could not be read: \(error.description).",
                    hint: "Check the file's permissions, or that a symlink points at a real file."))
            }
        }
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

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
