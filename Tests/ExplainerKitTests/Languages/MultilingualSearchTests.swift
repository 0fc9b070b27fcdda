import Foundation
import Testing

@testable import ExplainerKit

@Suite("Languages: search per language")
struct MultilingualSearchTests {
    @Test("Pagefind's bundle has one index per language, and each space its own search page")
    func oneIndexPerLanguage() throws {
        let folder = Fixtures.siteOnDisk(
            articles: ["a.md": Fixtures.article(title: "Alpha"), "a.de.md": MultilingualFixture.german],
            siteYML: MultilingualFixture.siteYML + "\nsearch: true\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BuildRunner(paths: SearchFixtures.paths(folder)).run()
        let bundle = SearchFixtures.bundle(in: folder + "/Public")
        let entry = try #require(bundle["pagefind/pagefind-entry.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(entry)) as? [String: Any])
        let languages = try #require(json["languages"] as? [String: Any])
        #expect(Set(languages.keys) == ["en", "de"])
        // The German pages are in the German index only.
        let fragments = try SearchFixtures.fragments(bundle)
        let urls = Set(fragments.compactMap { $0["url"] as? String })
        #expect(urls.contains("/de/a/") && urls.contains("/a/"))
        let search = try String(contentsOfFile: folder + "/Public/de/search/index.html", encoding: .utf8)
        #expect(search.contains("lang=\"de\""))
    }
}
