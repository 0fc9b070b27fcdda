/// An explainer's lead image (`image:` in the front matter), resolved to a file of its bundle
/// and probed: shown on the overview and on the explainer's card, and the picture of its link
/// previews (`og:image`) and of its JSON-LD, in the three crops Google asks for.
struct LeadImage: Sendable, Hashable {
    /// The file, relative to the content folder: `map-story/images/kabul.jpg`.
    var contentPath: String
    /// The file inside the bundle: `images/kabul.jpg`.
    var pathInBundle: String
    var alt: String
    var credit: String?
    var info: ImageInfo
    /// 16:9, 4:3 and 1:1 (`VariantPlan.cropRatios`), at least 1200 wide where the source allows.
    var crops: [ImageVariant]

    /// The 16:9 crop: the link preview's picture.
    var socialCard: ImageVariant? { crops.first }

    /// The lead image `reference` names, resolved against the article at `articlePath` (its
    /// path in the content folder) and looked up in `catalog`, or the error to report at
    /// `image:`.
    static func resolve(
        _ reference: LeadImageReference, articlePath: String, catalog: MediaCatalog, file: String
    ) throws(BuildFailure) -> LeadImage {
        func problem(_ message: String, _ hint: String) -> BuildFailure {
            BuildFailure(
                Diagnostic(
                    file: file, line: reference.location?.line, column: reference.location?.column, message: message, hint: hint))
        }
        guard let bundle = URLResolver.bundle(ofArticle: articlePath) else {
            throw problem(
                "`image: \(reference.path)` names a file beside the article, but this article is a single file, not a bundle.",
                "Make the explainer a folder: move the article to its own folder as index.md, and put the image beside it.")
        }
        guard case .file(let contentPath, _) = URLResolver(articlePath: articlePath).resolve(reference.path),
            contentPath.hasPrefix(bundle + "/")
        else {
            throw problem(
                "`image: \(reference.path)` must be a file inside the explainer's folder.",
                "Write the path relative to index.md, e.g. `image: images/lead.jpg`.")
        }
        guard let entry = catalog[contentPath] else {
            let path = String(contentPath.dropFirst(bundle.count + 1))
            let nearest = EditDistance.nearest(to: path, in: catalog.entries(inBundle: bundle).map(\.pathInBundle))
            throw problem(
                "`image: \(reference.path)`: there is no such file in the explainer's folder.",
                nearest.map { "Did you mean `image: \($0)`?" } ?? "Put the image beside index.md, or fix the path.")
        }
        if let diagnostic = entry.problem { throw BuildFailure(diagnostic) }
        guard let info = entry.image else {
            throw problem(
                "`image: \(reference.path)` is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG).",
                "Name a photo or a drawing of the bundle.")
        }
        if let message = info.problem {
            throw problem("`image: \(reference.path)` cannot be published: \(message)", "Replace the file, then build again.")
        }
        let crops = VariantPlan.crops(
            pathInBundle: entry.pathInBundle, format: info.format, width: info.width, height: info.height, hash: info.hash)
        return LeadImage(
            contentPath: contentPath, pathInBundle: entry.pathInBundle, alt: reference.alt, credit: reference.credit, info: info,
            crops: crops)
    }
}
