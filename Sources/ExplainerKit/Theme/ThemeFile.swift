/// One file of a site's theme: a template (`layout.mustache`, `partials/card.mustache`) or an
/// asset (`assets/style.css`), named by its path below the templates folder, with its bytes
/// and where it comes from.
package struct ThemeFile: Sendable, Hashable {
    /// Where a theme file comes from.
    package enum Origin: Sendable, Hashable {
        /// The binary's default theme (`EmbeddedTheme`).
        case embedded
        /// The site's templates folder, replacing the embedded file of the same name; the
        /// file's path on disk.
        case overriding(String)
        /// The site's templates folder, with no embedded file of that name; its path on disk.
        case siteOnly(String)
    }

    /// The path below the templates folder: `partials/card.mustache`, `assets/style.css`.
    package var name: String
    var bytes: [UInt8]
    package var origin: Origin

    /// The file as messages name it: its path on disk (`Templates/layout.mustache`), or
    /// `(embedded theme)/layout.mustache` for an embedded one.
    package var path: String {
        switch origin {
        case .embedded: return EmbeddedTheme.folder + "/" + name
        case let .overriding(path), let .siteOnly(path): return path
        }
    }

    /// Whether the file is an asset (below `assets/`), published as it is.
    var isAsset: Bool { name.hasPrefix(ThemeFiles.assetsPrefix) }
}
