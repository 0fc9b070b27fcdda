/// A text file read from disk (or made in memory by a test): its path for messages, its bytes.
package struct SourceFile: Sendable, Hashable {
    /// Path as shown in messages, e.g. `Content/russia-taliban.md`.
    var path: String
    var bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The file name without folders and extension: `Content/a-b.md` → `a-b`.
    var baseName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
