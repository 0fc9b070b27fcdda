/// A text file read from disk (or made in memory by a test): its path for messages, its bytes.
public struct SourceFile: Sendable, Hashable {
    /// Path as shown in messages, e.g. `Content/russia-taliban.md`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The file name without folders and extension: `Content/a-b.md` → `a-b`.
    public var baseName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
