import Foundation

/// What each file of the content folder is, by one rule shared by the build and the preview:
/// `site.yml` and `authors.yml`; an article (`NAME.md` directly in the folder, or `FOLDER/index.md`, a bundle);
/// a file of a bundle (anything else below a folder with an `index.md`); an editor's scratch
/// file or a dot-file, ignored; or anything else, which is reported, since nothing an author
/// put in `Content/` may vanish without a word.
package enum ContentNames {
    enum Kind: Equatable {
        case config
        case article
        /// Dot-files and editors' swap, backup and temporary files.
        case ignored
        /// A Markdown file that is not built: in a subfolder, or not named `*.md`.
        case misplacedArticle
        /// Anything else: not used by the build.
        case other
        /// A file below a bundle's folder (beside its `index.md`).
        case bundleFile
        /// An `index.md` in a subfolder of a bundle: bundles do not nest.
        case nestedIndex
    }

    /// The bundle's name of `index.md`: `FOLDER/index.md` is an article.
    static let bundleIndex = "index.md"

    /// The bundles among the content folder's `paths` (relative to it): the folders whose
    /// `index.md` is listed.
    static func bundles(in paths: some Sequence<String>) -> Set<String> {
        var out: Set<String> = []
        for path in paths {
            if let bundle = URLResolver.bundle(ofArticle: path) { out.insert(bundle) }
        }
        return out
    }

    /// The kind of `path`, relative to the content folder (`sub/x.md`), where `bundles` are
    /// the folders that hold an `index.md`.
    static func kind(of path: some StringProtocol, bundles: Set<String> = []) -> Kind {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        if isScratch(name) { return .ignored }
        let inFolder = path.contains("/")
        if inFolder, !bundles.isEmpty, let slash = path.firstIndex(of: "/"), bundles.contains(String(path[..<slash])) {
            let rest = path[path.index(after: slash)...]
            if rest == bundleIndex || translation(String(path))?.original == String(path[..<slash]) + "/" + bundleIndex {
                return .article
            }
            return name == bundleIndex ? .nestedIndex : .bundleFile
        }
        if !inFolder && (path == "site.yml" || path == SiteAuthors.fileName) { return .config }
        if !inFolder && name.hasSuffix(".md") { return .article }
        return isMarkdownName(name) ? .misplacedArticle : .other
    }

    /// The original of a translation and its language, by the translation's name: `x.de.md` →
    /// (`x.md`, de), `x/index.pt-BR.md` → (`x/index.md`, pt-BR); nil for any other name. The
    /// code is a BCP 47 tag whose language is one ISO 639 knows, so `node.js.md` stays an
    /// explainer of its own. The one rule for which files are translations of which.
    static func translation(_ contentPath: String) -> (original: String, language: LanguageTag)? {
        guard contentPath.hasSuffix(".md") else { return nil }
        let stem = contentPath.dropLast(3)
        let folder = stem.lastIndex(of: "/").map { stem.index(after: $0) } ?? stem.startIndex
        guard let dot = stem[folder...].lastIndex(of: "."), dot > folder else { return nil }
        let code = String(stem[stem.index(after: dot)...])
        guard let language = LanguageTag(code), isoLanguages.contains(language.languageCode) else { return nil }
        let original = String(stem[..<dot]) + ".md"
        // In a subfolder only a bundle's `index.<code>.md`.
        if stem[..<folder].contains("/") && !original.hasSuffix("/" + bundleIndex) { return nil }
        return (original, language)
    }

    /// The languages ISO 639 names (`de`, `fr`, `ar`, `haw`…), as the platform knows them.
    private static let isoLanguages = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

    /// The path of a file in the content folder (`map-story/index.md`) from its path as read
    /// (`Content/map-story/index.md`), the folder spelt as `contentFolder` is.
    static func contentPath(of path: String, in contentFolder: String) -> String {
        let prefix = contentFolder.hasSuffix("/") ? contentFolder : contentFolder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Whether `name` (no folders) is a dot-file or an editor's scratch file: `x~`, `#x#`,
    /// `x.swp`, `x.swo`, `x.swx`, `x.tmp`, `x.bak`, or a name of digits only (Vim's `4913`).
    package static func isScratch(_ name: some StringProtocol) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) { return true }
        if !name.isEmpty && name.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
        return [".swp", ".swo", ".swx", ".tmp", ".bak"].contains { name.hasSuffix($0) }
    }

    /// Whether `name` has a Markdown extension in any case (`.md`, `.MD`, `.markdown`, …).
    static func isMarkdownName(_ name: some StringProtocol) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// The diagnostic for a file of `kind` `.misplacedArticle` or `.other` at `path`
    /// (relative to `folder`).
    static func notBuilt(_ path: String, in folder: String, kind: Kind) -> Diagnostic {
        let file = SiteSourceReader.join(folder, path)
        if kind == .nestedIndex {
            let bundle = path.prefix { $0 != "/" }
            return Diagnostic(
                file: file,
                message:
                    "This index.md is in a subfolder of the explainer \(SiteSourceReader.join(folder, bundle + "/index.md")): explainers do not nest, so it is not built.",
                hint: "Move its folder to \(folder)/ to make it an explainer of its own, or rename the file.")
        }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard kind == .misplacedArticle else {
            return Diagnostic(
                .warning, file: file,
                message:
                    "This file is not used: \(folder) holds site.yml, authors.yml, the articles (NAME.md) and explainers in folders (FOLDER/index.md with their files).",
                hint:
                    "Put it in an explainer's folder (beside its index.md), or in Templates/assets/ (published under /assets/), or move it out of \(folder)."
            )
        }
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let place =
            path.contains("/")
            ? "it is in a subfolder, and articles must be directly in \(folder) (or be the index.md of a folder there)"
            : "article names end in `.md`, lowercase"
        return Diagnostic(
            file: file, message: "This Markdown file is not built: \(place).",
            hint: "Move or rename it to \(SiteSourceReader.join(folder, base + ".md")).")
    }
}
