import Foundation
import Testing

@testable import ExplainerKit

/// A site on disk for the media end-to-end tests: `Content/` (site.yml and what the test
/// writes), `Templates/` copied from the repository, and beside them `Public/` and the media
/// cache `cache/` once built.
struct MediaSite {
    let root: String

    init(siteYML: String = Fixtures.siteYML) {
        root = Fixtures.temporaryFolder()
        Fixtures.write(["Content/site.yml": siteYML], into: root)
        try? FileManager.default.copyItem(atPath: Fixtures.path("Templates"), toPath: root + "/Templates")
    }

    var content: String { root + "/Content" }
    var output: String { root + "/Public" }
    var cache: String { root + "/cache" }

    /// The folders of a build into `output` (`Public/` unless told) through the site's `cache/`.
    func paths(output: String? = nil) -> BuildRunner.Paths {
        BuildRunner.Paths(content: content, templates: root + "/Templates", output: output ?? self.output, cache: cache)
    }

    /// Writes `bytes` at `path` in the content folder (making its folders).
    func write(_ bytes: [UInt8], to path: String) {
        let url = URL(fileURLWithPath: content + "/" + path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    }

    func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: content + "/" + path)
    }

    /// Builds into `paths` (the default ones unless told): the report, or the failure.
    func build(_ paths: BuildRunner.Paths? = nil) -> Result<BuildRunner.Report, BuildFailure> {
        outcome { () throws(BuildFailure) in try BuildRunner(paths: paths ?? self.paths()).run() }
    }

    /// Removes the whole site.
    func delete() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Reading what a build published: files, the URLs of its pages, its images' real sizes and
/// metadata.
enum Published {
    /// The groups of `exiftool -G1` that hold metadata no published image may keep.
    static let privateGroups = ["IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "ICC", "Photoshop", "MakerNotes", "InteropIFD"]
    /// Values of the fixtures' metadata that must not survive in any published file.
    static let privateValues = ["Jane Reporter", "SN-12345", "Camera Maker", "48.85", "48 deg"]

    /// The capture groups of every match of `pattern` in `text`.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// Every URL in a `src` or `srcset` attribute of `html`.
    static func imageURLs(in html: String) -> [String] {
        matches(#"\ssrc="([^"]*)""#, in: html).map { $0[0] }
            + matches(#"\ssrcset="([^"]*)""#, in: html).flatMap { candidates($0[0]).map(\.url) }
    }

    /// The candidates of a `srcset`: `a.webp 480w, b.webp 960w` → (a.webp, 480), (b.webp, 960).
    static func candidates(_ srcset: String) -> [(url: String, width: Int?)] {
        srcset.split(separator: ",").map { candidate in
            let parts = candidate.split(separator: " ")
            let width = parts.count > 1 && parts[1].hasSuffix("w") ? Int(parts[1].dropLast()) : nil
            return (parts.first.map(String.init) ?? "", width)
        }
    }

    /// The path in the output folder of a URL of the site (`/a/b.png`, `https://test.example/a/`),
    /// nil for a URL of elsewhere or a relative one.
    static func path(of url: String, baseURL: String = "https://test.example") -> String? {
        var url = Substring(url)
        if url.hasPrefix(baseURL) { url = url.dropFirst(baseURL.count) }
        guard url.hasPrefix("/") else { return nil }
        url = url.dropFirst()
        if let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) { url = url[..<end] }
        var path = String(url).removingPercentEncoding ?? String(url)
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    /// The size of the image file at `path` as its header says (after its orientation), and
    /// its orientation; nil if it is no image Explainer reads.
    static func size(of path: String) -> ImageHeader? {
        guard let format = ImageFormat.claimed(by: path), let bytes = try? FileSystem.read(path) else { return nil }
        return try? ImageCodec.probe(bytes, claimed: format).get()
    }

    /// What `exiftool -r -j -a -G1` reads in every file below `folder`, by path relative to it.
    static func tags(below folder: String) -> [String: [String: Any]] {
        guard let json = ImageFixtures.exiftool(["-r", "-j", "-a", "-G1", folder]),
            let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        else {
            Issue.record("exiftool could not read \(folder)")
            return [:]
        }
        var out: [String: [String: Any]] = [:]
        for tags in list {
            guard let source = tags["SourceFile"] as? String else { continue }
            out[String(source.dropFirst(folder.count + 1))] = tags
        }
        return out
    }

    /// The private metadata in `tags` (one file's, from `tags(below:)`): its private groups'
    /// tags and any fixture value.
    static func leaks(_ tags: [String: Any]) -> [String] {
        tags.compactMap { key, value in
            let group = key.split(separator: ":").first.map(String.init) ?? ""
            if privateGroups.contains(where: { group.hasPrefix($0) }) { return key }
            if key.contains("Orientation") || key.contains("GPS") { return key }
            let text = "\(value)"
            return privateValues.contains(where: { text.contains($0) }) && key != "SourceFile" ? "\(key)=\(text)" : nil
        }.sorted()
    }

    /// Every file below `folder` with its modification time.
    static func modificationTimes(below folder: String) -> [String: Date] {
        var out: [String: Date] = [:]
        for path in FileSystem.listFiles(folder) {
            out[path] = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + path))?[.modificationDate] as? Date
        }
        return out
    }
}

extension ImageFixtures {
    /// A JPEG `width` × `height` pixels as stored, with EXIF GPS, camera serial, artist, make,
    /// XMP and IPTC creators and `Orientation` 6 (shown turned: `height` × `width`).
    static func taggedPhoto(_ width: Int, _ height: Int, in folder: String) -> [UInt8] {
        tagged(image(width, height, .jpeg, noise: 4), named: "photo.jpg", in: folder, orientation: true)
    }

    /// `bytes` (a file named `name`) with the fixtures' private metadata written by exiftool
    /// (EXIF GPS, serial, artist; XMP creator; IPTC by-line for a JPEG; with `orientation`,
    /// EXIF orientation 6).
    static func tagged(_ bytes: [UInt8], named name: String, in folder: String, orientation: Bool = false) -> [UInt8] {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        var arguments = [
            "-overwrite_original", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E",
            "-EXIF:SerialNumber=SN-12345", "-EXIF:Artist=Jane Reporter", "-EXIF:Make=Camera Maker", "-XMP-dc:Creator=Jane Reporter",
        ]
        if name.hasSuffix(".jpg") { arguments.append("-IPTC:By-line=Jane Reporter") }
        if orientation { arguments.append("-Orientation#=6") }
        guard exiftool(arguments + [path]) != nil, let written = try? FileSystem.read(path) else {
            Issue.record("exiftool could not tag \(name)")
            return bytes
        }
        try? FileManager.default.removeItem(atPath: path)
        return written
    }
}
