/// The HTML of an article's images: `<picture>` with WebP and original-format `srcset`s for
/// a raster image, a plain `<img>` for an SVG or an image from elsewhere, with `width` and
/// `height` from the file (nothing shifts while the page loads), and a `<figure>` with a
/// caption and credit for an image alone in its paragraph. Every attribute value is escaped
/// here. Pure.
enum ImageMarkup {
    /// The attributes every article image gets; a page's first image loses them
    /// (`EagerFirstImage`), since it is most likely in view when the page opens.
    static let lazyAttributes = " loading=\"lazy\" decoding=\"async\""

    /// The widths the image takes on a page: the text column, `--measure` (42rem) less the
    /// `.wrap` padding (2 × 1.25rem), or the whole viewport less that padding on a phone.
    static let sizes = "(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)"

    /// The alt text that marks an image as decorative (any case): it gets `alt=""`.
    static let decorativeAlt = "decorative"

    /// One image to write.
    struct Image {
        /// The `src` of an image the catalog does not describe (from elsewhere, or an SVG's
        /// own path), resolved and percent-encoded (`URLResolver.percentEncoded`).
        var src: String
        /// The alt text as it will be written (empty for a decorative image).
        var alt: String
        var title: String?
        /// The probed image and the URL of its explainer's folder (`/base/slug/`, encoded), when known.
        var info: ImageInfo?
        var folderURL: String = ""
    }

    /// `<picture>…</picture>` or `<img …>`; with `figure`, inside a `<figure>` whose caption is
    /// the title (the title attribute is then not written).
    static func html(_ image: Image, figure: Bool) -> String {
        var out = ""
        if figure { out += "<figure class=\"image\">" }
        let sizeAttributes = image.info.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
        let titleAttribute = !figure ? image.title.map { " title=\"\(HTMLEscaping.escape($0))\"" } ?? "" : ""
        let tail = "\(sizeAttributes) alt=\"\(HTMLEscaping.escape(image.alt))\"\(titleAttribute)\(lazyAttributes)>"
        let variants = image.info.map { info in info.variants.filter { $0.crop == nil } } ?? []
        let webp = variants.filter { $0.format == .webp }
        let original = variants.filter { $0.format == image.info?.format }
        if let info = image.info, info.format.isRaster, let fallback = (original.isEmpty ? webp : original).last {
            let picture = info.format != .webp && !webp.isEmpty && !original.isEmpty
            if picture {
                out += "<picture><source type=\"image/webp\" srcset=\"\(srcset(webp, in: image.folderURL))\" sizes=\"\(sizes)\">"
            }
            let list = original.isEmpty ? webp : original
            out += "<img src=\"\(url(of: fallback, in: image.folderURL))\" srcset=\"\(srcset(list, in: image.folderURL))\""
            out += " sizes=\"\(sizes)\"" + tail
            if picture { out += "</picture>" }
        } else {
            out += "<img src=\"\(attribute(image.src))\"" + tail
        }
        if figure {
            if let caption = image.title.flatMap(Self.caption) { out += caption }
            out += "</figure>"
        }
        return out
    }

    /// `a-480.webp 480w, a-960.webp 960w`, each path escaped.
    private static func srcset(_ variants: [ImageVariant], in folderURL: String) -> String {
        variants.map { "\(url(of: $0, in: folderURL)) \($0.width)w" }.joined(separator: ", ")
    }

    /// A variant's URL as an attribute value: its path percent-encoded, then HTML-escaped.
    private static func url(of variant: ImageVariant, in folderURL: String) -> String {
        attribute(folderURL + URLResolver.percentEncoded(variant.path))
    }

    /// An encoded URL as an attribute value: HTML-escaped (`&` in a query).
    private static func attribute(_ url: String) -> String {
        HTMLEscaping.escape(url)
    }

    /// The `<figcaption>` of a title `Caption — Credit` (or `Caption -- Credit`: split at the
    /// last of either), the credit set apart in `<small class="credit">`; nil for an empty title.
    static func caption(_ title: String) -> String? {
        let (caption, credit) = captionParts(title)
        guard !caption.isEmpty || !credit.isEmpty else { return nil }
        var out = "<figcaption>" + HTMLEscaping.escape(caption)
        if !credit.isEmpty {
            if !caption.isEmpty { out += " " }
            out += "<small class=\"credit\">" + HTMLEscaping.escape(credit) + "</small>"
        }
        return out + "</figcaption>"
    }

    /// `Caption — Credit` → (`Caption`, `Credit`); a title without a separator is all caption.
    static func captionParts(_ title: String) -> (caption: String, credit: String) {
        let bytes = Array(title.utf8)
        let separators = [Array(" \u{2014} ".utf8), Array(" -- ".utf8)]
        var start = bytes.count
        while start > 0 {
            start -= 1
            guard let separator = separators.first(where: { bytes[start...].starts(with: $0) }) else { continue }
            let caption = String(decoding: bytes[..<start], as: UTF8.self)
            let credit = String(decoding: bytes[(start + separator.count)...], as: UTF8.self)
            return (caption.trimmingWhitespace(), credit.trimmingWhitespace())
        }
        return (title.trimmingWhitespace(), "")
    }
}
