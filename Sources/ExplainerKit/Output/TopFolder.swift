#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `StagingFolder.receive` writes one group of files, as `openat` places: the group's
/// first folder (`slug` of `slug/risks/index.html`, since a group is usually one explainer's
/// pages) is made and opened once, and each folder below it made once, so the kernel looks up
/// one or two path components per file instead of the whole path, with no set of made
/// folders shared (and locked) between threads. Making a folder that is there is harmless, so
/// two threads making the same one (`tags/`) need not agree.
struct TopFolder {
    /// The staging folder, open, and its path (for messages).
    let root: Int32
    let rootPath: String
    private var name = ""
    private var fd: Int32 = -1
    private var folderPath = ""
    /// Folders made inside the open one, for this group.
    private var made: [Substring] = []

    init(root: Int32, rootPath: String) {
        self.root = root
        self.rootPath = rootPath
    }

    /// Where to write `path` (relative to the staging folder, safe), its folders made.
    mutating func place(for path: String) throws(FileSystem.Failure) -> FileSystem.Place {
        guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            return FileSystem.Place(folder: root, name: path, folderPath: rootPath)
        }
        let first = path[..<slash]
        if fd < 0 || first != name {
            close()
            let top = FileSystem.Place(folder: root, name: String(first), folderPath: rootPath)
            _ = try FileSystem.makeDirectory(top)  // the staging folder is there
            fd = openat(root, top.name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw FileSystem.Failure(path: top.path, operation: "open the folder", code: errno) }
            name = top.name
            folderPath = top.path
        }
        let rest = String(path[path.utf8.index(after: slash)...])
        if let end = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = rest[..<end]
            if !made.contains(folder) {
                try makeFolder(folder)
                made.append(folder)
            }
        }
        return FileSystem.Place(folder: fd, name: rest, folderPath: folderPath)
    }

    /// Makes `folder` (inside the open one), and the folders above it if they are missing.
    private func makeFolder(_ folder: Substring) throws(FileSystem.Failure) {
        let place = FileSystem.Place(folder: fd, name: String(folder), folderPath: folderPath)
        if try FileSystem.makeDirectory(place) { return }
        guard let end = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            throw FileSystem.Failure(path: place.path, operation: "create the folder", code: ENOENT)
        }
        try makeFolder(folder[..<end])
        if try !FileSystem.makeDirectory(place) {
            throw FileSystem.Failure(path: place.path, operation: "create the folder", code: ENOENT)
        }
    }

    /// Closes the open folder.
    mutating func close() {
        if fd >= 0 { Self.close(fd) }
        fd = -1
        made = []
    }

    /// Closes a file descriptor (`close` alone means the method, inside these types).
    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
