import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether Explainer may replace or remove what is at a path: only what a build made.
///
/// A path may be replaced when nothing is there, when it is an empty folder, or when it is a
/// folder whose `OutputManifest` lists everything it holds (the folders of the listed files,
/// and the temporary files a preview killed mid-write leaves, count as listed). Anything
/// else, a file, a symbolic link, a named pipe, a folder with no manifest or with a file the
/// manifest does not list, is the author's, and the diagnostic says what to do. Symbolic links
/// are never followed: a link is refused, not its target replaced. What a folder happens to
/// contain (an `index.html`) proves nothing.
///
/// The same rule guards the output folder, `<folder>.previous`, and the leftovers of a killed
/// build beside them (`isLeftover`).
enum OutputOwnership {
    /// Why Explainer must not replace what is at `path`, or nil when it may. `thorough` walks
    /// the whole folder looking for files the manifest does not list (what the commit does,
    /// holding the lock, just before the swap); without it only the kind of the path and the
    /// presence of a manifest are checked (the quick check before a build starts).
    static func problem(at path: String, thorough: Bool) -> Diagnostic? {
        let path = FolderPath(path).path  // `link/` would follow the link
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }  // nothing there (or unreachable: writing it will say why)
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFDIR else { return notAFolderProblem(path, type: kind) }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            return Diagnostic(
                file: path, message: "Could not look inside \(path): \(String(cString: strerror(errno))).",
                hint: "Check its permissions; Explainer replaces a folder only once it has seen everything in it.")
        }
        defer { close(fd) }
        let top = entries(of: fd)
        if top.isEmpty { return nil }
        guard let manifest = OutputManifest.read(in: fd) else {
            let old = top.contains { $0.name == Array("index.html".utf8) }
            return Diagnostic(
                file: path,
                message: "\(path) is not empty and does not look like a built site: it has no \(OutputManifest.fileName), "
                    + "the list of files Explainer writes into every folder it builds, so it will not be replaced.",
                hint: old
                    ? "If an older Explainer built it (they wrote no list), check that nothing of yours is in it, delete it, and build again; or choose another output folder."
                    : "Choose another output folder (e.g. --output Public), or empty or remove this one yourself.")
        }
        guard thorough else { return nil }
        let strays = strays(in: fd, top: top, manifest: manifest)
        guard let first = strays.first else { return nil }
        let name = String(decoding: first, as: UTF8.self)
        let more = strays.count > 1 ? " and \(strays.count - 1) more" : ""
        return Diagnostic(
            file: FolderPath(path).appending(name),
            message: "\(path) holds \(name)\(more), which Explainer did not write there; replacing the folder would delete it.",
            hint:
                "Move \(name)\(more.isEmpty ? "" : " and the others") out of \(path) (a build replaces the whole folder), or choose another output folder."
        )
    }

    /// Whether `path`, named like something a build makes beside the output folder (a staging
    /// or old folder), is one Explainer made and may remove: a folder, not a link, that is
    /// empty (a build killed right after making it) or holds a manifest file (written first).
    static func isLeftover(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        if fstatat(fd, OutputManifest.fileName, &st, AT_SYMLINK_NOFOLLOW) == 0 { return (st.st_mode & S_IFMT) == S_IFREG }
        return entries(of: fd).isEmpty
    }

    /// Whether `name` is a temporary file `InPlaceWriter` makes beside a file it replaces:
    /// `.<name>.explainer-tmp-<pid>`.
    static func isTemporary(_ name: [UInt8]) -> Bool {
        let marker = Array(".explainer-tmp-".utf8)
        guard name.first == UInt8(ascii: "."), name.count > marker.count + 1 else { return false }
        var digits = name.endIndex
        while digits > name.startIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(name[digits - 1]) { digits -= 1 }
        guard digits < name.endIndex, digits - marker.count > 1 else { return false }
        return name[(digits - marker.count)..<digits].elementsEqual(marker)
    }

    /// Why `path`, a file of type `type` (`FileSystem.kind` names it), is not replaced.
    private static func notAFolderProblem(_ path: String, type: mode_t) -> Diagnostic {
        var what = FileSystem.kind(type)
        var hint = "Move \(path) away first, or choose another folder for the site (--output when building, --to when publishing)."
        if type == S_IFLNK {
            what += " (to \((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"))"
            hint = "Pass the folder itself rather than a link to it, or choose another output folder."
        }
        return Diagnostic(
            file: path,
            message: "\(path) is \(what), not a folder: Explainer writes a whole folder there, so it will not touch it.",
            hint: hint)
    }

    /// One entry of a folder: its name's bytes and whether it is a folder (never following a link).
    private struct Entry: Sendable {
        var name: [UInt8]
        var isFolder: Bool
    }

    /// The entries of the open folder `fd`, but `.` and `..`. `fd` stays open.
    private static func entries(of fd: Int32) -> [Entry] {
        let copy = dup(fd)
        guard copy >= 0 else { return [] }
        guard let dir = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(dir) }
        rewinddir(dir)  // the copy shares the offset of `fd`
        return entries(in: dir)
    }

    /// The entries of the open folder `dir`, from where it is, but `.` and `..`.
    private static func entries(in dir: OpaquePointer) -> [Entry] {
        var out: [Entry] = []
        FileSystem.forEachEntry(in: dir) { name, type in out.append(Entry(name: Array(name), isFolder: type == UInt8(DT_DIR))) }
        return out
    }

    /// The paths in the folder `fd` that `manifest` does not list, sorted (a folder not listed
    /// is named, not what is in it). The folders at the top are walked on all cores.
    private static func strays(in fd: Int32, top: [Entry], manifest: OutputManifest) -> [[UInt8]] {
        let manifestName = Array(OutputManifest.fileName.utf8)
        var strays: [[UInt8]] = []
        var folders: [[UInt8]] = []
        for entry in top where entry.name != manifestName {
            if entry.isFolder && manifest.folders.contains(OutputManifest.Path(bytes: entry.name)) {
                folders.append(entry.name)
            } else if !isListed(entry, path: entry.name, manifest) {
                strays.append(entry.name)
            }
        }
        let found = ParallelMap.map(folders) { folder -> [[UInt8]] in
            var out: [[UInt8]] = []
            walk(folder, named: folder, in: fd, manifest: manifest, into: &out)
            return out
        }
        strays += found.joined()
        return strays.sorted(by: ExactPath.precedes)
    }

    /// Adds the paths below the folder `path` (`name` in the open folder `parent`) that
    /// `manifest` does not list to `out`. Each folder is opened relative to the one above it,
    /// without following a link; one that cannot be opened counts as not listed.
    private static func walk(
        _ path: [UInt8], named name: [UInt8], in parent: Int32, manifest: OutputManifest,
        into out: inout [[UInt8]]
    ) {
        let fd = withCName(name) { openat(parent, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            out.append(path)
            return
        }
        defer { closedir(dir) }  // and `fd`: a walk opens each folder once, with no copy
        for entry in entries(in: dir) {
            let child = path + [UInt8(ascii: "/")] + entry.name
            if entry.isFolder && manifest.folders.contains(OutputManifest.Path(bytes: child)) {
                walk(child, named: entry.name, in: fd, manifest: manifest, into: &out)
            } else if !isListed(entry, path: child, manifest) {
                out.append(child)
            }
        }
    }

    /// Calls `body` with `name` as a C string (the bytes as they are: a name need not be UTF-8).
    private static func withCName<R>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count, body)
        }
    }

    private static func isListed(_ entry: Entry, path: [UInt8], _ manifest: OutputManifest) -> Bool {
        !entry.isFolder && (manifest.files.contains(OutputManifest.Path(bytes: path)) || isTemporary(entry.name))
    }
}
