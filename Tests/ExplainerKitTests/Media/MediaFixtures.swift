@testable import ExplainerKit

/// Bundles and media catalogs for the media tests, in memory.
enum MediaFixtures {
    /// A minimal article: its body starts on line 6 of the file.
    static func article(title: String = "Map story", body: String, extraFrontMatter: String = "") -> String {
        "---\ntitle: \"\(title)\"\nsummary: \"A story with a map.\"\ndate: 2025-03-04\n\(extraFrontMatter)---\n\(body)"
    }

    /// The catalog entry of a raster image of `bundle` with WebP and original-format variants
    /// at 480 and 960 pixels wide (and its own width), as the media stage names them.
    static func image(
        _ bundle: String, _ path: String, width: Int = 1600, height: Int = 1000, format: ImageFormat = .png,
        problem: String? = nil
    ) -> MediaEntry {
        let stem = path.split(separator: ".").dropLast().joined(separator: ".")
        var variants: [ImageVariant] = []
        for variantFormat in format == .webp ? [ImageFormat.webp] : [.webp, format] {
            for w in [480, 960, width] where w <= width {
                variants.append(
                    ImageVariant(
                        path: "\(stem)-\(w)-0123abcd.\(variantFormat.fileExtension)", format: variantFormat, width: w,
                        height: w * height / width, crop: nil))
            }
        }
        let info = ImageInfo(format: format, width: width, height: height, hash: "0123abcd", variants: variants, problem: problem)
        return MediaEntry(file: BundleFile(source: "Content/\(bundle)/\(path)", bundle: bundle, pathInBundle: path, size: 1000), image: info)
    }

    static func svg(_ bundle: String, _ path: String, width: Int = 300, height: Int = 150) -> MediaEntry {
        let info = ImageInfo(format: .svg, width: width, height: height, hash: "0123abcd", variants: [], problem: nil)
        return MediaEntry(file: BundleFile(source: "Content/\(bundle)/\(path)", bundle: bundle, pathInBundle: path, size: 500), image: info)
    }

    static func file(_ bundle: String, _ path: String, size: Int = 100) -> MediaEntry {
        MediaEntry(file: BundleFile(source: "Content/\(bundle)/\(path)", bundle: bundle, pathInBundle: path, size: size), image: nil)
    }

    static func catalog(_ entries: [MediaEntry]) -> MediaCatalog {
        MediaCatalog(Dictionary(entries.map { ($0.bundle + "/" + $0.pathInBundle, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// An in-memory site of `articles` (content path → text) with `media`, built.
    static func build(
        _ articles: [(String, String)], media: [MediaEntry] = [], siteYML: String = Fixtures.siteYML
    ) -> Result<SiteBuild, BuildFailure> {
        var sources = Fixtures.sources(articles: articles, siteYML: siteYML)
        sources.media = catalog(media)
        sources.bundleFiles = media.map {
            BundleFile(source: $0.source, bundle: $0.bundle, pathInBundle: $0.pathInBundle, size: $0.size)
        }
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
