/// A site's theme: the embedded default theme with the files of the site's templates folder
/// laid over it by name. A file of the folder replaces the embedded file of the same name
/// (a newsroom overrides one partial, not the theme); a name only the folder has is added;
/// every other embedded file stays. Without a templates folder the theme is the embedded one.
///
/// Pure: the folder's files are read by `SiteSourceReader`.
package struct ThemeFiles: Sendable {
    /// Every file of the theme, sorted by name.
    package private(set) var files: [ThemeFile]
    /// The translation tables, as `Translations.load` layers them: the embedded theme's, then
    /// the folder's (which override the embedded table of their language key by key, rather
    /// than replacing it), each sorted by name.
    private(set) var translationTables: [SourceFile] = []

    /// The prefix of assets' names (`assets/style.css`).
    static let assetsPrefix = "assets/"

    /// Whether a file at `name` (its path below the templates folder) is part of a theme: a
    /// template (`*.mustache`, anywhere) or an asset (anything below `assets/`). Other files
    /// of the folder (a README, notes) are not read. The one rule, for the folder and the
    /// embedded files alike.
    static func isThemeFile(_ name: String) -> Bool {
        name.hasPrefix(assetsPrefix) || name.hasSuffix(".mustache") || isTranslationTable(name)
    }

    /// The prefix of translation tables' names (`i18n/de.yml`).
    static let translationsPrefix = "i18n/"

    /// Whether a file at `name` is a translation table: `i18n/<language tag>.yml`.
    static func isTranslationTable(_ name: String) -> Bool {
        name.hasPrefix(translationsPrefix) && name.hasSuffix(".yml") && !name.dropFirst(translationsPrefix.count).contains("/")
    }

    /// `folder` (the templates folder's theme files, each `.siteOnly` with its path) over
    /// `embedded`: a folder file whose name an embedded file has becomes `.overriding`.
    init(embedded: [ThemeFile] = EmbeddedTheme.files, folder: [ThemeFile]) {
        var byName: [String: ThemeFile] = [:]
        for file in embedded { byName[file.name] = file }
        for var file in folder {
            if byName[file.name] != nil, case let .siteOnly(path) = file.origin { file.origin = .overriding(path) }
            byName[file.name] = file
        }
        translationTables = (embedded + folder).filter { Self.isTranslationTable($0.name) }
            .map { SourceFile(path: $0.path, bytes: $0.bytes) }
        files = byName.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The templates, as the template set reads them: each `SourceFile`'s path is the file's
    /// (`Templates/layout.mustache` or `(embedded theme)/layout.mustache`).
    var templates: [SourceFile] {
        files.filter { !$0.isAsset && !Self.isTranslationTable($0.name) }.map { SourceFile(path: $0.path, bytes: $0.bytes) }
    }

    /// The assets, named below `assets/` (`style.css`), as the builder publishes them.
    var assets: [SourceFile] {
        files.filter(\.isAsset).map { SourceFile(path: String($0.name.dropFirst(Self.assetsPrefix.count)), bytes: $0.bytes) }
    }

    /// The names (below `assets/`) of the assets that come from the embedded theme.
    var embeddedAssets: Set<String> {
        Set(files.filter { $0.isAsset && $0.origin == .embedded }.map { String($0.name.dropFirst(Self.assetsPrefix.count)) })
    }
}
