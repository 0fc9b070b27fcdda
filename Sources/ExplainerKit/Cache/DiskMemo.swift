import Foundation

/// The `BuildMemo` of `explainer build` with the disk build cache: it takes an unchanged
/// explainer's pages from the output folder already there, hard-linked into the staging
/// folder, instead of templating them again.
///
/// An explainer's pages are a function of the environment (`MemoEnvironment`: config,
/// templates, assets, settings, authors, translations), its source bytes and bundle entries
/// (`ArticleInput`) and what they show of the rest of the site (`ExplainerLinks`), as for the
/// preview's `BuildCache`; their digest (`key`) with the program's identity is the explainer's
/// key. The last build's `BuildRecord` names each explainer's key and files; they are reused
/// when the key is the same and every one of the files still has the stamp that build left
/// (`OutputStamp`: nothing wrote to it since). Everything else is made as by `PassThroughMemo`,
/// so the output is the same bytes either way. The bundle's files are never taken from the
/// output folder: they are made (linked from the media cache) every time.
final class DiskMemo: BuildMemo, @unchecked Sendable {
    /// The output folder, whose files are linked.
    private let output: String
    /// By source path: the key and files of each explainer the last build recorded whose files
    /// are all still as it left them.
    private let reusable: [ExactPath: (key: StableHasher.Digest, files: [String])]

    private let lock = NSLock()
    private var environment = StableHasher.Digest(high: 0, low: 0)
    /// By source path: the digest of the article's input, then the explainer's key.
    private var inputs: [ExactPath: StableHasher.Digest] = [:]
    private var keys: [ExactPath: StableHasher.Digest] = [:]
    /// By source path: the key and files of each explainer templated or reused in this build.
    private var made: [ExactPath: (key: StableHasher.Digest, files: [String])] = [:]
    private var reusedCount = 0

    /// A memo that reuses what `record` says of `output`, where `verified[i]` tells whether
    /// `record.paths[i]` still has its stamp.
    init(output: String, record: BuildRecord?, verified: [Bool]) {
        self.output = output
        var reusable: [ExactPath: (key: StableHasher.Digest, files: [String])] = [:]
        for explainer in record?.explainers ?? [] where explainer.files.allSatisfy({ verified[$0] }) {
            reusable[ExactPath(explainer.source)] = (explainer.key, explainer.files.map { record!.paths[$0] })
        }
        self.reusable = reusable
    }

    /// How many explainers' pages were taken from the output folder.
    var reused: Int { lock.withLock { reusedCount } }

    /// The explainers templated or reused in this build, for the next record.
    var explainers: [(source: String, key: StableHasher.Digest, files: [String])] {
        lock.withLock { made.map { ($0.key.path, $0.value.key, $0.value.files) } }
    }

    func begin(_ environment: MemoEnvironment, articlePaths: [String]) {
        var hasher = StableHasher()
        hasher.combine(ProgramIdentity.current)
        hasher.combine(environment)
        let digest = hasher.finalize()
        lock.withLock { self.environment = digest }
    }

    func article(_ input: ArticleInput, make: () -> LoadedArticle) -> LoadedArticle {
        var hasher = StableHasher()
        hasher.combine(input.file)
        hasher.combine(describing: input.media)
        let digest = hasher.finalize()
        lock.withLock { inputs[ExactPath(input.file.path)] = digest }
        return make()
    }

    func plan(ofSource source: String, links: ExplainerLinks, make: () -> [Page]) -> [Page] {
        let path = ExactPath(source)
        var hasher = StableHasher()
        let (environment, input) = lock.withLock { (self.environment, inputs[path]) }
        hasher.combine(environment)
        hasher.combine(input ?? StableHasher.Digest(high: 0, low: 0))
        hasher.combine(links)
        let key = hasher.finalize()
        lock.withLock { keys[path] = key }
        return make()
    }

    func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] {
        let path = ExactPath(source)
        let key = lock.withLock { keys[path] }
        if let key, let old = reusable[path], old.key == key {
            lock.withLock {
                made[path] = old
                reusedCount += 1
            }
            let folder = FolderPath(output)
            return old.files.map { OutputFile(path: $0, linking: folder.appending($0)) }
        }
        let files = make()
        if let key { lock.withLock { made[path] = (key, files.map(\.path)) } }
        return files
    }

    func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    func part(of path: String, forSource source: String, make: () -> String) -> String { make() }
    func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] { make() }
    func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile { make() }
}

extension StableHasher {
    /// Everything every page depends on.
    mutating func combine(_ environment: MemoEnvironment) {
        combine(environment.config)
        combine(environment.templates.count)
        for file in environment.templates { combine(file) }
        combine(environment.assets.count)
        for file in environment.assets { combine(file) }
        combine(describing: environment.settings)
        combine(environment.authors != nil)
        if let authors = environment.authors { combine(authors) }
        combine(environment.translations.count)
        for file in environment.translations { combine(file) }
    }

    /// What an explainer's pages show of the rest of the site (its alternates by URL, sorted).
    mutating func combine(_ links: ExplainerLinks) {
        combine(describing: links.topics)
        combine(describing: links.related)
        let urls = links.alternates.keys.sorted()
        combine(urls.count)
        for url in urls {
            combine(url)
            combine(describing: links.alternates[url] ?? [])
        }
    }
}
