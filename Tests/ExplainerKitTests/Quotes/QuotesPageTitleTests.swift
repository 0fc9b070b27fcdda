import Testing

@testable import ExplainerKit

/// Every page's `<title>` names the page, its explainer and the site once each.
@Suite("Quotes page title")
struct QuotesPageTitleTests {
    @Test func everyTitleNamesTheExplainerOnce() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Fixtures.article(title: "The deal"))]))
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<title>Quotes: The deal \u{2013} Test site</title>"))
        #expect(try #require(build.text("a/index.html")).contains("<title>The deal \u{2013} Test site</title>"))
        #expect(try #require(build.text("a/all/index.html")).contains("<title>The deal \u{2013} Test site</title>"))
        #expect(try #require(build.text("a/history/index.html")).contains("<title>The past \u{2013} The deal \u{2013} Test site</title>"))
        // No page of the site repeats a part of its title.
        for file in build.files where file.path.hasSuffix(".html") {
            let html = try #require(build.text(file.path))
            guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>") else { continue }
            let parts = html[start.upperBound..<end.lowerBound].components(separatedBy: " \u{2013} ")
            #expect(Set(parts).count == parts.count, "\(file.path): \(parts)")
            #expect(parts.filter { $0.contains("The deal") }.count <= 1, "\(file.path): \(parts)")
        }
    }
}
