import ArgumentParser
import ExplainerKit

/// `explainer cache --clear`: empties the cache folder (the build cache and the media cache).
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Empty the cache folder: what builds remember (build/) and the encoded images (media/).",
        discussion: """
            The cache only makes builds faster: a build without it (or with --no-cache) writes \
            the same bytes. Clearing it makes the next build a cold one. Files of yours in the \
            folder are left alone.
            """)

    @Flag(help: "Remove the build cache and the media cache.")
    var clear = false

    @Option(help: "The cache folder.")
    var cache = BuildRunner.Paths.defaultCacheFolder

    func validate() throws {
        if !clear { throw ValidationError("Pass --clear to empty the cache folder \(cache).") }
    }

    func run() throws {
        let removed = BuildCacheFolder.clear(cache: cache)
        Terminal.printOut(
            removed.isEmpty ? "The cache folder \(cache) held no cache." : "Removed \(removed.joined(separator: " and ")).")
    }
}
