/// The digest of everything a build into a folder reads: the program (`ProgramIdentity`), the
/// environment (`MemoEnvironment`), every article's path and bytes, every bundle file's path,
/// size and stamp (its bytes are not read: a changed file has a new stamp), what reading met,
/// and, with search on, which Pagefind indexes it. Two builds with the same digest write the
/// same bytes: `BuildRunner` then leaves an output folder it finds as the last build left it.
enum InputDigest {
    static func of(_ sources: borrowing SiteSources, settings: BuildSettings, search: SiteSearch?) -> StableHasher.Digest {
        var hasher = StableHasher()
        hasher.combine(ProgramIdentity.current)
        hasher.combine(MemoEnvironment(sources, settings: settings))
        hasher.combine(sources.articles.count)
        for file in sources.articles { hasher.combine(file) }
        hasher.combine(sources.bundleFiles.count)
        for file in sources.bundleFiles {
            hasher.combine(file.source)
            hasher.combine(file.contentPath)
            hasher.combine(file.size)
            if let bytes = file.bytes {
                hasher.combine(bytes)
            } else {
                hasher.combine(stamp: FileStamp.of(path: file.source))
            }
        }
        hasher.combine(describing: sources.readDiagnostics)
        hasher.combine(sources.contentFolder)
        hasher.combine(sources.templatesFolder)
        hasher.combine(describing: sources.embeddedAssets.sorted())
        hasher.combine(search != nil)
        if let pagefind = search?.indexer.pagefind {
            hasher.combine(pagefind.executable)
            hasher.combine(pagefind.version)
            hasher.combine(stamp: FileSystem.realPath(pagefind.executable).flatMap(FileStamp.of))
        }
        return hasher.finalize()
    }
}

extension StableHasher {
    /// A file's identity without its bytes (nil: it could not be stat'ed).
    mutating func combine(stamp: FileStamp?) {
        combine(stamp != nil)
        guard let stamp else { return }
        combine(stamp.path)
        combine(Int(stamp.size))
        combine(Int(stamp.modified))
        combine(Int(stamp.changed))
        combine(stamp.inode)
        combine(stamp.device)
    }
}
