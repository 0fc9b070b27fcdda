import Foundation
import Testing

@testable import ExplainerKit

#if canImport(Glibc)
import Glibc
#endif

/// Reading the sources from disk, as a hostile folder would have it: names in two Unicode
/// forms, names that are not UTF-8, FIFOs, symlinks out of the project, files that are not
/// articles, sizes at the limit, names with no ASCII, control characters in names.
@Suite struct HardeningDiscoveryTests {
    /// A site on disk with the repository's templates and `articles` (name → text).
    static func site(
        _ articles: [String: String] = ["one.md": Fixtures.article(title: "One")]
    ) -> (folder: String, content: String, templates: String) {
        let folder = Fixtures.siteOnDisk(articles: articles)
        return (folder, folder + "/Content", folder + "/Templates")
    }

    /// Every diagnostic of reading and building the site (nil diagnostics: it built).
    static func diagnostics(
        _ site: (folder: String, content: String, templates: String), cache: BuildCache? = nil, changed: Set<String>? = nil
    ) -> [Diagnostic] {
        let paths = BuildRunner.Paths(content: site.content, templates: site.templates, output: site.folder + "/Public")
        let runner = BuildRunner(paths: paths)
        do throws(BuildFailure) {
            guard let cache else { return try runner.buildInMemory().warnings }
            return try runner.buildInMemory(cache: cache, changed: changed).warnings
        } catch {
            return error.diagnostics
        }
    }

    /// Runs `body` on another thread; false if it did not finish within `seconds` (a hang).
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    /// Opens every FIFO in `paths` for writing and closes it, so that a reader stuck in
    /// `open` (today's code) comes back.
    static func release(_ paths: [String]) {
        for path in paths {
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
    }

    // MARK: 4 — names in two Unicode normalisation forms

    @Test func namesInTwoUnicodeFormsAreBothReportedNotMerged() throws {
        let nfc = "caf\u{E9}.md"
        let nfd = "cafe\u{301}.md"
        #expect(nfc == nfd && !nfc.utf8.elementsEqual(nfd.utf8))  // one String, two files
        // Not one dictionary literal: its keys would be one String.
        let site = Self.site([
            nfc: Fixtures.article(title: "Composed", extraFrontMatter: "slug: composed"), "other.md": Fixtures.article(title: "Other"),
        ])
        Fixtures.write([nfd: Fixtures.article(title: "Decomposed", extraFrontMatter: "slug: decomposed")], into: site.content)
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.content).count == 4)
        let diagnostics = Self.diagnostics(site)
        let clash = try #require(diagnostics.first { $0.message.contains("another Unicode form") })
        #expect(clash.severity == .error)
        let named = [clash.file, clash.message].map { Array($0.utf8) }
        let both = [site.content + "/" + nfc, site.content + "/" + nfd].map { Array($0.utf8) }
        for path in both {
            #expect(named.contains { $0.firstRange(of: path) != nil }, "the diagnostic names \(String(decoding: path, as: UTF8.self))")
        }
    }

    @Test func aSecondUnicodeFormAddedDuringThePreviewIsReported() throws {
        let nfc = "caf\u{E9}.md"
        let nfd = "cafe\u{301}.md"
        let site = Self.site([nfc: Fixtures.article(title: "Composed")])
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let cache = BuildCache()
        #expect(!Self.diagnostics(site, cache: cache).contains { $0.severity == .error })
        Fixtures.write([nfd: Fixtures.article(title: "Decomposed", extraFrontMatter: "slug: other")], into: site.content)
        let diagnostics = Self.diagnostics(site, cache: cache, changed: [site.content + "/" + nfd])
        #expect(diagnostics.contains { $0.message.contains("another Unicode form") })
        // A name that is not UTF-8 reaches the preview decoded (U+FFFD): it is reported too.
        let bad = Array(site.content.utf8) + Array("/bad-".utf8) + [0xFF, 0]
        close(bad.withUnsafeBufferPointer { creat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o644) })
        let decoded = site.content + "/bad-\u{FFFD}"
        #expect(Self.diagnostics(site, cache: cache, changed: [decoded]).contains { $0.file == site.content + "/bad-\\xFF" })
    }

    @Test func cachesKeepPathsInTwoUnicodeFormsApart() throws {
        let nfc = "Content/caf\u{E9}.md"
        let nfd = "Content/cafe\u{301}.md"
        let text = Fixtures.article(title: "Same bytes")
        var sources = Fixtures.sources(articles: [])
        sources.articles = [SourceFile(path: nfc, text: text), SourceFile(path: nfd, text: text)]
        let cache = BuildCache()
        _ = try? SiteBuilder.build(sources, memo: cache)
        _ = try? SiteBuilder.build(sources, memo: cache)
        // Both are the same bytes: each path must still get its own entry, not the other's.
        for path in [nfc, nfd] {
            let reused = cache.article(ArticleInput(file: SourceFile(path: path, text: text), media: [])) {
                LoadedArticle(article: nil, diagnostics: [])
            }
            #expect(reused.article.map { Array($0.article.sourcePath.utf8) } == Array(path.utf8))
        }
        #expect(ExactPath(nfc) != ExactPath(nfd))
        #expect(Set([ExactPath(nfc), ExactPath(nfd)]).count == 2)
    }

    // MARK: 5 — names that are not UTF-8

    @Test func aNameThatIsNotUTF8IsReported() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        for folder in [site.content, site.templates + "/assets"] {
            let path = Array(folder.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array(".md".utf8) + [0]
            let fd = path.withUnsafeBufferPointer { creat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o644) }
            #expect(fd >= 0)
            close(fd)
        }
        let diagnostics = Self.diagnostics(site)
        for folder in [site.content, site.templates + "/assets"] {
            #expect(
                diagnostics.contains {
                    $0.file == folder + "/bad-\\xFF\\xFE.md" && $0.message.contains("not valid UTF-8") && $0.severity == .error
                },
                "\(folder): \(diagnostics.map(\.description))")
        }
    }

    // MARK: 12 — FIFOs and other files that are not regular files

    @Test func aFIFOAnywhereIsRefusedNotWaitedOn() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let fifos = [
            site.content + "/pipe.md", site.templates + "/partials/pipe.mustache",
            site.templates + "/assets/pipe.css",
        ]
        for path in fifos { #expect(mkfifo(path, 0o644) == 0) }
        nonisolated(unsafe) var diagnostics: [Diagnostic] = []
        let finished = Self.finishes(within: 20) { diagnostics = Self.diagnostics(site) }
        if !finished { Self.release(fifos) }
        #expect(finished, "reading a site with FIFOs hangs")
        guard finished else { return }
        for path in fifos {
            #expect(
                diagnostics.contains {
                    $0.file == path && $0.message.contains("FIFO (named pipe), not a regular file") && $0.severity == .error
                },
                "\(path): \(diagnostics.map(\.description))")
        }
    }

    @Test func aFIFOAsSiteConfigurationIsRefused() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let config = site.content + "/site.yml"
        try FileManager.default.removeItem(atPath: config)
        #expect(mkfifo(config, 0o644) == 0)
        nonisolated(unsafe) var diagnostics: [Diagnostic] = []
        let finished = Self.finishes(within: 20) { diagnostics = Self.diagnostics(site) }
        if !finished { Self.release([config]) }
        #expect(finished, "a FIFO as site.yml hangs the build")
        guard finished else { return }
        #expect(diagnostics.contains { $0.file == config && $0.message.contains("FIFO") })
        // The primitive itself, for sockets and devices too.
        let socketPath = site.content + "/socket.md"
        let sock = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(sock) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(Self.diagnostics(site).contains { $0.file == socketPath && $0.message.contains("a socket, not a regular file") })
        #expect(throws: FileSystem.Failure.self) { try FileSystem.read("/dev/null") }
        do {
            _ = try FileSystem.read("/dev/null")
        } catch {
            #expect(error.reason == "it is a character device, not a regular file")
        }
    }

    // MARK: 9 — symlinks leading out of the project

    @Test func symlinksOutOfTheirFolderAreRefusedEverywhere() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let outside = site.folder + "/secret.txt"
        try "top secret".write(toFile: outside, atomically: true, encoding: .utf8)
        let links = [
            site.templates + "/assets/passwd.txt": "/etc/passwd",
            site.templates + "/assets/secret.txt": outside,
            site.templates + "/partials/secret.mustache": outside,
            site.templates + "/secret.mustache": "../secret.txt",
            site.content + "/secret.md": outside,
            site.content + "/site.yml": outside,
        ]
        try FileManager.default.removeItem(atPath: site.content + "/site.yml")
        for (link, target) in links { try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target) }
        let diagnostics = Self.diagnostics(site)
        for link in links.keys {
            #expect(
                diagnostics.contains { $0.file == link && $0.message.contains("outside") && $0.severity == .error },
                "\(link): \(diagnostics.map(\.description))")
        }
        #expect(diagnostics.contains { $0.message.contains(FileSystem.canonical(outside)) }, "the target is named")
    }

    @Test func symlinksInsideTheirFolderAreFollowedAndLoopsReported() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        try FileManager.default.createSymbolicLink(atPath: site.templates + "/assets/copy.css", withDestinationPath: "style.css")
        let paths = BuildRunner.Paths(content: site.content, templates: site.templates, output: site.folder + "/Public")
        let build = try BuildRunner(paths: paths).buildInMemory()
        let style = try #require(build.files.first { $0.path == "assets/style.css" })
        #expect(build.files.first { $0.path == "assets/copy.css" }?.bytes == style.bytes)

        try FileManager.default.createSymbolicLink(atPath: site.templates + "/assets/loop.css", withDestinationPath: "loop.css")
        try FileManager.default.createSymbolicLink(atPath: site.content + "/loop.md", withDestinationPath: "loop.md")
        let diagnostics = Self.diagnostics(site)
        for link in [site.templates + "/assets/loop.css", site.content + "/loop.md"] {
            #expect(diagnostics.contains { $0.file == link && $0.message.contains("symlink loop") }, "\(link)")
        }
    }

    // MARK: 20 — sizes and slugs

    @Test func tooLargeFilesAreToldExactSizes() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let path = site.content + "/big.md"
        try Data(repeating: UInt8(ascii: "a"), count: 8 * 1024 * 1024 + 45).write(to: URL(fileURLWithPath: path))
        let diagnostic = try #require(Self.diagnostics(site).first { $0.file == path })
        #expect(diagnostic.message == "The file is 8,388,653 bytes; the limit is 8,388,608 bytes (8 MiB).")
        #expect(ByteCount.text(1) == "1 byte")
        #expect(ByteCount.limit(64 * 1024 * 1024) == "67,108,864 bytes (64 MiB)")
    }

    @Test func slugsKeepTheLettersOfEveryScript() {
        #expect(Slug.make("日本語") == "日本語")
        #expect(Slug.make("Ελληνικά") == "ελληνικά")
        #expect(Slug.make("العربية") == "العربية")
        #expect(Slug.make("हिन्दी भाषा") == "हिन्दी-भाषा")
        #expect(Slug.make("Привет, мир") == "привет-мир")
        #expect(Slug.make("😀🎉") == "")
        // ASCII letters with diacritics still fold, so existing URLs stay as they were.
        #expect(Slug.make("Crème brûlée") == "creme-brulee")
        #expect(Slug.make("Afghanistan’s \u{202E}evil\u{1B}[2J") == "afghanistans-evil-2j")
        // Composed and decomposed text give the same bytes, composed.
        #expect(
            Array(Slug.make("Ελληνικά".decomposedStringWithCanonicalMapping).utf8)
                == Array("ελληνικά".precomposedStringWithCanonicalMapping.utf8))
        #expect(Slug.isValid("日本語"))
        #expect(!Slug.isValid("ελληνικά".decomposedStringWithCanonicalMapping), "a slug must be written composed")
    }

    @Test func aNonLatinFileNameBuildsAndOneWithoutLettersSaysToSetSlug() throws {
        let sources = Fixtures.sources(articles: [("日本語.md", Fixtures.article(title: "Japanese"))])
        let build = try SiteBuilder.build(sources)
        #expect(build.files.contains { $0.path == "日本語/index.html" })
        #expect(build.articles.map(\.slug) == ["日本語"])
        // The sitemap protocol wants URIs: the slug is percent-encoded there (pages keep the IRI).
        let sitemap = try #require(build.files.first { $0.path == "sitemap.xml" })
        let xml = String(decoding: sitemap.bytes, as: UTF8.self)
        #expect(xml.contains("/%E6%97%A5%E6%9C%AC%E8%AA%9E/</loc>"))
        #expect(!xml.contains("日本語"))

        let emoji = Fixtures.sources(articles: [("😀🎉.md", Fixtures.article(title: "Emoji"))])
        guard let failure = thrownFailure({ try SiteBuilder.build(emoji) }) else {
            Issue.record("an emoji-only name gives no slug")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first { $0.file == "Content/😀🎉.md" })
        #expect(diagnostic.message.contains("gives no usable slug") && diagnostic.severity == .error)
        #expect(diagnostic.hint.contains("slug:"))
    }

    // MARK: 19 — control characters in printed file names

    @Test func controlCharactersInNamesAreMadeVisible() {
        #expect(TerminalText.visible("Content/a\u{1B}]0;pwned\u{07}.md") == "Content/a\\x1B]0;pwned\\x07.md")
        #expect(TerminalText.visible("a\u{9B}b\u{7F}c\u{202E}d\u{2066}e\nf") == "a\\x9Bb\\x7Fc\\u{202E}d\\u{2066}e\\x0Af")
        #expect(TerminalText.visible("two\nlines", keepingNewlines: true) == "two\nlines")
        #expect(TerminalText.visible("Content/日本語.md") == "Content/日本語.md")
    }

    @Test(.enabled(if: InterruptedBuildTests.binary != nil, "the explainer binary is not built"))
    func theCommandLinePrintsNoControlCharacterOfAName() throws {
        let binary = try #require(InterruptedBuildTests.binary)
        let site = Self.site(["x\u{1B}[2J\u{1B}]0;pwned\u{07}\u{202E}.md": "no front matter\n"])
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["build", "--content", site.content, "--templates", site.templates, "--output", site.folder + "/Public"]
        process.environment = ["NO_COLOR": "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(text.contains("x\\x1B[2J\\x1B]0;pwned\\x07\\u{202E}.md"), "\(text)")
        #expect(!output.contains(0x1B) && !output.contains(0x07))
        #expect(!text.unicodeScalars.contains("\u{202E}"))
    }

    // MARK: extras — files in Content/ that are not articles

    @Test func filesInContentThatAreNotArticlesAreReported() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        Fixtures.write(
            [
                "sub/x.md": Fixtures.article(), "x.markdown": Fixtures.article(), "x.MD": Fixtures.article(),
                "notes.txt": "notes", ".hidden.md": "x", "one.md~": "x", ".one.md.swp": "x", "#one.md#": "x",
            ], into: site.content)
        let diagnostics = Self.diagnostics(site)
        for name in ["sub/x.md", "x.markdown", "x.MD"] {
            let d = diagnostics.first { $0.file == site.content + "/" + name }
            #expect(d?.severity == .error && d?.message.contains("not built") == true, "\(name): \(diagnostics.map(\.description))")
            #expect(d?.hint.contains(site.content + "/x.md") == true)
        }
        #expect(diagnostics.first { $0.file == site.content + "/notes.txt" }?.severity == .warning)
        for name in [".hidden.md", "one.md~", ".one.md.swp", "#one.md#"] {
            #expect(!diagnostics.contains { $0.file.hasSuffix(name) }, "\(name) is an editor's or hidden file")
        }
        #expect(diagnostics.filter { $0.file.hasPrefix(site.content) }.count == 4)
    }

    @Test func aMisplacedArticleAddedDuringThePreviewIsReported() throws {
        let site = Self.site()
        defer { try? FileManager.default.removeItem(atPath: site.folder) }
        let cache = BuildCache()
        #expect(!Self.diagnostics(site, cache: cache).contains { $0.severity == .error })
        Fixtures.write(["x.MD": Fixtures.article()], into: site.content)
        let diagnostics = Self.diagnostics(site, cache: cache, changed: [site.content + "/x.MD"])
        #expect(diagnostics.contains { $0.file == site.content + "/x.MD" && $0.severity == .error })
        try FileManager.default.removeItem(atPath: site.content + "/x.MD")
        #expect(!Self.diagnostics(site, cache: cache, changed: [site.content + "/x.MD"]).contains { $0.severity == .error })
    }

    @Test func listingTenThousandFilesStaysFast() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for i in 0..<10_000 { close(creat(folder + "/a\(i).md", 0o644)) }
        let start = ContinuousClock.now
        let entries = FileSystem.listTree(folder)
        let elapsed = ContinuousClock.now - start
        #expect(entries.count == 10_000)
        // Catches a quadratic listing (minutes), not a slow machine.
        #expect(elapsed < .seconds(10), "listing 10,000 files took \(elapsed)")
    }
}
