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
    /// By owner (an explainer's source path, a listing page): the key and files of each
    /// templated or reused in this build.
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

    /// The explainers and listing pages templated or reused in this build, for the next record.
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
        guard let key = lock.withLock({ keys[path] }) else { return make() }
        return reused(path, key: key, make: make)
    }

    func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    func part(of path: String, forSource source: String, make: () -> String) -> String { make() }

    /// A listing page's files: a function of the environment and of its `ListingKey`.
    func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] {
        var hasher = StableHasher()
        hasher.combine(lock.withLock { environment })
        hasher.combine(key)
        return reused(ExactPath(Self.listingOwner + key.url), key: hasher.finalize(), make: make)
    }

    func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile { make() }

    /// How a listing page is named among the record's owners: its URL after a NUL, which no
    /// article's source path holds.
    static let listingOwner = "\u{0}listing "

    /// The files of `owner` (an explainer's source path, a listing page) whose digest is
    /// `key`: linked from the output folder if the last build made them with that key and they
    /// are still as it left them, else made.
    private func reused(_ owner: ExactPath, key: StableHasher.Digest, make: () -> [OutputFile]) -> [OutputFile] {
        if let old = reusable[owner], old.key == key {
            lock.withLock {
                made[owner] = old
                if !owner.path.hasPrefix(Self.listingOwner) { reusedCount += 1 }
            }
            let folder = FolderPath(output)
            return old.files.map { OutputFile(path: $0, linking: folder.appending($0)) }
        }
        let files = make()
        lock.withLock { made[owner] = (key, files.map(\.path)) }
        return files
    }
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
        combine(links.topics)
        combine(links.related.count)
        for related in links.related {
            combine(related.slug)
            combine(related.title)
            combine(related.summary)
            combine(related.date)
            combine(related.sharedTopics)
        }
        let urls = links.alternates.keys.sorted()
        combine(urls.count)
        for url in urls { combine(links.alternates[url] ?? []) }
    }

    /// What a listing page shows.
    mutating func combine(_ key: ListingKey) {
        combine(key.url)
        combine(key.title)
        combine(describing: key.position)
        combine(key.entries.count)
        for entry in key.entries {
            combine(entry.slug)
            combine(entry.title)
            combine(entry.summary)
            combine(entry.date)
            combine(entry.updated != nil)
            if let updated = entry.updated { combine(updated) }
            combine(entry.minutes)
            combine(entry.tags.count)
            for tag in entry.tags { combine(tag) }
            combine(entry.topics)
            // Rare, and small: by their descriptions.
            combine(entry.image != nil)
            if let image = entry.image { combine(describing: image) }
            combine(entry.corrections.count)
            if !entry.corrections.isEmpty { combine(describing: entry.corrections) }
            combine(describing: entry.status)
        }
        combine(key.topics.count)
        for topic in key.topics {
            combine([topic.link])
            combine(topic.count)
        }
        combine(key.alternates)
    }

    mutating func combine(_ topics: [TopicLink]) {
        combine(topics.count)
        for topic in topics {
            combine(topic.name)
            combine(topic.slug)
        }
    }

    mutating func combine(_ alternates: [PageAlternate]) {
        combine(alternates.count)
        for alternate in alternates {
            combine(alternate.language.identifier)
            combine(alternate.url)
            combine(alternate.isDefault)
        }
    }

    mutating func combine(_ date: ArticleDate) {
        combine(date.year)
        combine(date.month)
        combine(date.day)
    }
}
