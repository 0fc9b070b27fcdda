import Foundation
import Testing

@testable import ExplainerKit

/// Images and files of a bundle through real builds into temporary folders: what is published,
/// stripped and sized, and what every page links to.
@Suite("Media end to end")
struct MediaEndToEndTests {
    /// The bundle `photos`: every image format, a PDF and an image it does not use; the photo
    /// is the lead image, a figure of the lede and linked to as the original.
    static let photoStory = """
        ---
        title: "Photo story"
        summary: "A story with photos."
        date: 2025-03-04
        image: images/photo.jpg
        imageAlt: "A test pattern, turned upright"
        imageCredit: "Photo: Jane Reporter"
        ---
        The lede, with a dot ![A tiny dot](images/dot.png) inline, [the photo to download](images/photo.jpg) and [the report](docs/report.pdf).

        ![A photo turned upright](images/photo.jpg "The photo, upright — Photo: Jane Reporter")

        > "A quote with ![a small animation](anim.gif) in it."
        >
        > — Ada Lovelace, mathematician

        ## The past

        ![An animation](anim.gif "Moving squares — Animation: Desk")

        A WebP ![A WebP picture](images/pic.webp) and a drawing ![A diagram](diagram.svg).
        """

    static let pdf = Array("%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj << /Author (Jane Reporter) >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// Writes the photo story into `site`; the photo is 1280 × 720 pixels as stored, turned
    /// to 720 × 1280 by its orientation.
    static func writePhotoStory(into site: MediaSite) {
        let scratch = site.root + "/scratch"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        site.write(photoStory, to: "photos/index.md")
        site.write(ImageFixtures.taggedPhoto(1280, 720, in: scratch), to: "photos/images/photo.jpg")
        site.write(ImageFixtures.tagged(ImageFixtures.image(4, 3, .png), named: "dot.png", in: scratch), to: "photos/images/dot.png")
        site.write(ImageFixtures.tagged(ImageFixtures.image(300, 200, .webp), named: "pic.webp", in: scratch), to: "photos/images/pic.webp")
        site.write(ImageFixtures.image(200, 100, .gif), to: "photos/anim.gif")
        site.write(ImageFixtures.image(640, 480, .jpeg), to: "photos/images/unused.jpg")
        site.write(
            #"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="10" height="10"/></svg>"#,
            to: "photos/diagram.svg")
        site.write(pdf, to: "photos/docs/report.pdf")
    }

    /// Whether `path` is one of the lead image's crops (`photo-16x9-1200-0123abcd.jpg`).
    static func isCrop(_ path: String) -> Bool {
        ["-16x9-", "-4x3-", "-1x1-"].contains { path.contains($0) }
    }

    @Test func everyPublishedImageIsStrippedTurnedSizedAndFoundFromEveryPage() throws {
        let site = MediaSite()
        defer { site.delete() }
        Self.writePhotoStory(into: site)
        // The fixtures do carry what must not be published.
        let sourceTags = Published.tags(below: site.content + "/photos/images")
        for name in ["photo.jpg", "dot.png", "pic.webp"] {
            #expect(!Published.leaks(sourceTags[name] ?? [:]).isEmpty, "the fixture \(name) has no metadata")
        }
        #expect(Published.size(of: site.content + "/photos/images/photo.jpg")?.orientation == 6)

        let report = site.build()
        #expect(report.failureValue == nil, "\(report.diagnostics)")
        let out = site.output
        let published = Set(FileSystem.listFiles(out + "/photos"))

        // No image keeps any metadata, and every one is upright (orientation 1).
        let images = published.filter { ImageFormat.claimed(by: $0).map(\.isRaster) == true }
        #expect(images.count >= 12, "\(images.sorted())")
        let tags = Published.tags(below: out + "/photos")
        for path in images.sorted() {
            let fileTags = try #require(tags[path], "exiftool did not read \(path)")
            #expect(Published.leaks(fileTags).isEmpty, "\(path) keeps \(Published.leaks(fileTags))")
            #expect(Published.size(of: out + "/photos/" + path)?.orientation == 1, "\(path)")
        }
        // The photo's copies are turned (720 × 1280 at full size), but for the lead image's crops.
        let photos = images.filter { $0.hasPrefix("images/photo") && !Self.isCrop($0) }
        #expect(photos.count >= 5, "\(photos.sorted())")
        for path in photos {
            let size = try #require(Published.size(of: out + "/photos/" + path), "\(path)")
            #expect(size.width < size.height, "\(path) is \(size.width) × \(size.height)")
        }
        // The original, linked to: published at its own path, turned and stripped.
        let original = Published.size(of: out + "/photos/images/photo.jpg")
        #expect(original.map { [$0.width, $0.height] } == [720, 1280])
        // The PDF is byte for byte the author's; the unused image and the SVG's source
        // (published as written) are as expected.
        #expect(try FileSystem.read(out + "/photos/docs/report.pdf") == Self.pdf)
        #expect(!published.contains { $0.contains("unused") }, "\(published.sorted())")
        #expect(
            try FileSystem.read(out + "/photos/diagram.svg") == FileSystem.read(site.content + "/photos/diagram.svg"))
        #expect(!published.contains("images/dot.png") && !published.contains("images/pic.webp") && !published.contains("anim.gif"))

        // Every src and srcset of every page names a published file, with its real width;
        // every <img>'s width and height have the shape of its file.
        let pages = FileSystem.listFiles(out).filter { $0.hasSuffix(".html") }
        for page in ["index.html", "photos/index.html", "photos/the-past/index.html", "photos/quotes/index.html", "photos/all/index.html"] {
            #expect(pages.contains(page), "no \(page)")
        }
        var checked = 0
        for page in pages {
            let html = try String(contentsOfFile: out + "/" + page, encoding: .utf8)
            for url in Published.imageURLs(in: html) {
                let path = try #require(Published.path(of: url), "\(page): \(url) is not a URL of the site")
                #expect(FileManager.default.fileExists(atPath: out + "/" + path), "\(page): \(url) is not published")
                checked += 1
            }
            for candidates in Published.matches(#"\ssrcset="([^"]*)""#, in: html).map({ Published.candidates($0[0]) }) {
                for candidate in candidates {
                    let width = Published.path(of: candidate.url).flatMap { Published.size(of: out + "/" + $0) }?.width
                    #expect(width != nil && width == candidate.width, "\(page): \(candidate.url) is \(width ?? 0) wide")
                }
            }
            for img in Published.matches(#"<img src="([^"]*)"[^>]* width="(\d+)" height="(\d+)""#, in: html) {
                let size = try #require(Published.path(of: img[0]).flatMap { Published.size(of: out + "/" + $0) }, "\(page): \(img[0])")
                let (width, height) = (Int(img[1]) ?? 0, Int(img[2]) ?? 0)
                // The same shape, to the pixel the rounding of a smaller copy's height may cost.
                #expect(abs(size.width * height - size.height * width) <= max(width, size.width), "\(page): \(img) is \(size)")
                if img[0].contains("/images/photo") { #expect(width < height, "\(page): \(img)") }
            }
        }
        #expect(checked >= 30)
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(home.contains("src=\"/photos/images/photo-"))
        let quotes = try String(contentsOfFile: out + "/photos/quotes/index.html", encoding: .utf8)
        #expect(quotes.contains("<img src=\"/photos/anim-200-"))
        let sectionPage = try String(contentsOfFile: out + "/photos/the-past/index.html", encoding: .utf8)
        #expect(sectionPage.contains("<figcaption>Moving squares <small class=\"credit\">Animation: Desk</small></figcaption>"))
        #expect(sectionPage.contains("src=\"/photos/diagram.svg\" width=\"300\" height=\"150\""))

        // The link preview: the 16:9 crop, by its absolute URL and its real size; JSON-LD
        // lists the three crops.
        let overview = try String(contentsOfFile: out + "/photos/index.html", encoding: .utf8)
        #expect(overview.contains("href=\"/photos/images/photo.jpg\""))
        #expect(overview.contains("<figcaption>The photo, upright <small class=\"credit\">Photo: Jane Reporter</small></figcaption>"))
        let og = try #require(Published.matches(#"<meta property="og:image" content="([^"]*)">"#, in: overview).first?[0])
        #expect(og.hasPrefix("https://test.example/photos/images/photo-16x9-"))
        let card = try #require(Published.path(of: og).flatMap { Published.size(of: out + "/" + $0) }, "\(og)")
        #expect(overview.contains("<meta property=\"og:image:width\" content=\"\(card.width)\">"))
        #expect(overview.contains("<meta property=\"og:image:height\" content=\"\(card.height)\">"))
        #expect(abs(card.width * 9 - card.height * 16) <= 16, "\(card)")
        #expect(overview.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        let jsonImages = try #require(Published.matches(#""image":\[([^\]]*)\]"#, in: overview).first?[0])
        let crops = Published.matches(#""([^"]*)""#, in: jsonImages).map { $0[0] }
        #expect(crops.count == 3)
        for (url, ratio) in zip(crops, [(16, 9), (4, 3), (1, 1)]) {
            #expect(url.hasPrefix("https://test.example/photos/images/photo-\(ratio.0)x\(ratio.1)-"), "\(url)")
            let size = try #require(Published.path(of: url).flatMap { Published.size(of: out + "/" + $0) }, "\(url)")
            #expect(abs(size.width * ratio.1 - size.height * ratio.0) <= ratio.0, "\(url) is \(size)")
        }
    }
}
