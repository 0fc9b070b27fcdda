import Foundation
import Testing

@testable import ExplainerKit

@Suite struct ImageCodecTests {
    /// The probed header, or nil with the problem recorded.
    private func header(_ bytes: [UInt8], _ claimed: ImageFormat, limits: ImageLimits = .standard) -> ImageHeader? {
        switch ImageCodec.probe(bytes, claimed: claimed, limits: limits) {
        case .success(let header): return header
        case .failure(let problem):
            Issue.record("unexpected problem: \(problem.message)")
            return nil
        }
    }

    /// The problem a probe reports, or nil (recorded) when it succeeds.
    private func problem(_ bytes: [UInt8], _ claimed: ImageFormat, limits: ImageLimits = .standard) -> String? {
        switch ImageCodec.probe(bytes, claimed: claimed, limits: limits) {
        case .success(let header):
            Issue.record("expected a problem, got \(header)")
            return nil
        case .failure(let problem): return problem.message
        }
    }

    private func encoded(_ bytes: [UInt8], _ requests: [EncodeRequest]) -> [[UInt8]] {
        switch ImageCodec.encode(bytes, requests) {
        case .success(let outputs): return outputs
        case .failure(let problem):
            Issue.record("unexpected problem: \(problem.message)")
            return []
        }
    }

    @Test(arguments: [ImageFormat.png, .jpeg, .gif, .webp, .avif])
    func probesAndEncodesEachRasterFormat(_ format: ImageFormat) throws {
        let source = ImageFixtures.image(64, 48, format)
        let probed = header(source, format)
        #expect(probed == ImageHeader(format: format, width: 64, height: 48, orientation: 1))
        let targets: [ImageFormat] = [.webp, .jpeg, .png, .gif, format]
        let outputs = encoded(source, targets.map { EncodeRequest(format: $0, width: 32) })
        #expect(outputs.count == targets.count)
        for (target, output) in zip(targets, outputs) {
            #expect(header(output, target) == ImageHeader(format: target, width: 32, height: 24, orientation: 1))
        }
    }

    @Test func neverUpscales() {
        let source = ImageFixtures.image(64, 48, .png)
        let outputs = encoded(source, [EncodeRequest(format: .webp, width: 1600), EncodeRequest(format: .png, width: 65)])
        let sizes = zip([ImageFormat.webp, .png], outputs).compactMap { header($1, $0) }.map { "\($0.width)x\($0.height)" }
        #expect(sizes == ["64x48", "64x48"])
    }

    @Test func cropsToExactRatios() throws {
        let source = ImageFixtures.image(2000, 1300, .jpeg)
        let ratios: [AspectRatio] = [.wide, .standard, .square]
        let outputs = encoded(source, ratios.map { EncodeRequest(format: .jpeg, width: 1200, crop: $0) })
        let sizes = outputs.compactMap { header($0, .jpeg) }.map { "\($0.width)x\($0.height)" }
        #expect(sizes == ["1200x675", "1200x900", "1200x1200"])
    }

    @Test func outputSizesFollowTheSourceOrTheCrop() {
        func size(_ width: Int, _ height: Int, _ request: EncodeRequest) -> String {
            let size = ImageCodec.outputSize(width: width, height: height, for: request)
            return "\(size.width)x\(size.height)"
        }
        #expect(size(2000, 1300, EncodeRequest(format: .webp, width: 480)) == "480x312")
        #expect(size(2000, 1300, EncodeRequest(format: .webp, width: 4000)) == "2000x1300")
        #expect(size(2000, 1300, EncodeRequest(format: .webp, width: 1200, crop: .wide)) == "1200x675")
        // A source too short for the ratio at that width: the widest crop it covers.
        #expect(size(1000, 400, EncodeRequest(format: .webp, width: 1200, crop: .square)) == "400x400")
        #expect(size(3, 1, EncodeRequest(format: .webp, width: 1)) == "1x1")
    }

    @Test func outputIsDeterministicAcrossRunsAndThreads() {
        let source = ImageFixtures.image(640, 400, .jpeg, noise: 10)
        let requests =
            [ImageFormat.webp, .jpeg, .png, .gif].map { EncodeRequest(format: $0, width: 300) }
            + [EncodeRequest(format: .webp, width: 200, crop: .square)]
        let first = encoded(source, requests)
        #expect(first.count == requests.count)
        #expect(encoded(source, requests) == first)
        let parallel = LockedList<[[UInt8]]>()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            if case .success(let outputs) = ImageCodec.encode(source, requests) { parallel.append(outputs) }
        }
        #expect(parallel.items.count == 6)
        #expect(parallel.items.allSatisfy { $0 == first })
    }

    @Test func refusesALyingExtension() {
        let jpeg = ImageFixtures.image(16, 16, .jpeg)
        let message = problem(jpeg, .png)
        #expect(message == "its extension says PNG but the bytes are a JPEG image — rename it to .jpg")
        #expect(problem(Array("hello".utf8), .gif)?.contains("not a PNG, JPEG, GIF, WebP, AVIF or SVG image") == true)
    }

    @Test func refusesAnImageBombBeforeDecoding() {
        let bomb = ImageFixtures.pngDeclaring(width: 50_000, height: 50_000)
        #expect(bomb.count < 100)
        let message = "it declares 50,000 × 50,000 pixels; at most 100 megapixels are allowed — make it smaller"
        #expect(problem(bomb, .png) == message)
        guard case .failure(let refusal) = ImageCodec.encode(bomb, [EncodeRequest(format: .webp, width: 480)]) else {
            Issue.record("the bomb was encoded")
            return
        }
        #expect(refusal.message == message)
        // The limit is configurable.
        #expect(
            problem(ImageFixtures.image(100, 100, .png), .png, limits: ImageLimits(maxPixels: 9_999))?.contains("at most 9,999 pixels")
                == true)
    }

    @Test(arguments: [ImageFormat.jpeg, .png])
    func refusesTruncatedFiles(_ format: ImageFormat) {
        let whole = ImageFixtures.image(300, 200, format, noise: 20)
        let cut = Array(whole.prefix(whole.count / 2))
        #expect(problem(cut, format) == ImageProblem.corrupt.message)
        // Cut, with the end marker put back: the header reads, the decode refuses.
        let end: [UInt8] = format == .jpeg ? [0xFF, 0xD9] : Array(whole.suffix(12))
        let disguised = cut + end
        if case .failure(let problem) = ImageCodec.encode(disguised, [EncodeRequest(format: .webp, width: 100)]) {
            #expect(problem == .corrupt)
        } else {
            Issue.record("a truncated \(format) was encoded")
        }
        // Garbage after a valid header.
        let garbage = Array(whole.prefix(64)) + [UInt8](repeating: 0x55, count: 4000) + end
        if case .success = ImageCodec.encode(garbage, [EncodeRequest(format: .png, width: 100)]) {
            Issue.record("a corrupt \(format) was encoded")
        }
    }

    @Test func appliesTheOrientationThenStripsEveryMetadataField() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/photo.jpg"
        FileManager.default.createFile(atPath: path, contents: Data(ImageFixtures.image(64, 48, .jpeg)))
        let written = ImageFixtures.exiftool([
            "-overwrite_original", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
            "-Orientation#=6", "-SerialNumber=SN-12345", "-Artist=Jane Reporter", "-XMP-dc:Creator=Jane Reporter",
            "-IPTC:By-line=Jane Reporter", "-Make=Camera Maker", path,
        ])
        try #require(written != nil, "exiftool could not write the fixture")
        let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let before = ImageFixtures.tags(of: source, in: folder, named: "before.jpg")
        #expect(before.keys.contains { $0.contains("GPSLatitude") })
        #expect(before.keys.contains { $0.hasPrefix("XMP") })
        #expect(header(source, .jpeg) == ImageHeader(format: .jpeg, width: 48, height: 64, orientation: 6))

        let formats: [ImageFormat] = [.jpeg, .webp, .png, .gif, .avif]
        let outputs = encoded(source, formats.map { EncodeRequest(format: $0, width: 1000) })
        for (format, output) in zip(formats, outputs) {
            #expect(header(output, format) == ImageHeader(format: format, width: 48, height: 64, orientation: 1))
            let tags = ImageFixtures.tags(of: output, in: folder, named: "out.\(format.fileExtension)")
            let leaked = tags.keys.filter { key in
                ["GPS", "Serial", "Artist", "Creator", "By-line", "Make", "Orientation", "XMP", "IPTC", "ICC"].contains { key.contains($0) }
            }
            #expect(leaked.isEmpty, "\(format) keeps \(leaked)")
            #expect(!tags.keys.contains { $0.hasPrefix("IFD0") || $0.hasPrefix("ExifIFD") }, "\(format) keeps EXIF: \(tags.keys.sorted())")
        }
    }

    @Test func svgIsNotResized() {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#.utf8)
        guard case .failure(let problem) = ImageCodec.encode(svg, [EncodeRequest(format: .webp, width: 5)]) else {
            Issue.record("an SVG was rasterised")
            return
        }
        #expect(problem.message.contains("SVG is published as written"))
    }

    /// Not a check: the time per photo of the benchmark's work (2000 × 1300 JPEG → 480, 960 and
    /// 1600 wide, WebP and JPEG). `EXPLAINER_MEDIA_TIMING=1 swift test --filter ImageCodecTests`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EXPLAINER_MEDIA_TIMING"] != nil))
    func timesThePhotoWorkload() {
        let photo = ImageFixtures.image(2000, 1300, .jpeg, noise: 6)
        let requests = [ImageFormat.webp, .jpeg].flatMap { format in [480, 960, 1600].map { EncodeRequest(format: format, width: $0) } }
        let rounds = 10
        let clock = ContinuousClock()
        var outputs: [[UInt8]] = []
        let elapsed = clock.measure {
            for _ in 0..<rounds { outputs = encoded(photo, requests) }
        }
        print("media timing: \(elapsed / rounds) per 2000x1300 JPEG (\(photo.count) bytes) → \(outputs.map(\.count)) bytes")
        #expect(outputs.count == 6)
    }
}

/// A list the threads of a test append to.
final class LockedList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Element] = []

    var items: [Element] { lock.withLock { stored } }

    func append(_ element: Element) {
        lock.withLock { stored.append(element) }
    }
}
