import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request's raw URL path to a file inside the served folder, refusing anything that
/// could reach outside it.
///
/// Refused outright: encoded slashes and backslashes (`%2f`, `%5c`), NUL bytes, invalid
/// percent-encoding, and `.`/`..` segments (encoded or not). What remains is resolved with
/// `realpath`, so a symlink leading out of the folder is refused too.
public enum SafePath: Sendable, Hashable {
    /// A regular file, by absolute resolved path.
    case file(String)
    /// A folder, by absolute resolved path.
    case directory(String)
    /// Nothing there (or a hidden name).
    case missing
    /// A path that tries to leave the folder, or cannot be decoded.
    case refused

    /// Resolves `rawPath` (as sent, percent-encoded, no query) inside `root`.
    public static func resolve(_ rawPath: String, in root: String) -> SafePath {
        guard rawPath.hasPrefix("/"), let rootReal = realPath(root) else { return .refused }
        let lowered = rawPath.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") || rawPath.contains("\\") {
            return .refused
        }
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return .refused
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .refused }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .missing }
        let candidate = segments.isEmpty ? rootReal : rootReal + "/" + segments.joined(separator: "/")
        guard let resolved = realPath(candidate) else { return .missing }
        guard resolved == rootReal || resolved.hasPrefix(rootReal == "/" ? "/" : rootReal + "/") else { return .refused }
        var st = stat()
        guard stat(resolved, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory(resolved)
        case S_IFREG: return .file(resolved)
        default: return .missing
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
