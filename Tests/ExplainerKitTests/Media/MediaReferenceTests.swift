import Testing

@testable import ExplainerKit

@Suite("Media references")
struct MediaReferenceTests {
    typealias F = MediaFixtures

    static let siteUnderPath = Fixtures.siteYML.replacingOccurrences(of: "https://test.example", with: "https://test.example/sub")

    /// A bundle `map` whose links and image stand in the lede, a quote and a section.
    static let mapArticle = F.article(
        body: """
            The lede, with [the data](data.csv) and [the other explainer](../other.md#why).

            > "A quote linking [the map](images/map.png)."
            >
            > — Ada Lovelace, mathematician

            ## The past

            ![A map of the region](images/map.png "The region in 2020 — Natural Earth")

            Back to [the start](./) and [the PDF](files/report.pdf?page=2).
            """)

    static let media = [F.image("map", "images/map.png"), F.file("map", "data.csv"), F.file("map", "files/report.pdf")]

    @Test func relativeURLsWorkOnEveryPageThatShowsThem() throws {
        let outcome = F.build(
            [("map/index.md", Self.mapArticle), ("other.md", F.article(title: "Other", body: "Other text.\n"))], media: Self.media,
            siteYML: Self.siteUnderPath)
        let site = try #require(outcome.site, "\(outcome.diagnostics)")
        let overview = try #require(site.text("map/index.html"))
        #expect(overview.contains("href=\"/sub/map/data.csv\""))
        #expect(overview.contains("href=\"/sub/other/#why\""))
        let all = try #require(site.text("map/all/index.html"))
        #expect(all.contains("href=\"/sub/map/data.csv\""))
        #expect(all.contains("href=\"/sub/map/images/map.png\""))
        #expect(all.contains("href=\"/sub/map/\""))
        #expect(all.contains("href=\"/sub/map/files/report.pdf?page=2\""))
        let quotes = try #require(site.text("map/quotes/index.html"))
        #expect(quotes.contains("href=\"/sub/map/images/map.png\""))
        let section = try #require(site.text("map/the-past/index.html"))
        #expect(section.contains("src=\"/sub/map/images/map-1600-\(F.imageHash).png\""))
        #expect(section.contains("href=\"/sub/map/files/report.pdf?page=2\""))
        // No page keeps a relative URL of the article.
        for file in site.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("href=\"images/") && !html.contains("href=\"data.csv") && !html.contains("../other.md"), "\(file.path)")
        }
        // What the article uses: the image's variants, and the linked files themselves.
        let article = try #require(site.articles.first { $0.slug == "map" })
        #expect(
            article.usedMedia == [
                UsedMedia(contentPath: "map/data.csv", original: true),
                UsedMedia(contentPath: "map/files/report.pdf", original: true),
                UsedMedia(contentPath: "map/images/map.png", original: true),
            ])
    }

    @Test func anEmbeddedImageWantsOnlyItsVariants() throws {
        let text = F.article(body: "![A map](images/map.png)\n")
        let site = try #require(F.build([("map/index.md", text)], media: Self.media).site)
        #expect(site.articles.first?.usedMedia == [UsedMedia(contentPath: "map/images/map.png", original: false)])
    }

    @Test func aMissingFileIsAnErrorAtItsLineAndColumnNamingTheNearest() {
        let text = F.article(body: "Intro.\n\nSee ![A map](images/mapp.png).\n")
        let errors = F.build([("map/index.md", text)], media: Self.media).errors
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.file == "Content/map/index.md")
        #expect(error?.line == 8)
        #expect(error?.column == 5)
        #expect(error?.message.contains("Content/map/images/mapp.png") == true)
        #expect(error?.hint.contains("`images/map.png`") == true)
    }

    @Test func aMissingLinkedFileIsAnErrorToo() {
        let text = F.article(body: "A [report](report.pdf) and [data](data.csv),\nthen [more](more.pdf)\n> in [a quote](q.pdf).\n")
        let errors = F.build([("map/index.md", text)], media: Self.media).errors
        #expect(errors.map(\.line) == [6, 7, 8])
        #expect(errors.map(\.column) == [3, 6, 6])
        #expect(errors.first?.message.contains("report.pdf") == true)
    }

    @Test func aMissingPageIsAnError() {
        let text = F.article(body: "Intro.\n\nSee [this](/nowhere/), [that](../missing.md), [home](/) and [feed](/feed.xml).\n")
        let errors = F.build([("map/index.md", text)], media: Self.media).errors
        #expect(errors.count == 2)
        #expect(errors.map(\.line) == [8, 8])
        #expect(errors.map(\.column) == [5, 24])
        #expect(errors.first?.message.contains("/nowhere/") == true)
        #expect(errors.last?.message.contains("/missing/") == true)
        #expect(errors.last?.hint.contains("`missing.md` is no explainer that is built") == true)
    }

    @Test func pagesOfTheSiteAreFoundWhateverTheirSpelling() throws {
        let text = F.article(
            body:
                "[a](/map/the-past/) [b](/map/quotes/) [c](/map/all/) [d](/assets/style.css) [e](/map) [f](/map/data.csv)\n\n## The past\n\nText.\n\n> \"Q.\"\n>\n> — A B, c\n"
        )
        let outcome = F.build([("map/index.md", text)], media: Self.media)
        #expect(outcome.site != nil, "\(outcome.diagnostics)")
    }

    @Test func aFileOfAnotherExplainerIsAnError() {
        let text = F.article(body: "![A map](../atlas/images/map.png)\n")
        let media = [F.image("atlas", "images/map.png")]
        let errors = F.build(
            [("map/index.md", text), ("atlas/index.md", F.article(title: "Atlas", body: "Atlas.\n"))], media: media
        ).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("Content/atlas/index.md") == true)
        #expect(errors.first?.hint.contains("Copy it into this explainer's folder") == true)
    }

    @Test func aReferenceOutOfTheContentFolderIsAnError() {
        let errors = F.build([("map/index.md", F.article(body: "[x](../../secret.txt)\n"))]).errors
        #expect(errors.first?.message.contains("leads out of Content") == true)
        #expect(errors.first?.line == 6)
    }

    @Test func anArticleOutsideABundleIsToldToBecomeOne() {
        let errors = F.build([("solo.md", F.article(body: "![A map](map.png)\n"))]).errors
        #expect(errors.first?.hint.contains("Content/solo/index.md") == true)
    }

    @Test func aProblemOfTheImageOrAFileUsedAsAnImageIsAnErrorAtTheReference() {
        let text = F.article(body: "![A](images/bad.png)\n\n![B](data.csv)\n")
        let media = [F.image("map", "images/bad.png", problem: true), F.file("map", "data.csv")]
        let errors = F.build([("map/index.md", text)], media: media).errors
        #expect(errors.map(\.line) == [6, 8])
        #expect(errors.first?.message.contains("50,000 × 50,000") == true)
        #expect(errors.last?.message.contains("is not an image") == true)
    }

    @Test func anImageWithoutAltTextIsAnErrorAtItsLineAndColumn() {
        let text = F.article(body: "Intro.\n\nText ![](images/map.png) and ![  ](images/map.png).\n")
        let errors = F.build([("map/index.md", text)], media: Self.media).errors
        #expect(errors.map(\.line) == [8, 8])
        #expect(errors.map(\.column) == [6, 30])
        #expect(errors.first?.message.contains("no alt text") == true)
        #expect(errors.first?.hint.contains("decorative") == true)
    }

    @Test func aDecorativeImageGetsAnEmptyAlt() throws {
        let text = F.article(body: "Intro ![Decorative](images/map.png) text.\n")
        let site = try #require(F.build([("map/index.md", text)], media: Self.media).site)
        let html = try #require(site.text("map/index.html"))
        #expect(html.contains("alt=\"\""))
        #expect(!html.contains("alt=\"Decorative\""))
    }

    @Test func anImageAloneInItsParagraphIsAFigureWithCaptionAndCredit() throws {
        let text = F.article(
            body: """
                ![A map of the region](images/map.png "The region in 2020 — Natural Earth")

                ![Only a caption](images/map.png "Just the caption")

                Inline ![A map](images/map.png "A title") stays inline.
                """)
        let site = try #require(F.build([("map/index.md", text)], media: Self.media).site)
        let html = try #require(site.text("map/index.html"))
        #expect(
            html.contains(
                "<figcaption>The region in 2020 <small class=\"credit\">Natural Earth</small></figcaption></figure>"))
        #expect(html.contains("<figcaption>Just the caption</figcaption>"))
        #expect(html.contains("<figure class=\"image\"><picture>"))
        #expect(!html.contains("title=\"The region"))
        #expect(html.contains("<p>Inline <picture>"))
        #expect(html.contains("title=\"A title\""))
        #expect(!html.contains("<p><figure"))
    }

    @Test func aRasterImageGetsPictureSrcsetSizesAndItsDimensions() throws {
        let text = F.article(body: "First ![One](images/map.png).\n\n![Two](images/map.png)\n")
        let site = try #require(F.build([("map/index.md", text)], media: Self.media, siteYML: Self.siteUnderPath).site)
        let html = try #require(site.text("map/index.html"))
        let sizes = "sizes=\"\(ImageMarkup.sizes)\""
        #expect(
            html.contains(
                "<picture><source type=\"image/webp\" srcset=\"/sub/map/images/map-480-\(F.imageHash).webp 480w, /sub/map/images/map-960-\(F.imageHash).webp 960w, /sub/map/images/map-1600-\(F.imageHash).webp 1600w\" \(sizes)>"
            ))
        #expect(
            html.contains(
                "<img src=\"/sub/map/images/map-1600-\(F.imageHash).png\" srcset=\"/sub/map/images/map-480-\(F.imageHash).png 480w, /sub/map/images/map-960-\(F.imageHash).png 960w, /sub/map/images/map-1600-\(F.imageHash).png 1600w\" \(sizes) width=\"1600\" height=\"1000\" alt=\"Two\" loading=\"lazy\" decoding=\"async\"></picture>"
            ))
        // The page's first image loads at once.
        #expect(html.contains("width=\"1600\" height=\"1000\" alt=\"One\"></picture>"))
    }

    @Test func anSVGIsAPlainImageAtItsOwnPath() throws {
        let text = F.article(body: "![A diagram](diagram.svg)\n")
        let site = try #require(F.build([("map/index.md", text)], media: [F.svg("map", "diagram.svg")]).site)
        let html = try #require(site.text("map/index.html"))
        #expect(html.contains("<img src=\"/map/diagram.svg\" width=\"300\" height=\"150\" alt=\"A diagram\">"))
    }

    @Test func theFirstImageOfEachPageIsEagerAndTheRestLazy() throws {
        let text = F.article(
            body: """
                ![Lede image](images/map.png)

                ## The past

                ![Past one](images/map.png)

                ![Past two](images/map.png)
                """)
        let site = try #require(F.build([("map/index.md", text)], media: Self.media).site)
        for (page, eager, lazy) in [
            ("map/index.html", ["Lede image"], [String]()), ("map/the-past/index.html", ["Past one"], ["Past two"]),
            ("map/all/index.html", ["Lede image"], ["Past one", "Past two"]),
        ] {
            let html = try #require(site.text(page))
            for alt in eager { #expect(html.contains("alt=\"\(alt)\">"), "\(page) \(alt)") }
            for alt in lazy { #expect(html.contains("alt=\"\(alt)\"\(ImageMarkup.lazyAttributes)>"), "\(page) \(alt)") }
        }
    }

    @Test func anImageFromElsewhereKeepsItsURLAndSafeModeDropsOtherSchemes() throws {
        let text = F.article(body: "![Remote](https://cdn.example/a.png) ![Bad](javascript:alert(1)) ![Data](data:image/png;base64,AA)\n")
        let site = try #require(F.build([("map/index.md", text)]).site)
        let html = try #require(site.text("map/index.html"))
        #expect(html.contains("<img src=\"https://cdn.example/a.png\" alt=\"Remote\">"))
        #expect(html.contains("<img src=\"\" alt=\"Bad\""))
        #expect(html.contains("<img src=\"\" alt=\"Data\""))
        #expect(!html.contains("javascript:"))
    }

    @Test func attributeValuesAreEscaped() throws {
        let text = F.article(body: "![A \"quoted\" 5 < 6 & more](images/map.png \"Cap <b> — Cred & co\")\n")
        // Straight quotes, to see them escaped (smart punctuation would make them curly).
        let yml = Fixtures.siteYML + "\nsmartPunctuation: false"
        let site = try #require(F.build([("map/index.md", text)], media: Self.media, siteYML: yml).site)
        let html = try #require(site.text("map/index.html"))
        #expect(html.contains("alt=\"A &quot;quoted&quot; 5 &lt; 6 &amp; more\""))
        #expect(html.contains("<figcaption>Cap &lt;b&gt; <small class=\"credit\">Cred &amp; co</small></figcaption>"))
    }

    @Test func aBundleFileOverTheSizeLimitIsAnError() {
        let big = F.file("map", "data.csv", size: 3 << 20)
        let yml = Fixtures.siteYML + "\nmedia:\n  maxFileSize: 2\n"
        let errors = F.build([("map/index.md", F.article(body: "Text.\n"))], media: [big], siteYML: yml).errors
        #expect(errors.count == 1)
        #expect(errors.first?.file == "Content/map/data.csv")
        #expect(errors.first?.message.contains("3,145,728 bytes") == true)
        #expect(errors.first?.message.contains("2,097,152 bytes (2 MiB)") == true)
        #expect(errors.first?.hint.contains("maxFileSize: 4") == true)
        // Under the default limit (50 MB) it builds.
        #expect(F.build([("map/index.md", F.article(body: "Text.\n"))], media: [big]).site != nil)
    }

    @Test func namesWithSpacesAndEscapesAreFoundAndWrittenEncoded() throws {
        let text = F.article(body: "![A](<my map.png>) ![B](my%20map.png) [C](<my data.csv#x>)\n")
        let media = [F.image("map", "my map.png"), F.file("map", "my data.csv")]
        let site = try #require(F.build([("map/index.md", text)], media: media, siteYML: Self.siteUnderPath).site)
        let html = try #require(site.text("map/index.html"))
        #expect(html.contains("src=\"/sub/map/my%20map-1600-\(F.imageHash).png\" srcset=\"/sub/map/my%20map-480-\(F.imageHash).png 480w"))
        #expect(html.contains("alt=\"B\""))
        #expect(html.contains("href=\"/sub/map/my%20data.csv#x\""))
    }

    @Test func aLinkToAnExplainerWithItsOwnSlugSaysWhereItsPageIs() {
        let other = F.article(title: "Other", body: "Other.\n", extraFrontMatter: "slug: elsewhere\n")
        let errors = F.build([("map/index.md", F.article(body: "[other](../other/)\n")), ("other/index.md", other)]).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("`/other/`") == true)
        #expect(errors.first?.hint.contains("Content/other/index.md sets `slug: elsewhere`") == true)
        #expect(errors.first?.hint.contains("`/elsewhere/`") == true)
    }
}
