import Foundation
import Testing

@testable import ExplainerKit

/// A two-language site (English at the root, German at `/de/`, and a French explainer found
/// by its file name alone), built in memory.
enum MultilingualFixture {
    static let siteYML = """
        title: Test site
        baseURL: https://test.example
        language: en
        description: A site for tests.
        languages:
          de: { title: "Testseite", description: "Eine Seite für Tests." }
        """

    /// `a.md`'s German translation: its first two sections, not the third.
    static let german = """
        ---
        title: "Alpha auf Deutsch"
        summary: "Eine kurze Zusammenfassung."
        date: 2025-01-03
        tags: [Eins]
        sections:
          history: "Die Vergangenheit"
          risks: "Was schiefgehen kann"
        ---
        Der Vorspann.

        ## Die Vergangenheit

        Geschichte.

        ## Was schiefgehen kann

        Risiken.
        """

    static let french = """
        ---
        title: "Gamma"
        summary: "Un résumé."
        date: 2025-01-04
        ---
        Le chapeau.

        ## Histoire

        Texte.
        """

    static func build(extra: [(String, String)] = [], siteYML: String = siteYML) throws -> SiteBuild {
        try SiteBuilder.build(
            Fixtures.sources(
                articles: [
                    ("a.md", Fixtures.article(title: "Alpha")), ("a.de.md", german),
                    ("b.md", Fixtures.article(title: "Beta", date: "2025-01-01")), ("c.fr.md", french),
                ] + extra,
                siteYML: siteYML))
    }

    /// Every `<link rel="alternate" hreflang>` of `html`: hreflang → absolute URL.
    static func hreflangs(_ html: String) -> [String: String] {
        var out: [String: String] = [:]
        let pattern = #/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/#
        for match in html.matches(of: pattern) { out[String(match.1)] = String(match.2) }
        return out
    }
}

@Suite("Languages: multilingual sites")
struct MultilingualSiteTests {
    @Test("A translation's name gives its original and its language; other names are no translation")
    func translationNames() {
        #expect(ContentNames.translation("x.de.md")?.original == "x.md")
        #expect(ContentNames.translation("x.de.md")?.language.identifier == "de")
        #expect(ContentNames.translation("x/index.pt-BR.md")?.original == "x/index.md")
        #expect(ContentNames.translation("x/index.pt-BR.md")?.language.identifier == "pt-BR")
        for name in ["x.md", "node.js.md", "sub/x.de.md", ".de.md", "x.de.txt", "x/notes.de.md"] {
            #expect(ContentNames.translation(name) == nil, "\(name)")
        }
        let bundles = ContentNames.bundles(in: ["x/index.md", "x/index.de.md", "y/index.fr.md"])
        #expect(bundles == ["x", "y"])
        #expect(ContentNames.kind(of: "x/index.de.md", bundles: bundles) == .article)
        #expect(ContentNames.kind(of: "x/notes.de.md", bundles: bundles) == .bundleFile)
    }

    @Test("Every page of the German space is in German: no English string the German table translates")
    func spaceIsInItsLanguage() throws {
        let build = try MultilingualFixture.build()
        let pages = StringsFixtures.pages(build).filter { $0.key.hasPrefix("de/") }
        for file in [
            "de/index.html", "de/a/index.html", "de/a/history/index.html", "de/a/all/index.html", "de/topics/index.html",
            "de/corrections/index.html",
        ] {
            #expect(pages[file]?.contains("<html lang=\"de\" dir=\"ltr\">") == true, "\(file)")
        }
        let pieces = StringsFixtures.englishPieces(notIn: "de")
        var left: [String] = []
        for (file, html) in pages.sorted(by: { $0.key < $1.key }) {
            let text = StringsFixtures.readerText(html)
            for (key, piece) in pieces where StringsFixtures.contains(text, piece: piece) { left.append("\(file): `\(key)` “\(piece)”") }
        }
        #expect(pages.count >= 8)
        #expect(left.isEmpty, "\(left.joined(separator: "\n"))")
    }

    @Test("A link to a translation's file leads into its language's space; a link to the original, to the original")
    func linksToTranslations() throws {
        let linking = MultilingualFixture.german.replacingOccurrences(
            of: "Der Vorspann.", with: "Der Vorspann, [Beta](b.de.md), [Beta englisch](b.md), [Alpha](a.en.md).")
        let site = try SiteBuilder.build(
            Fixtures.sources(
                articles: [
                    ("a.md", Fixtures.article(title: "Alpha")), ("a.de.md", linking),
                    ("b.md", Fixtures.article(title: "Beta", date: "2025-01-01")),
                    ("b.de.md", MultilingualFixture.german.replacingOccurrences(of: "Alpha auf Deutsch", with: "Beta auf Deutsch")),
                ],
                siteYML: MultilingualFixture.siteYML))
        let page = try #require(site.text("de/a/index.html"))
        #expect(page.contains("<a href=\"/de/b/\">Beta</a>"))
        #expect(page.contains("<a href=\"/b/\">Beta englisch</a>"))
        // `a.en.md` is in the site's own language: its space is the root.
        #expect(page.contains("<a href=\"/a/\">Alpha</a>"))
        // A link to a translation that does not exist is an error naming it.
        #expect(throws: BuildFailure.self) {
            try SiteBuilder.build(
                Fixtures.sources(
                    articles: [("a.md", Fixtures.article(title: "Alpha")), ("a.de.md", linking)], siteYML: MultilingualFixture.siteYML))
        }
    }

    @Test("`languages:` is a list or a mapping of tags, with a title and description per language")
    func siteLanguages() throws {
        let mapping = try SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", text: MultilingualFixture.siteYML))
        #expect(mapping.languages == [SiteLanguage(tag: LanguageTag("de")!, title: "Testseite", description: "Eine Seite für Tests.")])
        let list = try SiteConfigDecoder.decode(
            SourceFile(path: "Content/site.yml", text: "title: T\nbaseURL: https://t.example\nlanguages: [de, fr-CA, en]\n"))
        #expect(list.languages.map(\.tag.identifier) == ["de", "fr-CA"])  // the site's own is not another
        #expect(throws: BuildFailure.self) {
            _ = try SiteConfigDecoder.decode(
                SourceFile(path: "Content/site.yml", text: "title: T\nbaseURL: https://t.example\nlanguages: [\"not a tag\"]\n"))
        }
    }

    @Test("Each language has its own space: home, explainers, topics, authors, corrections, feed; one 404 and sitemap")
    func urlSpaces() throws {
        let build = try MultilingualFixture.build()
        let paths = Set(build.files.map(\.path))
        for path in [
            "index.html", "a/index.html", "a/history/index.html", "b/index.html", "feed.xml", "404.html", "sitemap.xml",
            "de/index.html", "de/a/index.html", "de/a/history/index.html", "de/a/all/index.html", "de/feed.xml",
            "de/topics/index.html", "de/topics/eins/index.html", "de/topics/eins/feed.xml", "de/corrections/index.html",
            "fr/index.html", "fr/c/index.html", "fr/feed.xml",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("de/404.html"))
        #expect(!paths.contains("a-de/index.html"))
        // The German home lists the German explainer only, under the German title, in German.
        let home = try #require(build.text("de/index.html"))
        #expect(home.contains("Alpha auf Deutsch") && home.contains("Testseite"))
        #expect(!home.contains(">Beta<") && !home.contains("Gamma"))
        #expect(home.contains("lang=\"de\""))
        #expect(build.text("fr/c/index.html")?.contains("lang=\"fr\"") == true)
        // Listing pages of a space say its language.
        let german = build.summary.pages.filter { $0.url.hasPrefix("/de/") && $0.article == nil }
        #expect(!german.isEmpty && german.allSatisfy { $0.language?.identifier == "de" })
    }

    @Test("Each language's feed lists its own explainers, with its URLs and title")
    func feedsPerLanguage() throws {
        let build = try MultilingualFixture.build()
        let english = try #require(build.text("feed.xml"))
        let german = try #require(build.text("de/feed.xml"))
        #expect(english.contains("https://test.example/a/") && english.contains("https://test.example/b/"))
        #expect(!english.contains("/de/a/") && !english.contains("Alpha auf Deutsch"))
        #expect(german.contains("https://test.example/de/a/") && german.contains("Alpha auf Deutsch"))
        #expect(german.contains("<title>Testseite</title>"))
        #expect(german.contains("https://test.example/de/feed.xml"))
        #expect(!german.contains("https://test.example/b/"))
        // A topic's feed is in its space's language too.
        #expect(build.text("de/topics/eins/feed.xml")?.contains("<subtitle>Erklärstücke zum Thema Eins.</subtitle>") == true)
        #expect(build.text("de/topics/eins/feed.xml")?.contains("xml:lang=\"de\"") == true)
    }

    @Test("hreflang links are symmetric, name the page itself and give the site language's page as x-default")
    func hreflangSymmetric() throws {
        let build = try MultilingualFixture.build()
        var byURL: [String: [String: String]] = [:]
        for file in build.files where file.path.hasSuffix(".html") {
            let links = MultilingualFixture.hreflangs(String(decoding: file.bytes, as: UTF8.self))
            guard !links.isEmpty else { continue }
            let url = "https://test.example/" + (file.path.hasSuffix("index.html") ? String(file.path.dropLast(10)) : file.path)
            byURL[url] = links
        }
        let overview = try #require(byURL["https://test.example/a/"])
        #expect(overview == ["en": "https://test.example/a/", "de": "https://test.example/de/a/", "x-default": "https://test.example/a/"])
        #expect(byURL["https://test.example/de/a/history/"]?["en"] == "https://test.example/a/history/")
        #expect(byURL["https://test.example/de/"]?["fr"] == "https://test.example/fr/")
        #expect(byURL["https://test.example/b/"] == nil)  // no translation: no alternates
        #expect(byURL["https://test.example/a/unnamed-section/"] == nil)  // the German has no such section
        for (url, links) in byURL {
            #expect(links.values.contains(url), "\(url) names itself")
            #expect(links["x-default"] == links["en"], "\(url)")
            for (language, other) in links where language != "x-default" {
                #expect(byURL[other]?.values.contains(url) == true, "\(other) links back to \(url)")
            }
        }
    }

    @Test("The language switcher links each language's page with lang and hreflang, the current one marked")
    func switcher() throws {
        let build = try MultilingualFixture.build()
        let html = try #require(build.text("a/index.html"))
        #expect(html.contains(#"<nav class="language-switcher" aria-label="Languages">"#))
        #expect(html.contains(#"<a href="/de/a/" lang="de" hreflang="de">Deutsch</a>"#))
        #expect(html.contains(#"<a href="/a/" lang="en" hreflang="en" aria-current="page">English</a>"#))
        let german = try #require(build.text("de/a/index.html"))
        #expect(german.contains(#"aria-label="Sprachen""#))
        #expect(german.contains(#"<a href="/de/a/" lang="de" hreflang="de" aria-current="page">Deutsch</a>"#))
        #expect(build.text("b/index.html")?.contains("language-switcher") == false)
    }

    @Test("The switcher names each language in itself, with its region only when two share a language")
    func languageNames() {
        let tags = ["de", "fr", "ar", "en-GB"].compactMap(LanguageTag.init)
        #expect(tags.map { AlternateValues.name(of: $0) } == ["Deutsch", "Français", "العربية", "English"])
        #expect(AlternateValues.name(of: LanguageTag("pt-BR")!, withRegion: true) == "Português (Brasil)")
        let urls = SiteURLs(baseURL: "https://t.example")
        let pair = ["pt-BR", "pt-PT"].map { PageAlternate(language: LanguageTag($0)!, url: "/\($0)/", isDefault: false) }
        #expect(AlternateValues.list(pair, urls: urls, currentURL: "/").map(\.name) == ["Português (Brasil)", "Português (Portugal)"])
    }

    @Test("The sitemap lists every page's alternates, and x-default")
    func sitemapAlternates() throws {
        let build = try MultilingualFixture.build()
        let sitemap = try #require(build.text("sitemap.xml"))
        #expect(sitemap.contains(#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#))
        #expect(
            sitemap.contains(
                #"<url><loc>https://test.example/a/</loc><xhtml:link rel="alternate" hreflang="en" href="https://test.example/a/"/><xhtml:link rel="alternate" hreflang="de" href="https://test.example/de/a/"/><xhtml:link rel="alternate" hreflang="x-default" href="https://test.example/a/"/>"#
            ))
        #expect(sitemap.contains(#"<url><loc>https://test.example/de/a/</loc><xhtml:link rel="alternate" hreflang="en""#))
        #expect(sitemap.contains("<loc>https://test.example/de/</loc>"))
        #expect(sitemap.contains("<loc>https://test.example/b/</loc><lastmod>"))
        // A one-language site's sitemap is as it was.
        let single = try SiteBuilder.build(Fixtures.sources(articles: [("b.md", Fixtures.article())]))
        #expect(single.text("sitemap.xml")?.contains("xhtml") == false)
    }

    @Test("A translation missing a section of the original is a warning naming both files")
    func missingSectionWarning() throws {
        let build = try MultilingualFixture.build()
        let warnings = build.summary.warnings.filter { $0.file == "Content/a.de.md" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("Unnamed section") && warning.message.contains("Content/a.md:"))
    }

    @Test("Paths are claimed per space: two explainers at one path of a space are an error naming both")
    func pathClaims() throws {
        #expect {
            _ = try MultilingualFixture.build(extra: [("de.md", Fixtures.article(title: "De"))])
        } throws: { error in
            let messages = (error as? BuildFailure)?.diagnostics.map(\.message) ?? []
            return messages.contains { $0.contains("/de/") && $0.contains("the pages in de") }
        }
        #expect {
            _ = try MultilingualFixture.build(extra: [
                ("other.de.md", MultilingualFixture.german.replacingOccurrences(of: "sections:", with: "slug: a\nsections:"))
            ])
        } throws: { error in
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? []
            return diagnostics.contains {
                $0.file == "Content/other.de.md" && $0.message.contains("/de/a/") && $0.message.contains("Content/a.de.md")
            }
        }
        // The same slug in two spaces is two explainers.
        let build = try MultilingualFixture.build(extra: [
            ("b.de.md", MultilingualFixture.german.replacingOccurrences(of: "Alpha", with: "Beta"))
        ])
        #expect(build.text("de/b/index.html")?.contains("Beta auf Deutsch") == true)
    }

    @Test("A bundle's index.de.md is its German translation, with the bundle's files in its own folder")
    func bundleTranslation() throws {
        let build = try MultilingualFixture.build(extra: [
            ("x/index.md", Fixtures.article(title: "Bundle")),
            ("x/index.de.md", MultilingualFixture.german.replacingOccurrences(of: "Alpha", with: "Bündel")),
        ])
        #expect(build.text("de/x/index.html")?.contains("Bündel auf Deutsch") == true)
        #expect(MultilingualFixture.hreflangs(build.text("x/index.html") ?? "")["de"] == "https://test.example/de/x/")
    }

    @Test("A translation may have a slug of its own, in its language's letters")
    func unicodeSlug() throws {
        let build = try MultilingualFixture.build(extra: [
            ("b.ru.md", MultilingualFixture.french.replacingOccurrences(of: "date:", with: "slug: бета\ndate:"))
        ])
        #expect(build.text("ru/бета/index.html")?.contains("Gamma") == true)
        #expect(MultilingualFixture.hreflangs(build.text("b/index.html") ?? "")["ru"] == "https://test.example/ru/бета/")
        #expect(build.text("sitemap.xml")?.contains("https://test.example/ru/%D0%B1%D0%B5%D1%82%D0%B0/") == true)
    }

    @Test("A translation of no file into a language `languages:` does not name is a warning; a named one is not")
    func orphanTranslation() throws {
        let build = try MultilingualFixture.build(extra: [("what.is.md", MultilingualFixture.french)])
        #expect(build.text("is/what/index.html") != nil)
        // (The other warning of the file: the theme has no Icelandic table.)
        let orphans = build.summary.warnings.filter { $0.file == "Content/what.is.md" && !$0.message.contains("has no strings") }
        #expect(orphans.count == 1 && orphans[0].message.contains("Icelandic") && orphans[0].hint.contains("what-is.md"))
        #expect(build.summary.warnings.contains { $0.file == "Content/what.is.md" && $0.message.contains("has no strings") })
        // c.fr.md has no original either; `languages:` naming fr says it is meant.
        #expect(build.summary.warnings.contains { $0.file == "Content/c.fr.md" })
        let named = try MultilingualFixture.build(siteYML: MultilingualFixture.siteYML + "\n  fr: {}\n")
        #expect(!named.summary.warnings.contains { $0.file == "Content/c.fr.md" })
    }

    @Test("A file name's language and a different `language:` are an error")
    func nameAndFrontMatterDisagree() {
        #expect(throws: BuildFailure.self) {
            _ = try MultilingualFixture.build(extra: [
                ("d.de.md", MultilingualFixture.french.replacingOccurrences(of: "date:", with: "language: fr\ndate:"))
            ])
        }
    }

    @Test("A one-language site has no space, alternates or switcher")
    func singleLanguage() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Fixtures.article())]))
        #expect(build.summary.pages.allSatisfy { $0.alternates.isEmpty && $0.language == nil })
        #expect(build.text("a/index.html")?.contains("hreflang") == false)
        #expect(!build.files.contains { $0.path.hasPrefix("en/") })
    }
}

@Suite("Languages: multilingual sites in the preview's cache")
struct MultilingualCacheTests {
    @Test("A translation added or removed changes its original's pages and the sitemap, as a full build does")
    func cachedBuildsFollowTranslations() throws {
        let cache = BuildCache()
        let original = [("a.md", Fixtures.article(title: "Alpha"))]
        let translated = original + [("a.de.md", MultilingualFixture.german)]
        func build(_ articles: [(String, String)], cache: BuildCache? = nil) throws -> [OutputFile] {
            let sources = Fixtures.sources(articles: articles, siteYML: MultilingualFixture.siteYML)
            return try (cache.map { try SiteBuilder.build(sources, memo: $0) } ?? SiteBuilder.build(sources)).files
        }
        for articles in [original, translated, original] {
            let cached = try build(articles, cache: cache)
            #expect(cached == (try build(articles)))
            let overview = cached.first { $0.path == "a/index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
            #expect(overview.contains("hreflang=\"de\"") == (articles.count == 2))
        }
    }
}
