/// Which copies of an image are published, and their names: one rule for the markup (which
/// lists them in `srcset`) and for `MediaStage` (which makes them). Pure.
///
/// A raster image gets a copy at each configured width narrower than itself (never larger:
/// nothing is upscaled), in WebP and in a fallback format every browser reads (its own, or
/// JPEG for AVIF). Names carry a hash of the source bytes, so a changed photo gets new URLs
/// and old ones can be cached for a year: `images/map-480-0123abcd.webp`.
enum VariantPlan {
    /// The widths when `site.yml` names none.
    static let defaultWidths = [480, 960, 1600]
    /// The lead image's social-card crops are this wide where the source allows (Google asks
    /// for at least 1200 pixels).
    static let cropWidth = 1200
    /// The crops of a lead image, in the order JSON-LD lists them.
    static let cropRatios: [AspectRatio] = [.wide, .standard, .square]

    /// The format `<img src>` falls back to for a source in `format`.
    static func fallbackFormat(for format: ImageFormat) -> ImageFormat {
        switch format {
        case .avif: .jpeg
        default: format
        }
    }

    /// The widths of the copies of an image `sourceWidth` pixels wide: each configured width
    /// comfortably narrower than the source (under 90% of it), then the widest copy, which is
    /// the largest configured width or the source's own if that is smaller.
    static func widths(sourceWidth: Int, configured: [Int]) -> [Int] {
        let configured = Set(configured.filter { $0 > 0 }).sorted()
        guard let largest = configured.last, sourceWidth > 0 else { return [] }
        var widths = configured.filter { $0 * 10 < sourceWidth * 9 && $0 < largest }
        let widest = min(sourceWidth, largest)
        if widths.last.map({ $0 < widest }) ?? true { widths.append(widest) }
        return widths
    }

    /// The copies published for the raster image at `pathInBundle`, narrowest first: WebP,
    /// then the fallback format (WebP alone for a WebP source). An SVG has none (it is
    /// published as written).
    static func variants(
        pathInBundle: String, format: ImageFormat, width: Int, height: Int, hash: String, widths configured: [Int]
    ) -> [ImageVariant] {
        guard format.isRaster else { return [] }
        let fallback = fallbackFormat(for: format)
        let formats: [ImageFormat] = fallback == .webp ? [.webp] : [.webp, fallback]
        let widths = widths(sourceWidth: width, configured: configured)
        return formats.flatMap { format in
            widths.map { w in
                ImageVariant(
                    path: name(pathInBundle, suffix: "\(w)", hash: hash, format: format), format: format, width: w,
                    height: ImageCodec.outputSize(width: width, height: height, for: EncodeRequest(format: format, width: w)).height,
                    crop: nil)
            }
        }
    }

    /// The lead image's crops (16:9, 4:3, 1:1), each `cropWidth` wide where the source allows,
    /// in the fallback format (what link previews read everywhere).
    static func crops(pathInBundle: String, format: ImageFormat, width: Int, height: Int, hash: String) -> [ImageVariant] {
        guard format.isRaster, width > 0, height > 0 else { return [] }
        let fallback = fallbackFormat(for: format)
        return cropRatios.map { ratio in
            // The widest crop of this ratio inside the source, no wider than `cropWidth`.
            let (w, h) = ImageCodec.outputSize(
                width: width, height: height, for: EncodeRequest(format: fallback, width: cropWidth, crop: ratio))
            return ImageVariant(
                path: name(pathInBundle, suffix: "\(ratio.width)x\(ratio.height)-\(w)", hash: hash, format: fallback),
                format: fallback, width: w, height: h, crop: ratio)
        }
    }

    /// The original, published (stripped of metadata) when the article links to it: its own
    /// path and format, at its own size.
    static func original(pathInBundle: String, format: ImageFormat, width: Int, height: Int) -> ImageVariant {
        ImageVariant(path: pathInBundle, format: format, width: width, height: height, crop: nil)
    }

    /// `images/map.png`, `480`, hash, `.webp` → `images/map-480-0123abcd.webp`.
    static func name(_ pathInBundle: String, suffix: String, hash: String, format: ImageFormat) -> String {
        let slash = pathInBundle.lastIndex(of: "/")
        let folder = slash.map { String(pathInBundle[...$0]) } ?? ""
        let file = slash.map { String(pathInBundle[pathInBundle.index(after: $0)...]) } ?? pathInBundle
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        return folder + stem + "-" + suffix + "-" + hash.prefix(hashLength) + "." + format.fileExtension
    }

    /// How many hex digits of the source's hash a copy's name carries.
    static let hashLength = 8

    /// Whether `fileName` is one `name(_:suffix:hash:format:)` makes for a resized copy or a
    /// crop: `map-480-0123abcd.webp`, `map-16x9-960-0123abcd.jpg` (a width, or a ratio and a
    /// width, then eight lower-case hex digits and an image format's extension). A name that
    /// only ends in a number, `report-20240101.pdf`, or in hex, `photo-deadbeef.jpg`, is not.
    static func isVariantName(_ fileName: Substring) -> Bool {
        guard let dot = fileName.lastIndex(of: "."),
            let format = ImageFormat(fileExtension: fileName[fileName.index(after: dot)...]),
            fileName[fileName.index(after: dot)...] == format.fileExtension
        else { return false }
        let parts = fileName[..<dot].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let hash = parts.last, hash.count == hashLength, Fingerprint.isLowercaseHex(hash) else {
            return false
        }
        func isNumber(_ text: Substring) -> Bool { !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        let width = parts[parts.count - 2]
        guard isNumber(width) else { return false }
        // A crop: `-16x9-960-`; a resized copy: `-960-` after a stem that is not empty.
        let before = parts[parts.count - 3]
        let ratio = before.split(separator: "x", omittingEmptySubsequences: false)
        if ratio.count == 2, ratio.allSatisfy(isNumber), parts.count >= 4 { return true }
        return !before.isEmpty || parts.count > 3
    }
}
