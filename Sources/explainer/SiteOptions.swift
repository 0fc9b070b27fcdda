import ArgumentParser
import ExplainerKit
import Foundation

/// The flags shared by `build` and `preview`: the folders, and the address the site is served at.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder with site.yml and the articles.")
    var content = "Content"

    @Option(help: "The folder whose templates and assets/ replace the embedded theme's, file by file (none: the embedded theme).")
    var templates = "Templates"

    @Option(help: "The folder the site is written to (replaced as a whole; only an empty folder or one explainer built).")
    var output = "Public"

    @Option(help: "The cache folder (what builds remember, resized images), kept between builds; safe to delete.")
    var cache = BuildRunner.Paths.defaultCacheFolder

    @Flag(help: "Build everything anew, encoding every image again, without reading or writing the cache (the output is the same).")
    var noCache = false

    @OptionGroup var base: BaseURLOption

    /// `--base-url`, normalised (`BaseURLOption`).
    var baseURL: String? { base.baseURL }

    /// The output as messages name it: `Public/` for a folder (or nothing yet), `notes.txt`
    /// for anything else.
    var outputName: String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        return !exists || isFolder.boolValue ? output + "/" : output
    }

    var paths: BuildRunner.Paths {
        BuildRunner.Paths(content: content, templates: templates, output: output, cache: noCache ? nil : cache)
    }
}
