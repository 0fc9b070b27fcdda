import CVipsShim

/// Images through libvips (via `CVipsShim`): a header-only probe, and the published copies —
/// decoded once, the EXIF orientation applied, converted to sRGB, every metadata field (EXIF,
/// XMP, IPTC, ICC) stripped, resized (never up) and cropped. Stateless and thread-safe; the
/// output bytes are the same on every run and whatever the number of threads.
enum ImageCodec {
    /// Names what shapes the copies' bytes besides their parameters (libvips' version, the
    /// encoders' settings): part of every cache key, so a change makes every copy anew.
    static let version = "vips-8.14-q80-q82-2"

    /// What `bytes` are and their size as displayed, without decoding a pixel. `claimed` is
    /// what the file's extension says; bytes of another format are a problem naming both.
    /// An image over `limits.maxPixels` is refused here, before anything allocates its pixels.
    static func probe(_ bytes: [UInt8], claimed: ImageFormat, limits: ImageLimits = .standard) -> Result<ImageHeader, ImageProblem> {
        guard let actual = ImageSniffer.format(of: bytes) else { return .failure(.notAnImage(claimed: claimed)) }
        guard actual == claimed else { return .failure(.lyingExtension(claimed: claimed, actual: actual)) }
        if actual == .svg { return SVGCheck.header(of: bytes) }
        return rasterHeader(bytes, format: actual, limits: limits)
    }

    /// The header of a raster image whose format is known.
    private static func rasterHeader(_ bytes: [UInt8], format: ImageFormat, limits: ImageLimits) -> Result<ImageHeader, ImageProblem> {
        if ImageSniffer.isTruncated(bytes, as: format) { return .failure(.corrupt) }
        guard explainer_vips_start() == 0 else { return .failure(.codecUnavailable) }
        var raw = explainer_image_header()
        let status = bytes.withUnsafeBufferPointer { explainer_vips_header($0.baseAddress, $0.count, format.shimKind, &raw) }
        guard status == 0, raw.width > 0, raw.height > 0 else { return .failure(.corrupt) }
        let width = Int(raw.width)
        let height = Int(raw.height)
        let pixels = width.multipliedReportingOverflow(by: height)
        guard !pixels.overflow, pixels.partialValue <= limits.maxPixels else {
            return .failure(.tooManyPixels(width: width, height: height, limit: limits.maxPixels))
        }
        let orientation = (1...8).contains(raw.orientation) ? Int(raw.orientation) : 1
        let turned = orientation >= 5
        return .success(
            ImageHeader(format: format, width: turned ? height : width, height: turned ? width : height, orientation: orientation))
    }

    /// Every output of `requests`, in order, from one read of `bytes` (a JPEG is decoded once per
    /// distinct shrink-on-load factor: the smallest sizes come from a smaller, faster decode).
    /// A truncated or corrupt file, too many pixels, or an SVG source is a problem, never a crash.
    static func encode(_ bytes: [UInt8], _ requests: [EncodeRequest], limits: ImageLimits = .standard) -> Result<[[UInt8]], ImageProblem> {
        guard let format = ImageSniffer.format(of: bytes) else { return .failure(.notAnImage(claimed: requests.first?.format ?? .png)) }
        guard format.isRaster else { return .failure(.cannotWrite(format)) }
        let header: ImageHeader
        switch rasterHeader(bytes, format: format, limits: limits) {
        case .success(let value): header = value
        case .failure(let problem): return .failure(problem)
        }
        if let svg = requests.first(where: { !$0.format.isRaster }) { return .failure(.cannotWrite(svg.format)) }
        let images = DecodedImages(bytes: bytes, format: format, limits: limits)
        var outputs: [[UInt8]] = []
        outputs.reserveCapacity(requests.count)
        for request in requests {
            let size = outputSize(width: header.width, height: header.height, for: request)
            let shrink = format == .jpeg ? shrinkOnLoad(from: header, to: size) : 1
            guard let decoded = images.decoded(shrink: shrink) else {
                return .failure(
                    images.tooManyPixels ? .tooManyPixels(width: header.width, height: header.height, limit: limits.maxPixels) : .corrupt)
            }
            guard let resized = images.resized(decoded, shrink: shrink, size: size, crop: request.crop != nil),
                let output = encode(resized, as: request.format)
            else {
                return .failure(.cannotEncode(request.format))
            }
            outputs.append(output)
        }
        return .success(outputs)
    }

    /// `image` saved as `format` at its own size.
    private static func encode(_ image: OpaquePointer, as format: ImageFormat) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = explainer_vips_encode(
            image, format.shimKind, explainer_vips_width(image), explainer_vips_height(image), 0, &out, &length)
        guard status == 0, let out else { return nil }
        defer { explainer_vips_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    /// The size `request` makes of a `width` × `height` image (as displayed): its width, never
    /// more than the source's, and the source's ratio, or the crop's ratio at the widest size
    /// the source covers. `16:9` at 1200 of a 2000 × 1300 photo is 1200 × 675. Integer
    /// arithmetic: the same on every machine, and what the catalog plans before encoding.
    static func outputSize(width: Int, height: Int, for request: EncodeRequest) -> (width: Int, height: Int) {
        let sourceWidth = max(1, width)
        let sourceHeight = max(1, height)
        let wanted = max(1, request.width)
        guard let crop = request.crop, crop.width > 0, crop.height > 0 else {
            let outWidth = min(wanted, sourceWidth)
            let outHeight = (2 * sourceHeight * outWidth + sourceWidth) / (2 * sourceWidth)
            return (outWidth, min(max(1, outHeight), sourceHeight))
        }
        let outWidth = max(1, min(wanted, sourceWidth, sourceHeight * crop.width / crop.height))
        let outHeight = (2 * outWidth * crop.height + crop.width) / (2 * crop.width)
        return (outWidth, min(max(1, outHeight), sourceHeight))
    }

    /// The JPEG shrink-on-load factor for an output of `size`: as libvips' thumbnail does, the
    /// DCT shrinks by 2, 4 or 8 only while a factor of two is left for the resize filter, so
    /// the copy is as sharp as one resized from the full decode.
    private static func shrinkOnLoad(from header: ImageHeader, to size: (width: Int, height: Int)) -> Int {
        let factor = min(header.width / max(1, size.width), header.height / max(1, size.height))
        switch factor {
        case 16...: return 8
        case 8...: return 4
        case 4...: return 2
        default: return 1
        }
    }
}

/// The decodes (one per shrink-on-load factor) and resized copies (one per size and crop: the
/// WebP and the JPEG of a width share one) of one `encode` call, released with it.
private final class DecodedImages {
    let bytes: [UInt8]
    let format: ImageFormat
    let limits: ImageLimits
    private var decodes: [Int: OpaquePointer] = [:]
    private var resizes: [String: OpaquePointer] = [:]
    /// Whether the last failed decode refused the pixel count (else the file is corrupt).
    private(set) var tooManyPixels = false

    init(bytes: [UInt8], format: ImageFormat, limits: ImageLimits) {
        self.bytes = bytes
        self.format = format
        self.limits = limits
    }

    deinit {
        for image in decodes.values { explainer_vips_release(image) }
        for image in resizes.values { explainer_vips_release(image) }
    }

    /// The image decoded at `shrink`, decoding it on first use; nil if it cannot be.
    func decoded(shrink: Int) -> OpaquePointer? {
        if let image = decodes[shrink] { return image }
        var image: OpaquePointer?
        let status = bytes.withUnsafeBufferPointer {
            explainer_vips_decode($0.baseAddress, $0.count, format.shimKind, Int32(shrink), Int64(limits.maxPixels), &image)
        }
        guard status == 0, let image else {
            tooManyPixels = status == -2
            return nil
        }
        decodes[shrink] = image
        return image
    }

    /// `decoded` resized to `size` (cropped to it with `crop`), made on first use.
    func resized(_ decoded: OpaquePointer, shrink: Int, size: (width: Int, height: Int), crop: Bool) -> OpaquePointer? {
        let key = "\(shrink) \(size.width) \(size.height) \(crop)"
        if let image = resizes[key] { return image }
        // A shrunk decode may be a pixel narrower than the size computed from the full one.
        let width = min(size.width, Int(explainer_vips_width(decoded)))
        let height = min(size.height, Int(explainer_vips_height(decoded)))
        var image: OpaquePointer?
        guard explainer_vips_resize(decoded, Int32(width), Int32(height), crop ? 1 : 0, &image) == 0, let image else { return nil }
        resizes[key] = image
        return image
    }
}

extension ImageCodec {
    /// For tests and benchmarks: a `width` × `height` gradient in `format` (raster only), with
    /// Gaussian noise of standard deviation `noise` (0–100) so that it compresses like a photo.
    static func pattern(width: Int, height: Int, format: ImageFormat, noise: Int = 0) -> [UInt8]? {
        guard format.isRaster else { return nil }
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard explainer_vips_test_image(Int32(width), Int32(height), format.shimKind, Int32(noise), &out, &length) == 0, let out else {
            return nil
        }
        defer { explainer_vips_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }
}

extension ImageFormat {
    /// The shim's number for this format (`EXPLAINER_IMAGE_PNG`…); SVG has none.
    fileprivate var shimKind: Int32 {
        switch self {
        case .png: Int32(EXPLAINER_IMAGE_PNG.rawValue)
        case .jpeg: Int32(EXPLAINER_IMAGE_JPEG.rawValue)
        case .gif: Int32(EXPLAINER_IMAGE_GIF.rawValue)
        case .webp: Int32(EXPLAINER_IMAGE_WEBP.rawValue)
        case .avif: Int32(EXPLAINER_IMAGE_AVIF.rawValue)
        case .svg: 0
        }
    }
}
