/// Search for one build of a site with `search:` on: the indexer, the warnings of finding
/// Pagefind, and whether the bundle gets `.gz` copies (production, like every other file).
/// `prepare` decides it before anything is built or written, so a missing Pagefind fails the
/// build with the output folder untouched.
package struct SiteSearch: Sendable {
    let indexer: SearchIndexer
    /// The locator's warnings (another version than the pinned one).
    let warnings: [Diagnostic]
    let production: Bool

    /// The bundle's folder in the output: `pagefind/`.
    package static let bundleFolder = SiteURLs.pagefindFolder + "/"

    /// The bundle's file every search starts from (it names the hashed files of the index).
    package static let entryFile = bundleFolder + "pagefind-entry.json"

    /// Whether `path` is one of the bundle's files Pagefind names by their content:
    /// `pagefind/pagefind.en_4936caf53b3a6.pf_meta`, `pagefind/index/en_23ff5ef.pf_index`,
    /// `pagefind/fragment/….pf_fragment`, `pagefind/filter/….pf_filter` (a language, `_`,
    /// at least seven lower-case hex digits). Its scripts and `wasm.*.pagefind` are not.
    static func isHashedBundleFile(_ path: String) -> Bool {
        guard path.hasPrefix(bundleFolder) else { return false }
        let inside = path.dropFirst(bundleFolder.count)
        let name: Substring
        let kinds: Set<Substring>
        if let slash = inside.firstIndex(of: "/") {
            name = inside[inside.index(after: slash)...]
            guard let kind = ["fragment": "pf_fragment", "index": "pf_index", "filter": "pf_filter"][inside[..<slash]] else {
                return false
            }
            kinds = [Substring(kind)]
        } else {
            guard inside.hasPrefix("pagefind.") else { return false }
            name = inside.dropFirst("pagefind.".count)
            kinds = ["pf_meta"]
        }
        guard !name.contains("/"), let dot = name.lastIndex(of: "."), kinds.contains(name[name.index(after: dot)...]),
            let underscore = name[..<dot].lastIndex(of: "_")
        else { return false }
        let hash = name[name.index(after: underscore)..<dot]
        return underscore > name.startIndex && hash.count >= 7 && Fingerprint.isLowercaseHex(hash)
    }

    /// Search for the site whose `site.yml` is `config`: nil when it says `search: false` (or
    /// does not decode: the build then says why); throws when search is on and Pagefind is
    /// missing. `environment` is where Pagefind is looked for (`Pagefind.locate`).
    static func prepare(
        config: SourceFile, settings: BuildSettings, environment: [String: String]
    ) throws(BuildFailure) -> SiteSearch? {
        guard let site = try? SiteConfigDecoder.decode(config), site.search else { return nil }
        let located = try Pagefind.locate(environment: environment, config: config.path)
        return SiteSearch(
            indexer: SearchIndexer(pagefind: located.pagefind), warnings: located.warnings, production: settings.production)
    }

    /// The bundle of the site whose HTML is in the folder `site`, as output files.
    func bundle(indexingFolder site: String) throws(BuildFailure) -> [OutputFile] {
        withCopies(try indexer.index(folder: site))
    }

    /// The bundle of a site built in memory.
    func bundle(indexing files: [OutputFile]) throws(BuildFailure) -> [OutputFile] {
        withCopies(try indexer.index(files: files))
    }

    private func withCopies(_ bundle: [OutputFile]) -> [OutputFile] {
        production ? (bundle + SiteBuilder.gzipCopies(bundle)).sorted { $0.path < $1.path } : bundle
    }

    /// `files` and `bundle` (each sorted by path), as one list sorted by path.
    package static func merging(_ files: [OutputFile], _ bundle: [OutputFile]) -> [OutputFile] {
        bundle.isEmpty ? files : (files + bundle).sorted { $0.path < $1.path }
    }
}
