/// A folder's path, and the one way a path inside it is written.
///
/// The folder is kept as the user spelled it (messages show it so: `Public`, `../site`,
/// `/srv/www`), without its trailing slashes: `Public/` and `Public` are one folder, while
/// `/` stays `/`. An empty path is a relative tree's own root: inside it, `a/b` is `a/b`.
/// Joining is plain string work on `/`-separated paths (what the POSIX calls take), not
/// Foundation's `URL` or `NSString`, which resolve symlinks or crash on one-character paths.
struct FolderPath: Hashable, Sendable, CustomStringConvertible {
    /// The folder's path without trailing slashes: `Public`, `/`, `site/out`, or `` for the
    /// root of a relative tree.
    let path: String

    /// The folder at `path` (`Public/` is `Public`; any run of slashes alone is `/`).
    init(_ path: some StringProtocol) {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        self.path = String(path)
    }

    var description: String { path }

    /// The path of `relative` inside the folder: `Public` + `a/index.html` is
    /// `Public/a/index.html`, `/` + `srv` is `/srv`, and `` + `a` is `a`.
    func appending(_ relative: some StringProtocol) -> String {
        if path.isEmpty { return String(relative) }
        return path == "/" ? "/" + relative : path + "/" + relative
    }

    /// The folder `relative` inside this one.
    func folder(_ relative: some StringProtocol) -> FolderPath {
        FolderPath(appending(relative))
    }

    /// The folder holding this one and this one's last name: `Public` is (`.`, `Public`),
    /// `site/out` is (`site`, `out`), `/srv/www` is (`/srv`, `www`).
    var parentAndName: (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = FolderPath(path[..<slash]).path
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// Whether `path` is this folder or inside it, compared by bytes (a sibling named as this
    /// folder in another Unicode form is outside): both should be spelled alike, e.g. both
    /// canonical.
    func holds(_ other: String) -> Bool {
        other.utf8.elementsEqual(path.utf8) || contains(other)
    }

    /// Whether `path` is strictly inside this folder (by bytes, as `holds`).
    func contains(_ other: String) -> Bool {
        if path == "/" { return other.utf8.first == UInt8(ascii: "/") }
        let prefix = path.utf8
        return other.utf8.count > prefix.count && other.utf8.starts(with: prefix)
            && other.utf8[other.utf8.index(other.utf8.startIndex, offsetBy: prefix.count)] == UInt8(ascii: "/")
    }
}
