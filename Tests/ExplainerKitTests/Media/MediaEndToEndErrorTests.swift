import Foundation
import Testing

@testable import ExplainerKit

/// Bad references and bad images through `build` on real folders: one error, where the
/// author can fix it, and the output folder left exactly as it was.
@Suite("Media end to end: errors")
struct MediaEndToEndErrorTests {
    /// One way to break the bundle `bad`, and the error it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The article's body (it starts on line 6) and front matter to add.
        var body: String
        var frontMatter = ""
        /// Files to add to the bundle (path in it → bytes).
        var files: [String: [UInt8]] = [:]
        /// The file the error is in, relative to the site's root; where in it (nil: not checked);
        /// what its message and its hint say.
        var file = "Content/bad/index.md"
        var line: Int?
        var column: Int?
        var message: String
        var hint: String?

        var testDescription: String { name }
    }

    static let photo = ImageFixtures.image(640, 480, .jpeg, noise: 8)
    static let cut = Array(photo.prefix(photo.count / 2))

    static let cases: [Case] = [
        Case(
            name: "missing file", body: "Intro.\n\nSee ![A map](images/mapp.png).\n", line: 8, column: 5,
            message: "images/mapp.png", hint: "`images/map.png`"),
        Case(
            name: "missing alt", body: "Intro.\n\nText ![](images/map.png).\n", line: 8, column: 6, message: "no alt text",
            hint: "decorative"),
        Case(
            name: "missing lead image", body: "Text.\n", frontMatter: "image: images/mapp.png\nimageAlt: \"A map\"\n", line: 5,
            message: "images/mapp.png", hint: "images/map.png"),
        Case(
            name: "truncated JPEG", body: "![A cut photo](images/cut.jpg)\n", files: ["images/cut.jpg": cut], line: 6, column: 1,
            message: "truncated or corrupt"),
        Case(
            name: "corrupt JPEG whose header reads", body: "![A cut photo](images/cut.jpg)\n",
            files: ["images/cut.jpg": cut + [0xFF, 0xD9]], file: "Content/bad/images/cut.jpg", message: "could not be published",
            hint: "save it again"),
        Case(
            name: "lying extension", body: "![A photo](images/photo.jpg)\n", files: ["images/photo.jpg": ImageFixtures.image(64, 48, .png)],
            line: 6, column: 1, message: "the bytes are a PNG image"),
        Case(
            name: "image bomb", body: "Intro.\n\n![A bomb](images/bomb.png)\n",
            files: ["images/bomb.png": ImageFixtures.pngDeclaring(width: 50_000, height: 50_000)], line: 8, column: 1,
            message: "50,000 × 50,000"),
    ]

    @Test(arguments: cases)
    func aBadReferenceOrImageFailsTheBuildAndLeavesTheOutputAlone(_ bad: Case) throws {
        let site = MediaSite()
        defer { site.delete() }
        site.write(MediaFixtures.article(body: "![A map](images/map.png)\n"), to: "bad/index.md")
        site.write(ImageFixtures.image(64, 48, .png), to: "bad/images/map.png")
        let first = site.build()
        #expect(first.failureValue == nil, "\(first.diagnostics)")
        let before = Fixtures.snapshot(site.output)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root).sorted()
        #expect(!before.isEmpty)

        site.write(MediaFixtures.article(body: bad.body, extraFrontMatter: bad.frontMatter), to: "bad/index.md")
        for (path, bytes) in bad.files { site.write(bytes, to: "bad/" + path) }
        let errors = site.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.file == site.root + "/" + bad.file)
        if let line = bad.line { #expect(error.line == line) }
        if let column = bad.column { #expect(error.column == column) }
        #expect(error.message.contains(bad.message), "\(error.message)")
        if let hint = bad.hint { #expect(error.hint.contains(hint), "\(error.hint)") }
        // The error names the image (in its file or its message).
        if let image = bad.files.keys.first { #expect((error.file + error.message).contains(image), "\(error)") }

        #expect(Fixtures.snapshot(site.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root).sorted() == beside)
    }
}
