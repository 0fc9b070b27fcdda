/// One file `explainer init`, `explainer new` or `explainer theme --eject` writes: its path
/// inside the folder it is written into (`Content/site.yml`, with `/` between folders) and its
/// bytes (text as UTF-8).
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    /// The file's text (what `init` and `new` write is UTF-8).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
