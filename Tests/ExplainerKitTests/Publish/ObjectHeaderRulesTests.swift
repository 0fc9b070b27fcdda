import Testing

@testable import ExplainerKit

/// The headers a publish to a bucket gives each file: Content-Type with charset for text,
/// Cache-Control by kind (only the build's own content-named files immutable), gzip by type.
@Suite struct ObjectHeaderRulesTests {
    let rules = ObjectHeaderRules.standard

    @Test func onlyTheBuildsOwnFingerprintFormatsAreImmutable() {
        for path in [
            "assets/style.0123456789.css", "bundle/images/map-480-0123abcd.webp", "map-1600-89abcdef.jpg",
            "a/photo-16x9-960-0123abcd.avif", "pagefind/pagefind.en-gb_4936caf53b3a6.pf_meta",
            "pagefind/index/en-gb_23ff5ef.pf_index", "pagefind/fragment/en_40d8697.pf_fragment",
            "pagefind/filter/en_0a1b2c3d.pf_filter",
        ] {
            #expect(ObjectHeaderRules.isFingerprinted(path), "\(path)")
            #expect(rules.cacheControl(for: path) == "public, max-age=31536000, immutable", "\(path)")
        }
        for path in [
            "report-20240101.pdf", "a/report-20240101.pdf", "photo-deadbeef.jpg", "assets/style.css",
            "assets/style.012345678.css", "assets/style.0123456789a.css", "assets/style.0123456789.js",
            "other/style.0123456789.css", "map-480-0123ABCD.webp", "map-480-0123abcd.pdf", "map-480-0123abc.webp",
            "map-480-0123abcd.jpeg", "-480-0123abcd.webp", "pagefind/pagefind.js", "pagefind/wasm.en.pagefind",
            "pagefind/fragment/en_40d8697.pf_index", "pagefind/index/en_23ff5e.pf_index", "pagefind/index/_23ff5ef1.pf_index",
            "x/pagefind/index/en_23ff5ef.pf_index", "pagefind/index/a/en_23ff5ef.pf_index",
        ] {
            #expect(!ObjectHeaderRules.isFingerprinted(path), "\(path)")
        }
    }

    @Test func pagesFeedsAndEntryFilesAreShortTheRestMedium() {
        for path in [
            "index.html", "russia-taliban/history/index.html", "404.html", "feed.xml", "topics/russia/feed.xml",
            "sitemap.xml", "robots.txt", "_redirects", "pagefind/pagefind-entry.json", "search/index.html",
        ] {
            #expect(ObjectHeaderRules.kind(of: path) == .pages, "\(path)")
            #expect(rules.cacheControl(for: path) == "public, max-age=300, must-revalidate")
        }
        for path in ["russia-taliban/map.png", "pagefind/pagefind.js", "assets/logo.svg", "a/report-20240101.pdf", "afeed.xml"] {
            #expect(ObjectHeaderRules.kind(of: path) == .other, "\(path)")
            #expect(rules.cacheControl(for: path) == "public, max-age=86400")
        }
    }

    @Test func textSaysItsCharset() {
        for path in [
            "a/index.html", "assets/style.0123456789.css", "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "feed.xml", "robots.txt",
            "logo.svg",
        ] {
            #expect(rules.contentType(for: path).hasSuffix("; charset=utf-8"), "\(path)")
        }
        #expect(rules.contentType(for: "a/map.png") == "image/png")
        #expect(rules.contentType(for: "pagefind/index/en_23ff5ef.pf_index") == "application/octet-stream")
        #expect(rules.contentType(for: "_redirects") == "application/octet-stream")
    }

    @Test func gzipIsStoredForTextTypesWhenOn() {
        for path in ["a/index.html", "assets/style.0123456789.css", "sitemap.xml", "logo.svg", "pagefind/pagefind.js", "x.JSON"] {
            #expect(rules.storesGzip(path), "\(path)")
        }
        for path in ["a/map.png", "robots.txt", "a.html/photo", "data.csv"] { #expect(!rules.storesGzip(path), "\(path)") }
        var off = rules
        off.gzip = false
        #expect(!off.storesGzip("a/index.html"))
    }

    @Test func rolesOrderThePublish() {
        #expect(SiteFileRole.of("index.html") == .entry)
        #expect(SiteFileRole.of("search/index.html") == .entry)
        #expect(SiteFileRole.of("topics/x/feed.xml") == .entry)
        #expect(SiteFileRole.of("page/2/index.html") == .page)
        #expect(SiteFileRole.of("a/index.html") == .page)
        #expect(SiteFileRole.of("assets/style.0123456789.css") == .asset)
        #expect(SiteFileRole.of("pagefind/pagefind.en_4936caf53b3a6.pf_meta") == .asset)
    }
}
