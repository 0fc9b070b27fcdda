import Foundation

/// The default theme carried by the binary: every file of the repository's `Templates/`
/// (`*.mustache`, `partials/`, `assets/`, the translation tables of `i18n/`), as it was when explainer was built.
///
/// There is no copy to keep in step: `generatedFiles` is written at build time by the
/// `theme-embedder` tool (run by the `EmbedTheme` build-tool plugin) from `Templates/`, so
/// the folder is the one source. `SiteSourceReader` uses these files wherever a site's own
/// templates folder does not have a file of the same name (`ThemeFiles`).
enum EmbeddedTheme {
    /// The folder embedded files are shown in, in messages and `theme --list`:
    /// `(embedded theme)/layout.mustache`.
    static let folder = "(embedded theme)"

    /// One file as the generated source holds it: text as it is, anything else as base64.
    enum Stored: Sendable {
        case text(String, String)
        case base64(String, String)
    }

    /// The embedded files, sorted by name (the path below `Templates/`), each with its bytes.
    static let files: [ThemeFile] = generatedFiles.map { stored in
        switch stored {
        case let .text(name, text):
            return ThemeFile(name: name, bytes: Array(text.utf8), origin: .embedded)
        case let .base64(name, encoded):
            // The generator wrote it: it decodes (an empty file is the fallback, never a crash).
            return ThemeFile(name: name, bytes: Data(base64Encoded: encoded).map { [UInt8]($0) } ?? [], origin: .embedded)
        }
    }
    .filter { ThemeFiles.isThemeFile($0.name) }
    .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

    /// The embedded translation tables (`i18n/<tag>.yml`), as `Translations` reads them.
    static let translationTables: [SourceFile] = files.filter { ThemeFiles.isTranslationTable($0.name) }
        .map { SourceFile(path: $0.path, bytes: $0.bytes) }
}
