import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The disk build cache: `<cache>/build/` beside the media cache (`<cache>/media/`), holding
/// one `BuildRecord` per output folder built (`<hash of the folder's path>.record`), the most
/// recent `keptRecords` of them. Records are written whole to a temporary name and renamed, so
/// a reader sees a whole record or the one before; one that cannot be read, or read as a record,
/// is no record. Nothing here is ever needed: deleting the folder makes the next build a cold
/// one, with the same bytes.
package struct BuildCacheFolder: Sendable {
    /// How many output folders' records are kept (the most recently written).
    static let keptRecords = 16
    /// A record larger than this is damage (a 10,000-explainer site's is about 5 MB).
    static let maxRecordSize = 1 << 30

    /// `<cache>/build`.
    let path: String

    package init(cache: String) {
        path = FolderPath(cache).appending("build")
    }

    /// Where the record of the output folder `output` (canonical) is.
    func recordPath(output: String) -> String {
        FolderPath(path).appending(ContentHash.hex(output) + ".record")
    }

    /// The last build's record of `output`, if there is a whole one.
    func record(output: String) -> BuildRecord? {
        guard let bytes = try? FileSystem.read(recordPath(output: output), limit: Self.maxRecordSize) else { return nil }
        return BuildRecord.decode(bytes, output: output)
    }

    /// Saves `record` as the one of `output`, replacing the last, and forgets the records of
    /// the folders least recently built beyond `keptRecords`. Failing (a read-only or full
    /// disk) only means the next build is a cold one.
    func save(_ record: BuildRecord, output: String) {
        if !FileSystem.isDirectory(path) {
            guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil else { return }
        }
        let target = recordPath(output: output)
        let temporary = target + ".tmp-\(getpid())"
        guard (try? FileSystem.write(record.encoded(output: output), to: temporary)) != nil else {
            unlink(temporary)
            return
        }
        if rename(temporary, target) != 0 { unlink(temporary) }
        prune()
    }

    /// Removes the records beyond the `keptRecords` most recent, and temporary files left by a
    /// killed build more than an hour ago.
    private func prune() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        let now = Date().timeIntervalSince1970
        var records: [(name: String, modified: Int64)] = []
        for name in names {
            let stamp = FileStamp.of(path: FolderPath(path).appending(name))
            if name.hasSuffix(".record") {
                records.append((name, stamp?.modified ?? 0))
            } else if name.contains(".record.tmp-"), let stamp, Double(stamp.modified) / 1e9 < now - 3600 {
                unlink(FolderPath(path).appending(name))
            }
        }
        guard records.count > Self.keptRecords else { return }
        for old in records.sorted(by: { $0.modified > $1.modified }).dropFirst(Self.keptRecords) {
            unlink(FolderPath(path).appending(old.name))
        }
    }

    /// Empties the cache folder `cache` (`explainer cache --clear`): removes the build cache's
    /// and the media cache's folders, and nothing else (a file of the user's kept there stays).
    /// Returns the folders removed.
    package static func clear(cache: String) -> [String] {
        var removed: [String] = []
        for name in ["build", "media"] {
            let folder = FolderPath(cache).appending(name)
            var info = stat()
            // Never through a symlink: only a real folder of ours is removed.
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            FileSystem.removeTree(folder)
            if !FileSystem.exists(folder) { removed.append(folder) }
        }
        return removed
    }
}
