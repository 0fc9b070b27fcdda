import Testing

@testable import ExplainerKit

@Suite("URL resolution")
struct URLResolverTests {
    typealias Target = URLResolver.Target

    /// From a bundle's `index.md`: (written, where it leads).
    static let fromBundle: [(String, Target)] = [
        ("images/a.png", .file(contentPath: "x/images/a.png", suffix: "")),
        ("./images/a.png", .file(contentPath: "x/images/a.png", suffix: "")),
        ("images/./sub/../a.png", .file(contentPath: "x/images/a.png", suffix: "")),
        ("a.png?v=2#top", .file(contentPath: "x/a.png", suffix: "?v=2#top")),
        ("a.png#top", .file(contentPath: "x/a.png", suffix: "#top")),
        ("my%20photo.png", .file(contentPath: "x/my photo.png", suffix: "")),
        ("my photo.png", .file(contentPath: "x/my photo.png", suffix: "")),
        ("caf%C3%A9.png", .file(contentPath: "x/café.png", suffix: "")),
        ("100%.png", .file(contentPath: "x/100%.png", suffix: "")),
        ("../other.md", .article(contentPath: "other.md", slug: "other", suffix: "")),
        ("../Other Name.md", .article(contentPath: "Other Name.md", slug: "other-name", suffix: "")),
        ("../other/index.md#risks", .article(contentPath: "other/index.md", slug: "other", suffix: "#risks")),
        ("../other/", .article(contentPath: "other/", slug: "other", suffix: "")),
        ("../other/?x=1", .article(contentPath: "other/", slug: "other", suffix: "?x=1")),
        ("./", .article(contentPath: "x/", slug: "x", suffix: "")),
        (".", .article(contentPath: "x/", slug: "x", suffix: "")),
        ("index.md", .article(contentPath: "x/index.md", slug: "x", suffix: "")),
        ("../other/images/b.png", .file(contentPath: "other/images/b.png", suffix: "")),
        ("notes.md", .file(contentPath: "x/notes.md", suffix: "")),
        ("../../a.png", .outsideContent),
        ("../..", .outsideContent),
        ("..", .outsideContent),
        ("a%2Fb.png", .outsideContent),
        ("/x/risks/", .site(path: "/x/risks/", suffix: "")),
        ("/assets/style.css?v=1", .site(path: "/assets/style.css", suffix: "?v=1")),
        ("/", .site(path: "/", suffix: "")),
        ("https://example.com/a.png", .unchanged),
        ("HTTP://example.com/", .unchanged),
        ("//cdn.example/a.png", .unchanged),
        ("#section", .unchanged),
        ("?q=1", .unchanged),
        ("mailto:desk@example.com", .unchanged),
        ("tel:+4912345", .unchanged),
        ("", .unchanged),
    ]

    @Test(arguments: fromBundle) func resolvesFromABundle(written: String, expected: Target) {
        #expect(URLResolver(articlePath: "x/index.md").resolve(written) == expected)
    }

    /// From `Content/y.md`, directly in the content folder.
    static let fromTopLevel: [(String, Target)] = [
        ("other.md", .article(contentPath: "other.md", slug: "other", suffix: "")),
        ("./other.md#a", .article(contentPath: "other.md", slug: "other", suffix: "#a")),
        ("other/index.md", .article(contentPath: "other/index.md", slug: "other", suffix: "")),
        ("other/", .article(contentPath: "other/", slug: "other", suffix: "")),
        ("images/a.png", .file(contentPath: "images/a.png", suffix: "")),
        ("a.png", .file(contentPath: "a.png", suffix: "")),
        ("../a.png", .outsideContent),
        ("sub/../../a.png", .outsideContent),
    ]

    @Test(arguments: fromTopLevel) func resolvesFromTheContentFolder(written: String, expected: Target) {
        #expect(URLResolver(articlePath: "y.md").resolve(written) == expected)
    }

    @Test func schemesAndEncoding() {
        #expect(URLResolver.hasScheme("https://a"))
        #expect(URLResolver.hasScheme("a+b-c.d:x"))
        #expect(!URLResolver.hasScheme("a/b:c"))
        #expect(!URLResolver.hasScheme("1a:b"))
        #expect(!URLResolver.hasScheme("plain"))
        #expect(URLResolver.percentEncoded("images/a b\"<>.png") == "images/a%20b%22%3C%3E.png")
        #expect(URLResolver.percentEncoded("images/café-(1).png") == "images/café-(1).png")
        #expect(URLResolver.percentEncoded("100%.png") == "100%25.png")
        #expect(URLResolver.percentDecoded("a%zz%4") == "a%zz%4")
        #expect(URLResolver.percentDecoded("%FF") == nil)
        #expect(URLResolver.bundle(ofArticle: "x/index.md") == "x")
        #expect(URLResolver.bundle(ofArticle: "index.md") == nil)
        #expect(URLResolver.bundle(ofArticle: "x/y/index.md") == nil)
    }
}

@Suite("Image markup")
struct ImageMarkupTests {
    @Test(arguments: [
        ("The region — Natural Earth", "The region", "Natural Earth"),
        ("A — B — Photo: Ana", "A — B", "Photo: Ana"),
        ("Map -- Natural Earth", "Map", "Natural Earth"),
        ("Just a caption", "Just a caption", ""),
        ("A—B", "A—B", ""),
        (" — Credit only", "", "Credit only"),
    ])
    func captionsSplitAtTheLastDash(title: String, caption: String, credit: String) {
        let parts = ImageMarkup.captionParts(title)
        #expect(parts.caption == caption)
        #expect(parts.credit == credit)
    }

    @Test func onlyThePagesFirstLazyImageBecomesEager() {
        let lazy = ImageMarkup.lazyAttributes
        let page = "<header><img src=\"logo.svg\" alt=\"\"></header><img alt=\"a\"\(lazy)><img alt=\"b\"\(lazy)>"
        let out = String(decoding: EagerFirstImage.apply(Array(page.utf8)), as: UTF8.self)
        #expect(out == "<header><img src=\"logo.svg\" alt=\"\"></header><img alt=\"a\"><img alt=\"b\"\(lazy)>")
        #expect(EagerFirstImage.apply(Array("<p>no image</p>".utf8)) == Array("<p>no image</p>".utf8))
        #expect(EagerFirstImage.apply([]) == [])
        #expect(EagerFirstImage.firstIndex(of: Array("ab".utf8), in: Array("xxab".utf8)) == 2)
        #expect(EagerFirstImage.firstIndex(of: Array("ab".utf8), in: Array("xxa".utf8)) == nil)
    }
}
