import ExplainerKit
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request's raw URL path to a file inside the served folder, refusing anything that
/// could reach outside it.
///
/// Refused outright: backslashes, encoded slashes and backslashes (`%2f`, `%5c`), NUL bytes,
/// invalid percent-encoding, and `.`/`..` segments (encoded or not). What remains is *opened
/// first and checked after*: the kernel's own path of the open descriptor must lie inside the
/// folder (so a symlink leading out is refused, even one swapped in while the request is
/// answered), and it must be a regular file or a folder (a FIFO or a device is never read).
/// A file is read from the very descriptor that was checked.
public enum SafePath: Sendable, Hashable {
    /// A regular file: its resolved path and its bytes, read from the checked descriptor.
    case file(String, [UInt8])
    /// A folder, by its canonical raw URL path (`/x/y`, `/` for the root; no trailing slash
    /// except the root's).
    case directory(String)
    /// Nothing there (or a hidden name, or something that is neither file nor folder).
    case missing
    /// A path that tries to leave the folder, or cannot be decoded.
    case refused

    /// The canonical form of a raw URL path: repeated slashes collapsed, the trailing slash
    /// kept. nil when the path is refused (see the type's description).
    public static func canonical(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/") else { return nil }
        let lowered = rawPath.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") || rawPath.contains("\\") {
            return nil
        }
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return nil
        }
        let decodedSegments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if decodedSegments.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        if segments.isEmpty { return "/" }
        return "/" + segments.joined(separator: "/") + (rawPath.hasSuffix("/") ? "/" : "")
    }

    /// Resolves `rawPath` (as sent, percent-encoded, no query) inside `root`.
    public static func resolve(_ rawPath: String, in root: String) -> SafePath {
        guard let canonical = canonical(rawPath), let decoded = canonical.removingPercentEncoding,
            let rootReal = FileSystem.realPath(root)
        else { return .refused }
        let folder = FileSystem.Root(root, real: rootReal)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0.hasPrefix(".") }) { return .missing }
        let candidate = segments.isEmpty ? rootReal : rootReal + "/" + segments.joined(separator: "/")
        // O_NONBLOCK: opening a FIFO must not wait for a writer. Nothing is read before the check.
        let fd = open(candidate, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        guard let opened = FileSystem.openedPath(fd) else { return .missing }
        guard folder.holds(opened) else { return .refused }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let raw = canonical.hasSuffix("/") && canonical != "/" ? String(canonical.dropLast()) : canonical
            return .directory(raw)
        case S_IFREG:
            guard let bytes = try? FileSystem.readAll(fd, size: Int(st.st_size), path: opened) else { return .missing }
            return .file(opened, bytes)
        default:
            return .missing
        }
    }
}
