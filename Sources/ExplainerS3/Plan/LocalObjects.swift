import ExplainerKit

/// The objects of a production build: one per file, but for the build's `.gz` copies (`x.gz`
/// beside `x`), which are never objects of their own; where the rules store a file gzipped and the build wrote its `.gz`,
/// the file's object holds those bytes with `Content-Encoding: gzip`.
enum LocalObjects {
    /// The objects of `build`, by path, with the headers of its `site.yml` `publish:` rules.
    static func make(from build: SiteBuild) -> [LocalObject] {
        make(files: build.files.map { ($0.path, $0.bytes) }, rules: build.headerRules)
    }

    /// The objects of the files `files` (site path, bytes) under `rules`, sorted by path.
    static func make(files: [(path: String, bytes: [UInt8])], rules: ObjectHeaderRules) -> [LocalObject] {
        let paths = Set(files.map(\.path))
        // The build's copies: `x.gz` beside `x`. A `.gz` of a bundle, alone, is a file of its own.
        let copies = files.filter { $0.path.hasSuffix(".gz") && paths.contains(String($0.path.dropLast(3))) }
        let gzipped = Dictionary(copies.map { (String($0.path.dropLast(3)), $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let kept = files.filter { !($0.path.hasSuffix(".gz") && gzipped[String($0.path.dropLast(3))] != nil) }
            .sorted { $0.path < $1.path }
        let plain = kept.map { PlainFile(path: $0.path, bytes: $0.bytes) }
        // MD5 and SHA-256 of every file (a large site's are hundreds of MB): on every core.
        return ParallelMap.map(plain) { file in
            var headers = ObjectHeaders(contentType: rules.contentType(for: file.path), cacheControl: rules.cacheControl(for: file.path))
            var bytes = file.bytes
            if rules.storesGzip(file.path), let gzip = gzipped[file.path] {
                bytes = gzip
                headers.contentEncoding = "gzip"
            }
            return LocalObject(path: file.path, bytes: bytes, headers: headers)
        }
    }

    /// A file for the parallel map (tuples are not `Sendable` by name).
    private struct PlainFile: Sendable {
        var path: String
        var bytes: [UInt8]
    }
}
