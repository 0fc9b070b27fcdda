import Foundation
import Testing

@testable import ExplainerKit

/// Embeds across a site: `site.yml`'s `embeds:`, each page's CSP `frame-src` (exactly what it
/// shows), `explainer check`'s frame rule, and the preview's cache.
@Suite struct EmbedSiteTests {
    static let youTube = "```embed\nhttps://youtu.be/dQw4w9WgXcQ\ntitle: The lede's video\n```"
    static let vimeo = "```embed\nhttps://vimeo.com/76979871\ntitle: A film of the past\n```"

    /// The fixture article with a video in the lede and one in the history section.
    static var article: String {
        Fixtures.article()
            .replacingOccurrences(of: "The lede paragraph.", with: youTube + "\n\nThe lede paragraph.")
            .replacingOccurrences(of: "History paragraph one.", with: "History paragraph one.\n\n" + vimeo)
    }

    static func policy(_ build: SiteBuild, _ path: String) throws -> String {
        let html = try #require(build.text(path), "\(path)")
        let start = try #require(html.range(of: "http-equiv=\"Content-Security-Policy\" content=\"")).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    static func frameSrc(_ build: SiteBuild, _ path: String) throws -> String? {
        try policy(build, path).components(separatedBy: "; ").first { $0.hasPrefix("frame-src") }
    }

    @Test func eachPageAllowsExactlyTheFramesItShows() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article)]))
        let youTube = "frame-src https://www.youtube-nocookie.com"
        #expect(try Self.frameSrc(build, "a/index.html") == youTube)
        #expect(try Self.frameSrc(build, "a/history/index.html") == "frame-src https://player.vimeo.com")
        #expect(try Self.frameSrc(build, "a/all/index.html") == "frame-src https://player.vimeo.com https://www.youtube-nocookie.com")
        for path in ["a/risks/index.html", "a/quotes/index.html", "index.html", "404.html"] {
            #expect(try Self.frameSrc(build, path) == nil, "\(path)")
        }
        #expect(try Self.policy(build, "a/index.html").hasPrefix(ContentSecurityPolicy.site.text + "; frame-src "))
        #expect(build.text("a/history/index.html")?.contains("<iframe src=\"https://player.vimeo.com/video/76979871\"") == true)
        #expect(SiteChecker.check(build.files) == [])
    }

    @Test func theCSPOfAPageTakesWhatItEmbeds() {
        let policy = ContentSecurityPolicy.of(.search, frameOrigins: ["https://a.example", "https://b.example"])
        #expect(policy.text.hasSuffix("; frame-src https://a.example https://b.example"))
        #expect(policy.text.contains("'wasm-unsafe-eval'"))
        #expect(ContentSecurityPolicy.of(.overview) == ContentSecurityPolicy.site)
    }

    @Test func checkReportsAFrameThePolicyBlocks() throws {
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", Self.article)]))
        var files = build.files
        let index = try #require(files.firstIndex { $0.path == "a/risks/index.html" })
        let html = String(decoding: files[index].bytes, as: UTF8.self)
            .replacingOccurrences(
                of: "Risk paragraph.", with: "Risk paragraph.<iframe src=\"https://player.vimeo.com/video/1\" title=\"x\"></iframe>")
        files[index] = OutputFile(path: files[index].path, text: html)
        let problems = SiteChecker.check(files)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == "a/risks/index.html")
        #expect(problem.message.contains("https://player.vimeo.com/video/1") && problem.message.contains("default-src 'self'"))
    }

    @Test func frameSourcesMatchAsBrowsersMatchThem() throws {
        func allows(_ policy: String, _ src: String) throws -> Bool {
            let (_, sources) = try #require(FrameSourceCheck.frameSources(policy))
            return FrameSourceCheck.allows(sources, src)
        }
        #expect(try allows("default-src 'self'; frame-src https://a.example", "https://a.example/x"))
        #expect(try !allows("default-src 'self'; frame-src https://a.example", "https://b.example/x"))
        #expect(try !allows("default-src 'self'", "https://a.example/x"))
        #expect(try allows("default-src 'self'", "/local/frame.html"))
        #expect(try allows("frame-src *.example.org", "https://maps.example.org/"))
        #expect(try !allows("frame-src *.example.org", "https://example.org/"))
        #expect(try allows("frame-src https:", "https://any.example/"))
        #expect(try !allows("frame-src https://a.example", "https://a.example:8443/"))
        #expect(try allows("frame-src http://127.0.0.1:8765", "http://127.0.0.1:8765/chart.html"))
        #expect(try !allows("frame-src http://127.0.0.1:8765", "http://127.0.0.1:8766/chart.html"))
        #expect(try allows("child-src https://a.example; default-src 'none'", "https://a.example/"))
        #expect(try !allows("frame-src 'none'", "https://a.example/"))
        #expect(FrameSourceCheck.frameSources("script-src 'self'") == nil)
    }

    static let providersYML =
        Fixtures.siteYML + """

            embeds:
              - name: Our charts
                hosts: [charts.example.org, Maps.Example.org]
                sandbox: [allow-scripts]
                ratio: "1:1"
              - name: Local
                hosts: [127.0.0.1]
                height: 300
            """

    @Test func siteYMLAddsProviders() throws {
        let config = try SiteConfigDecoder.decode(SourceFile(path: "site.yml", text: Self.providersYML))
        #expect(config.embeds.added.map(\.name) == ["Our charts", "Local"])
        let charts = config.embeds.added[0]
        #expect(charts.hosts == ["charts.example.org", "maps.example.org"])
        #expect(charts.sandbox == ["allow-scripts"] && charts.size == .ratio("1:1") && charts.rewrite == .asGiven)
        #expect(config.embeds.added[1].size == .height(300))
        #expect(config.embeds.added[1].sandbox == EmbedProvider.defaultSandbox)
        let article = Fixtures.article().replacingOccurrences(
            of: "Risk paragraph.", with: "Risk paragraph.\n\n```embed\nhttps://maps.example.org/m/1?z=2\ntitle: A map\n```")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)], siteYML: Self.providersYML))
        let html = try #require(build.text("a/risks/index.html"))
        #expect(
            html.contains("<iframe src=\"https://maps.example.org/m/1?z=2\" title=\"A map\" loading=\"lazy\" sandbox=\"allow-scripts\""))
        #expect(html.contains("class=\"embed embed-ratio embed-1-1\"") && html.contains("(Our charts)"))
        #expect(try Self.frameSrc(build, "a/risks/index.html") == "frame-src https://maps.example.org")
        #expect(try SiteConfigDecoder.decode(SourceFile(path: "site.yml", text: Fixtures.siteYML)).embeds == .standard)
    }

    @Test(arguments: [
        ("embeds: yes", "must be a list", 6),
        ("embeds:\n  - charts.example.org", "must be a mapping", 7),
        ("embeds:\n  - { hosts: [a.example] }", "no `name`", 7),
        ("embeds:\n  - { name: A }", "no `hosts`", 7),
        ("embeds:\n  - { name: A, hosts: [\"https://a.example/\"] }", "not a host name", 7),
        ("embeds:\n  - { name: A, hosts: [www.youtube.com] }", "belongs to YouTube", 7),
        ("embeds:\n  - { name: A, hosts: [a.example] }\n  - { name: B, hosts: [a.example] }", "belongs to A", 8),
        ("embeds:\n  - { name: A, hosts: [test.example] }", "belongs to the site itself", 7),
        ("embeds:\n  - { name: A, hosts: [a.example], sandbox: [allow-top-navigation] }", "not a sandbox token", 7),
        ("embeds:\n  - { name: A, hosts: [a.example], ratio: \"2:1\" }", "not a ratio", 7),
        ("embeds:\n  - { name: A, hosts: [a.example], ratio: \"16:9\", height: 300 }", "both", 7),
        ("embeds:\n  - { name: A, hosts: [a.example], height: 9000 }", "whole number", 7),
        ("embeds:\n  - { name: A, hosts: [a.example], origin: \"https://a.example\" }", "Unknown key `origin`", 7),
    ])
    func badProvidersAreErrorsAtTheirLine(_ yml: String, _ message: String, _ line: Int) throws {
        let text = Fixtures.siteYML + "\n" + yml + "\n"
        let failure = #expect(throws: BuildFailure.self) { try SiteConfigDecoder.decode(SourceFile(path: "site.yml", text: text)) }
        let diagnostic = try #require(failure?.diagnostics.first, "\(yml)")
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
        #expect(diagnostic.line == line, "\(diagnostic)")
    }

    @Test func aCachedRebuildEqualsAFreshBuild() throws {
        let cache = BuildCache()
        let plain = Fixtures.sources(articles: [("a.md", Fixtures.article())])
        _ = try SiteBuilder.build(plain, memo: cache)
        for version in [Self.article, Fixtures.article(), Self.article] {
            let sources = Fixtures.sources(articles: [("a.md", version)])
            let cached = try SiteBuilder.build(sources, memo: cache)
            let fresh = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", version)]))
            #expect(cached.files == fresh.files)
            #expect(
                try Self.frameSrc(cached, "a/index.html") == (version == Self.article ? "frame-src https://www.youtube-nocookie.com" : nil))
        }
    }
}
