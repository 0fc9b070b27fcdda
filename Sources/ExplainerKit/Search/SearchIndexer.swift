import Foundation

/// Indexes a built site with Pagefind: the one indexer of `build` (the staging folder, before
/// the swap), `publish` (the in-memory build, written to a temporary folder) and the preview
/// (its output folder, after each rebuild).
///
/// What is indexed is decided by the pages (`data-pagefind-body` on the explainers' overview,
/// section and quotes pages: `SearchValues`); the indexer runs Pagefind over the HTML files and
/// returns its bundle as the site's files under `pagefind/`, so that every sink and manifest
/// lists them like any other output. Same HTML in, same bundle bytes out.
struct SearchIndexer: Sendable {
    let pagefind: Pagefind

    /// The chrome inside the indexed pages' `<main>` that is not their text (Pagefind's
    /// `--exclude-selectors`, so the templates stay as they are): the draft/scheduled banner,
    /// the byline, the date and reading-time line, the "In this explainer" cards, the sources,
    /// the "Read it in context" links, the topic links and the related explainers. (`<nav>`s, the table of
    /// contents and the pager, Pagefind leaves out by itself.)
    static let chrome = [
        ".status-banner", ".byline", ".page-header .meta", ".sections", ".sources", ".quote-source", ".topic-links",
        ".related",
    ]

    /// The bundle's files (`pagefind/…`, sorted by path) for the site whose HTML files are in
    /// the folder `site`.
    func index(folder site: String) throws(BuildFailure) -> [OutputFile] {
        let output = Self.temporaryFolder("bundle")
        defer { FileSystem.removeTree(output) }
        let run = try pagefind.program.run([
            "--site", site, "--output-path", output, "--exclude-selectors", Self.chrome.joined(separator: ", "), "--silent",
        ])
        guard run.succeeded else {
            throw BuildFailure(
                Diagnostic(
                    file: pagefind.executable,
                    message: "Pagefind could not index the site (exit status \(run.status)): \(Self.lastLines(run.stderr + run.stdout))",
                    hint: "Fix what it says, or set search: false in site.yml to build without search."))
        }
        var files: [OutputFile] = []
        for path in FileSystem.listFiles(output) {
            do throws(FileSystem.Failure) {
                files.append(OutputFile(path: SiteURLs.pagefindFolder + "/" + path, bytes: try FileSystem.read(output + "/" + path)))
            } catch {
                throw BuildFailure(
                    Diagnostic(
                        file: output, message: "Could not read Pagefind's bundle: \(error.description).",
                        hint: "Check that the temporary folder is readable and the disk is not full."))
            }
        }
        return files
    }

    /// The bundle for a site built in memory: its HTML files are written to a temporary
    /// folder, indexed there, and the folder removed.
    func index(files: [OutputFile]) throws(BuildFailure) -> [OutputFile] {
        let site = Self.temporaryFolder("site")
        defer { FileSystem.removeTree(site) }
        do throws(FileSystem.Failure) {
            try FileSystem.makeDirectory(site)
            for file in files where file.path.hasSuffix(".html") && OutputFile.isSafe(file.path) {
                var folder = site
                for segment in file.path.split(separator: "/").dropLast() {
                    folder += "/" + segment
                    try FileSystem.makeDirectory(folder)
                }
                try FileSystem.write(file.bytes, to: site + "/" + file.path)
            }
        } catch {
            throw BuildFailure(
                Diagnostic(
                    file: site, message: "Could not write the pages to index: \(error.description).",
                    hint: "Check that the temporary folder is writable and the disk is not full."))
        }
        return try index(folder: site)
    }

    /// A new path in the temporary folder (not made).
    private static func temporaryFolder(_ what: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("explainer-search-\(what)-\(UUID().uuidString)").path
    }

    /// The last few lines of a program's output, for a message.
    private static func lastLines(_ text: String) -> String {
        text.split(separator: "\n").suffix(5).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
