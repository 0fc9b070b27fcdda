import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The list of every file a build wrote into an output folder, kept inside the folder as
/// `.explainer-manifest`: what makes the folder Explainer's to replace (`OutputOwnership`).
///
/// Inside, not beside, because it must move with the folder: the atomic swap carries it in
/// with the new site (it is written into the staging folder before the swap, so a build killed
/// at any moment leaves a folder whose manifest lists what it holds), `.previous` and a
/// rollback keep theirs. Its bytes depend only on the paths (sorted by their UTF-8 bytes, no
/// times, no process ids), so a committed `Public/` stays reproducible. It is harmless where
/// published by a folder deploy: it names only the site's own files, which are already;
/// the site checker and `explainer check` skip hidden files, and the git deploy commits the
/// build's files, never this one.
///
/// The format is text: the line `explainer-manifest 1`, then one path per line. A built
/// path never holds a backslash (`OutputFile.isSafe`), so `\n` and `\r` stand for the line
/// breaks a file name may contain.
package struct OutputManifest: Sendable {
    /// The manifest's name inside the output folder. Hidden, so never a page's path.
    static let fileName = ".explainer-manifest"
    static let header = "explainer-manifest 1"
    /// Larger than any real manifest (a 10,000-explainer site's is a few MB); a bigger file
    /// is not one Explainer wrote.
    static let sizeLimit = 256 * 1_048_576

    /// The files listed, and the folders they are in, as byte paths relative to the output
    /// folder: bytes, not `String`s, so two names that differ only in Unicode normalisation
    /// (equal as Swift strings) stay two names.
    let files: Set<Path>
    let folders: Set<Path>

    /// A path's bytes, hashed in one call (not byte by byte, as an array is): a manifest
    /// is tens of thousands of paths, looked up once each per check.
    struct Path: Hashable, Sendable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The manifest of a folder holding `paths` (the unsafe ones are never written, so are
    /// left out), in a canonical order; duplicates are listed once.
    static func encode(_ paths: [String]) -> [UInt8] {
        var sorted = paths.compactMap { OutputFile.isSafe($0) ? Array($0.utf8) : nil }
        sorted.sort(by: ExactPath.precedes)
        var out = Array(header.utf8)
        out.append(UInt8(ascii: "\n"))
        out.reserveCapacity(sorted.reduce(out.count) { $0 + $1.count + 1 })
        var last: [UInt8]?
        for path in sorted where path != last {
            for byte in path {
                switch byte {
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\n"))
            last = path
        }
        return out
    }

    /// `line` with `\n` and `\r` turned back into line breaks.
    private static func unescape(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var path: [UInt8] = []
        path.reserveCapacity(line.count)
        var escaped = false
        for byte in line {
            if escaped {
                path.append(byte == UInt8(ascii: "n") ? UInt8(ascii: "\n") : byte == UInt8(ascii: "r") ? UInt8(ascii: "\r") : byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                path.append(byte)
            }
        }
        return path
    }

    /// The manifest of `paths`, as the file to write into the output folder.
    package static func file(listing paths: [String]) -> OutputFile {
        OutputFile(path: fileName, bytes: encode(paths))
    }

    /// Reads the manifest in the open folder `folder`; nil when there is none, or the file
    /// there is not one Explainer wrote (not a regular file, too large, no header).
    static func read(in folder: Int32) -> OutputManifest? {
        let fd = openat(folder, fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
            let bytes = try? FileSystem.readAll(fd, size: Int(st.st_size), limit: sizeLimit, path: fileName)
        else { return nil }
        return decode(bytes)
    }

    /// The manifest in `bytes`, or nil if they do not start with the header.
    static func decode(_ bytes: [UInt8]) -> OutputManifest? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return nil }
        var files = Set<Path>()
        var folders = Set<Path>()
        files.reserveCapacity(lines.count)
        for line in lines.dropFirst() where !line.isEmpty {
            let path = line.contains(UInt8(ascii: "\\")) ? unescape(line) : Array(line)
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: UInt8(ascii: "/")) {
                if !folders.insert(Path(bytes: Array(path[..<slash]))).inserted { break }  // and the ones above it
                end = slash
            }
            files.insert(Path(bytes: path))
        }
        return OutputManifest(files: files, folders: folders)
    }
}
