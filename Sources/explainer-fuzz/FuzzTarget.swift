import ExplainerKit
import Foundation

/// The fuzz target: one input is one article file. The loader and the Markdown stage must
/// return an article or diagnostics naming the file — never crash, hang or write anywhere.
enum FuzzTarget {
    static let path = "Content/fuzz.md"

    static func run(_ bytes: [UInt8]) {
        do throws(BuildFailure) {
            let article = try ArticleParser.parse(SourceFile(path: path, bytes: bytes))
            // Unsafe mode here; the whole-site build below renders in the site's (safe) mode.
            _ = try ArticleRenderer.render(article, options: .init(unsafeHTML: true))
        } catch {
            if error.diagnostics.isEmpty { fatalError("no article and no error") }
            for diagnostic in error.diagnostics where diagnostic.file != path {
                fatalError("diagnostic names the wrong file: \(diagnostic)")
            }
        }
        // The Markdown stage alone, on the raw bytes as text (no front matter needed).
        let text = String(decoding: bytes, as: UTF8.self)
        _ = MarkdownRenderer.render(text)
        _ = try? SiteConfigDecoder.decode(SourceFile(path: "Content/site.yml", bytes: bytes))
        // The whole pipeline with the repository's templates: the input as the site's only
        // article, every page templated (timeline graphic, quotes, JSON-LD, feed, sitemap).
        guard var sources = site else { fatalError("could not read the repository's Content/site.yml and Templates/") }
        sources.articles = [SourceFile(path: path, bytes: bytes)]
        if let build = try? SiteBuilder.build(sources), build.files.isEmpty {
            fatalError("a successful build with no files")
        }
    }

    /// The repository's `site.yml`, templates and assets, read once.
    static let site: SiteSources? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        return try? SiteSourceReader.read(content: repo + "/Content", templates: repo + "/Templates")
    }()
}

/// libFuzzer's entry point (built with `-sanitize=fuzzer -D FUZZING`, see Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.run(bytes)
    return 0
}

#if FUZZING
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's driver (from clang's `libclang_rt.fuzzer_no_main`), which runs the fuzzing loop.
// swift-format-ignore: AlwaysUseLowerCamelCase
// (libFuzzer's C name.)
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// With libFuzzer: hands the command line to libFuzzer's driver.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
import Foundation

/// Without libFuzzer: replays the files given as arguments (e.g. a corpus or a crash file).
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            FuzzTarget.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
    }
}
#endif
