/// The media stage: what the explainers' bundles hold, and the files published from them.
///
/// Three steps, around the article stage:
/// 1. `catalog` probes every bundle file before articles are rendered (an image's format,
///    size and planned copies: `MediaCatalog`), so the Markdown stage can write `<picture>`
///    with exact widths and heights and report a missing file at its reference.
/// 2. `publication` says, purely, which files an explainer publishes: every non-image file of
///    its bundle as it is, and for each image it uses, the copies `VariantPlan` names.
/// 3. `prepare` makes every copy that is not in the store yet (one decode per source image,
///    in parallel) and reports the images that cannot be decoded — before the build hands its
///    sink anything; `files` then reads them back, one explainer at a time, so a site of
///    thousands of photos is never held in memory when the store is on disk.
///
/// The store is the cache on disk, keyed by the source's hash and the copy's parameters, so a
/// rebuild encodes nothing that did not change; whatever the store holds, the bytes published
/// are the same.
package struct MediaStage: Sendable {
    /// Reports progress of the encoding (images done, images in all), from many threads.
    package typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    let store: MediaStore
    let progress: Progress?

    /// - Parameter cacheFolder: the cache on disk (`.explainer-cache/media`); nil keeps what
    ///   one build encodes in memory.
    package init(cacheFolder: String? = nil, progress: Progress? = nil) {
        store = MediaStore(disk: cacheFolder.map { MediaCache(folder: $0) })
        self.progress = progress
    }

    /// The site's media settings (`site.yml` `media:`).
    struct Settings: Sendable, Hashable {
        var widths = VariantPlan.defaultWidths
        var maxFileSize = SiteConfig.defaultMaxMediaFileMB << 20
        var limits = ImageLimits()
    }

    // MARK: 1. The catalog

    /// Every bundle file, probed (in parallel). The first step of every build.
    func catalog(_ files: [BundleFile], settings: Settings) -> MediaCatalog {
        store.begin()
        let entries = ParallelMap.map(files) { file in entry(file, settings: settings) }
        return MediaCatalog(Dictionary(entries.map { ($0.contentPath, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    private func entry(_ file: BundleFile, settings: Settings) -> MediaEntry {
        var entry = MediaEntry(file: file)
        if let tooLarge = BundleFileCheck.problems([file], limit: settings.maxFileSize).first {
            entry.problem = tooLarge
            return entry
        }
        guard let claimed = ImageFormat.claimed(by: file.pathInBundle) else { return entry }
        let stamp = file.bytes == nil ? FileStamp.of(path: file.source) : nil
        let probed: (hash: String, header: ImageHeader)
        if let known = store.header(for: stamp) {
            probed = known
        } else {
            let bytes: [UInt8]
            do { bytes = try read(file, limit: settings.maxFileSize) } catch {
                entry.problem = unreadable(file, error)
                return entry
            }
            let hash = ContentHash.hex(bytes)
            switch ImageCodec.probe(bytes, claimed: claimed, limits: settings.limits) {
            case .success(let header):
                probed = (hash, header)
                store.storeHeader(header, hash: hash, for: stamp)
            case .failure(let problem):
                entry.image = ImageInfo(format: claimed, width: 0, height: 0, hash: hash, variants: [], problem: problem.message)
                return entry
            }
        }
        let header = probed.header
        entry.image = ImageInfo(
            format: header.format, width: header.width, height: header.height, hash: probed.hash,
            variants: VariantPlan.variants(
                pathInBundle: file.pathInBundle, format: header.format, width: header.width, height: header.height,
                hash: probed.hash, widths: settings.widths),
            problem: nil)
        return entry
    }

    // MARK: 2. What an explainer publishes

    /// One file an explainer publishes from its bundle.
    struct Output: Sendable, Hashable {
        /// In the output folder: `slug/images/map-480-0123abcd.webp`.
        var path: String
        var entry: MediaEntry
        /// The copy to make; nil publishes the file as it is (non-image files, SVG).
        var variant: ImageVariant?
    }

    /// The files an explainer publishes from its bundle (sorted by path): every file that is
    /// not an image, as it is; and of each image it uses (inline or linked: `used`; or as its
    /// lead image), the copies `VariantPlan` names, the original too when linked to, the
    /// social-card crops for the lead image. Images it does not use are not published.
    static func publication(
        bundle: String?, slug: String, used: [UsedMedia], lead: LeadImage?, catalog: MediaCatalog
    ) -> [Output] {
        guard let bundle else { return [] }
        let folder = slug + "/"
        var outputs: [String: Output] = [:]
        func add(_ entry: MediaEntry, _ variant: ImageVariant?) {
            let path = folder + (variant?.path ?? entry.pathInBundle)
            outputs[path] = Output(path: path, entry: entry, variant: variant)
        }
        for entry in catalog.entries(inBundle: bundle) where ImageFormat.claimed(by: entry.pathInBundle) == nil && entry.problem == nil {
            add(entry, nil)
        }
        var images = used.map { (contentPath: $0.contentPath, original: $0.original, crops: [ImageVariant]()) }
        if let lead { images.append((lead.contentPath, false, lead.crops)) }
        for use in images {
            guard let entry = catalog[use.contentPath], let image = entry.image, image.problem == nil else { continue }
            guard image.format.isRaster else {
                add(entry, nil)
                continue
            }
            image.variants.forEach { add(entry, $0) }
            use.crops.forEach { add(entry, $0) }
            if use.original {
                add(
                    entry,
                    VariantPlan.original(pathInBundle: entry.pathInBundle, format: image.format, width: image.width, height: image.height))
            }
        }
        return outputs.values.sorted { $0.path < $1.path }
    }

    // MARK: 3. Making the copies

    /// Makes every copy in `outputs` that the store does not hold (each source decoded once,
    /// sources in parallel); the problems of images that cannot be decoded, at their files.
    func prepare(_ outputs: [Output], settings: Settings) -> [Diagnostic] {
        // The copies to make of each source image, sources in path order.
        var copies: [String: [ImageVariant]] = [:]
        var entries: [String: MediaEntry] = [:]
        for output in outputs {
            guard let variant = output.variant else { continue }
            let source = output.entry.contentPath
            entries[source] = output.entry
            copies[source, default: []].append(variant)
        }
        let work = entries.keys.sorted().compactMap { source in entries[source].map { ($0, copies[source] ?? []) } }
        let total = work.count
        let done = AtomicCounter()
        let problems = ParallelMap.map(work) { entry, variants -> [Diagnostic] in
            defer { progress?(done.increment(), total) }
            // What the store holds is checked when it is read (`files`): here, only whether it is there.
            let missing = variants.filter { !store.contains(key(entry, $0)) }
            guard !missing.isEmpty else { return [] }
            switch encode(entry, missing, settings: settings) {
            case .success(let encoded):
                for (variant, bytes) in zip(missing, encoded) { store.store(bytes, for: key(entry, variant)) }
                return []
            case .failure(let failure):
                return failure.diagnostics
            }
        }
        return problems.flatMap { $0 }
    }

    /// The files of `outputs` (after `prepare`): from the store, or made again if the store
    /// lost them. With `linking`, a copy the cache holds on disk is given as that file, to be
    /// hard-linked (`OutputFile.linkedFrom`), not read.
    func files(_ outputs: [Output], settings: Settings, linking: Bool = false) -> [OutputFile] {
        outputs.compactMap { output in
            guard let variant = output.variant else {
                return (try? read(output.entry.file, limit: settings.maxFileSize)).map { OutputFile(path: output.path, bytes: $0) }
            }
            let key = key(output.entry, variant)
            if linking, let file = store.file(for: key) { return OutputFile(path: output.path, linking: file) }
            if let bytes = store.bytes(for: key) { return OutputFile(path: output.path, bytes: bytes) }
            guard case .success(let encoded) = encode(output.entry, [variant], settings: settings), let bytes = encoded.first else {
                return nil
            }
            store.store(bytes, for: key)
            return OutputFile(path: output.path, bytes: bytes)
        }
    }

    /// Ends a build: what was learnt of the files (their hashes and headers) is saved.
    func finish() {
        store.finish()
    }

    /// The store's key of one copy: the source's hash and everything that decides the bytes.
    private func key(_ entry: MediaEntry, _ variant: ImageVariant) -> MediaCacheKey {
        let crop = variant.crop.map { "\($0.width)x\($0.height)" } ?? "keep"
        return MediaCacheKey(
            sourceHash: entry.image?.hash ?? "",
            parameters: "\(ImageCodec.version)-\(variant.format.rawValue)-\(variant.width)x\(variant.height)-\(crop)")
    }

    /// Reads the source and makes `variants` of it.
    private func encode(_ entry: MediaEntry, _ variants: [ImageVariant], settings: Settings) -> Result<[[UInt8]], BuildFailure> {
        let bytes: [UInt8]
        do { bytes = try read(entry.file, limit: settings.maxFileSize) } catch {
            return .failure(BuildFailure(unreadable(entry.file, error)))
        }
        if let hash = entry.image?.hash, ContentHash.hex(bytes) != hash {
            return .failure(
                BuildFailure(
                    Diagnostic(
                        file: entry.source, message: "The image changed while the site was being built.",
                        hint: "Build again once the file is saved.")))
        }
        let requests = variants.map { EncodeRequest(format: $0.format, width: $0.width, crop: $0.crop) }
        return ImageCodec.encode(bytes, requests, limits: settings.limits).mapError { problem in
            BuildFailure(
                Diagnostic(
                    file: entry.source, message: "The image could not be published: \(problem.message)",
                    hint: "Open it in an image editor and save it again (or export it anew), then build again."))
        }
    }

    private func read(_ file: BundleFile, limit: Int) throws(FileSystem.Failure) -> [UInt8] {
        if let bytes = file.bytes { return bytes }
        return try FileSystem.read(file.source, limit: limit)
    }

    private func unreadable(_ file: BundleFile, _ error: FileSystem.Failure) -> Diagnostic {
        Diagnostic(
            file: file.source, message: "The file could not be read: \(error.reason).",
            hint:
                "Only regular files are published, and a symlink only to a file inside the bundle: replace it with a regular file, or check its permissions."
        )
    }
}
