import Testing

@testable import ExplainerKit

/// The publish checks, run in memory.
@Suite struct SiteCheckerTests {
    static let feed = OutputFile(path: "feed.xml", text: "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
    static let sitemap = OutputFile(path: "sitemap.xml", text: "<?xml version=\"1.0\"?><urlset/>")

    static func page(_ path: String, title: String = "A page", description: String = "About it", body: String) -> OutputFile {
        OutputFile(
            path: path,
            text: """
                <!doctype html><html><head><title>\(title)</title>
                <meta name="description" content="\(description)">
                <script type="application/ld+json">{"url":"/not-a-link/"}</script>
                </head><body><main id="main">\(body)</main></body></html>
                """)
    }

    @Test func theSampleSitePasses() throws {
        let build = try PublishFixtures.build(
            [
                "one": PublishFixtures.article(title: "One", date: "2025-01-01"),
                "two": PublishFixtures.article(title: "Two", date: "2025-02-01"),
            ], settings: BuildSettings(production: true))
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func goodLinksPass() {
        let files = [
            Self.page(
                "index.html",
                body:
                    ##"<a href="/a/">a</a> <a href="a/#x">x</a> <a href="#main">m</a> <a href="https://example.com/nope">e</a> <a href="mailto:a@b.c">m</a> <img src="/img.svg"> <a href="/a?q=1&amp;r=2#x">q</a> <a href="/a">no slash</a>"##
            ),
            Self.page("a/index.html", body: ##"<h2 id="x">X</h2><a href="../">up</a><a href="./#x">self</a><a href="/#main">home</a>"##),
            OutputFile(path: "img.svg", text: "<svg/>"),
            Self.feed, Self.sitemap,
        ]
        #expect(SiteChecker.check(files) == [])
    }

    @Test func brokenLinksAndAnchorsNameThePageAndTheLink() {
        let files = [
            Self.page(
                "index.html", body: ##"<a href="/missing/">m</a> <a href="/a/#nowhere">n</a> <img src="img.png"> <a href="../../up">u</a>"##
            ),
            Self.page("a/index.html", body: ##"<h2 id="x">X</h2>"##),
            Self.feed, Self.sitemap,
        ]
        let problems = SiteChecker.check(files, folder: "Public")
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.file == "Public/index.html" && $0.severity == .error })
        #expect(problems.contains { $0.message.contains("`/missing/`") && $0.message.contains("no file") })
        #expect(problems.contains { $0.message.contains("`/a/#nowhere`") && $0.message.contains("a/index.html has no element") })
        #expect(problems.contains { $0.message.contains("`img.png`") && $0.message.contains("img src") })
        #expect(problems.contains { $0.message.contains("`../../up`") && $0.message.contains("outside the site") })
    }

    @Test func duplicateIdsMissingTitleAndDescription() {
        let files = [
            Self.page("index.html", title: "  ", description: "", body: ##"<p id="x"></p><p id="x"></p><p id="x"></p>"##),
            Self.feed, Self.sitemap,
        ]
        let problems = SiteChecker.check(files)
        #expect(problems.count == 3)
        #expect(problems.contains { $0.message.contains("`x`") && $0.message.contains("more than one") })
        #expect(problems.contains { $0.message.contains("<title>") })
        #expect(problems.contains { $0.message.contains("meta description") })
    }

    @Test func malformedOrMissingXMLIsReported() {
        let files = [
            Self.page("index.html", body: ""),
            OutputFile(path: "feed.xml", text: "<feed><entry></feed>"),
            OutputFile(path: "other.xml", bytes: Array("<a".utf8) + [0xFF, 0xFF] + Array("/>".utf8)),
        ]
        let problems = SiteChecker.check(files)
        #expect(problems.contains { $0.file == "feed.xml" && $0.message.contains("not well-formed") }, "\(problems)")
        #expect(problems.contains { $0.file == "other.xml" && $0.message.contains("UTF-8") })
        #expect(problems.contains { $0.file == "sitemap.xml" && $0.message.contains("no sitemap.xml") }, "\(problems)")
    }
}
