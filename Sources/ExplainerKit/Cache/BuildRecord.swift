/// What the disk build cache remembers of the last build into one output folder: a digest of
/// everything the build read (`inputs`), the report it gave, the stamp of every file and
/// folder it left there, and, for each explainer, the digest of what its pages are made of
/// (`DiskMemo.Key`) with the files they are.
///
/// On disk it is one `MediaCacheEntry`-framed file (magic, version, key, payload, XXH3-128),
/// keyed by the record's format version, the program (`ProgramIdentity`) and the output folder:
/// a record that is truncated, damaged, of another version or program, or of another folder
/// reads as none, and the build is a cold one.
struct BuildRecord: Sendable {
    /// Raised whenever the layout or the meaning of a record changes.
    static let version = 1

    /// One explainer's pages: what they were made of, and their indices in `files`.
    struct Explainer: Sendable {
        var source: String
        var key: StableHasher.Digest
        var files: [Int]
    }

    /// The digest of every input of the build (`InputDigest`).
    var inputs: StableHasher.Digest
    /// What the build reported: counts and warnings, replayed when nothing changed.
    var articles: Int
    var pages: Int
    var fileCount: Int
    var warnings: [Diagnostic]
    /// Every file and folder of the output folder, relative to it (`"."` is the folder itself),
    /// with its stamp once the output was in place.
    var paths: [String]
    var stamps: [OutputStamp]
    /// The explainers whose pages can be taken from the output folder while their stamps match.
    var explainers: [Explainer]

    /// The key a record of `output` is framed with.
    static func frameKey(output: String) -> [UInt8] {
        Array("explainer build record \(version)\n\(ProgramIdentity.current)\n\(output)".utf8)
    }

    /// The record's bytes on disk.
    func encoded(output: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 96 * paths.count)
        writer.write(inputs)
        writer.write(articles)
        writer.write(pages)
        writer.write(fileCount)
        writer.write(warnings.count)
        for warning in warnings {
            writer.write(warning.severity.rawValue)
            writer.write(warning.file)
            writer.write(warning.line ?? -1)
            writer.write(warning.column ?? -1)
            writer.write(warning.message)
            writer.write(warning.hint)
        }
        writer.write(paths.count)
        for (path, stamp) in zip(paths, stamps) {
            writer.write(path)
            stamp.write(to: &writer)
        }
        writer.write(explainers.count)
        for explainer in explainers {
            writer.write(explainer.source)
            writer.write(explainer.key)
            writer.write(explainer.files.count)
            for index in explainer.files { writer.write(UInt32(index)) }
        }
        return MediaCacheEntry.encode(writer.bytes, key: Self.frameKey(output: output))
    }

    /// The record in `file` if it is a whole, intact one of this version, program and output.
    static func decode(_ file: [UInt8], output: String) -> BuildRecord? {
        guard let payload = MediaCacheEntry.decode(file, key: frameKey(output: output)) else { return nil }
        var reader = ByteReader(payload)
        do throws(ByteReader.Truncated) {
            let inputs = try reader.digest()
            let articles = try reader.int()
            let pages = try reader.int()
            let fileCount = try reader.int()
            var warnings: [Diagnostic] = []
            for _ in 0..<(try reader.count(minimumSize: 40)) {
                let severity = Diagnostic.Severity(rawValue: try reader.string()) ?? .warning
                let file = try reader.string()
                let line = try reader.int()
                let column = try reader.int()
                warnings.append(
                    Diagnostic(
                        severity, file: file, line: line < 0 ? nil : line, column: column < 0 ? nil : column,
                        message: try reader.string(), hint: try reader.string()))
            }
            let count = try reader.count(minimumSize: 4 + OutputStamp.encodedSize)
            var paths: [String] = []
            var stamps: [OutputStamp] = []
            paths.reserveCapacity(count)
            stamps.reserveCapacity(count)
            for _ in 0..<count {
                paths.append(try reader.string())
                stamps.append(try OutputStamp(from: &reader))
            }
            var explainers: [Explainer] = []
            for _ in 0..<(try reader.count(minimumSize: 28)) {
                let source = try reader.string()
                let key = try reader.digest()
                var files: [Int] = []
                for _ in 0..<(try reader.count(minimumSize: 4)) {
                    let index = Int(try reader.uint32())
                    guard index < paths.count else { return nil }
                    files.append(index)
                }
                explainers.append(Explainer(source: source, key: key, files: files))
            }
            guard reader.isAtEnd else { return nil }
            return BuildRecord(
                inputs: inputs, articles: articles, pages: pages, fileCount: fileCount, warnings: warnings, paths: paths,
                stamps: stamps, explainers: explainers)
        } catch {
            return nil
        }
    }
}
