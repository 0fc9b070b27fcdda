@testable import ExplainerKit

/// Bundles and media catalogs for the media tests, in memory.
enum MediaFixtures {
    /// A minimal article: its body starts on line 6 of the file.
    static func article(title: String = "Map story", body: String, extraFrontMatter: String = "") -> String {
        "---\ntitle: \"\(title)\"\nsummary: \"A story with a map.\"\ndate: 2025-03-04\n\(extraFrontMatter)---\n\(body)"
    }

    /// A raster image of `bundle`: a libvips pattern of `width` × `height` in `format`, or, with
    /// `problem`, a PNG that declares 50,000 × 50,000 pixels (refused before decoding).
    static func image(
        _ bundle: String, _ path: String, width: Int = 1600, height: Int = 1000, format: ImageFormat = .png,
        problem: Bool = false
    ) -> BundleFile {
        let bytes = problem ? ImageFixtures.pngDeclaring(width: 50_000, height: 50_000) : ImageFixtures.image(width, height, format)
        return file(bundle, path, bytes: bytes)
    }

    /// A `width` × `height` SVG of `bundle`.
    static func svg(_ bundle: String, _ path: String, width: Int = 300, height: Int = 150) -> BundleFile {
        let text =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\"><rect width=\"10\" height=\"10\"/></svg>"
        return file(bundle, path, bytes: Array(text.utf8))
    }

    /// Any other file of `bundle`: `size` bytes.
    static func file(_ bundle: String, _ path: String, size: Int = 100) -> BundleFile {
        file(bundle, path, bytes: [UInt8](repeating: UInt8(ascii: "x"), count: size))
    }

    static func file(_ bundle: String, _ path: String, bytes: [UInt8]) -> BundleFile {
        BundleFile(source: "Content/\(bundle)/\(path)", bundle: bundle, pathInBundle: path, size: bytes.count, bytes: bytes)
    }

    /// The 8 hex digits in the copies' names of an `image(…)` of the default size and format.
    static let imageHash = hash8(image("x", "y.png"))

    /// The 8 hex digits the copies of `file` carry in their names.
    static func hash8(_ file: BundleFile) -> String {
        String(ContentHash.hex(file.bytes ?? []).prefix(8))
    }

    /// An in-memory site of `articles` (content path → text) with the bundle files `media`,
    /// built (the images probed and encoded by the real media stage, in memory).
    static func build(
        _ articles: [(String, String)], media: [BundleFile] = [], siteYML: String = Fixtures.siteYML
    ) -> Result<SiteBuild, BuildFailure> {
        var sources = Fixtures.sources(articles: articles, siteYML: siteYML)
        sources.bundleFiles = media
        return outcome { () throws(BuildFailure) in try SiteBuilder.build(sources) }
    }
}

extension Result where Success == SiteBuild, Failure == BuildFailure {
    /// The built site, nil on failure.
    var site: SiteBuild? {
        if case .success(let site) = self { return site }
        return nil
    }

    /// The errors of a failed build.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
