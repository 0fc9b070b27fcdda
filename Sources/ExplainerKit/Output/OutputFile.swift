/// One file of the built site: its path inside the output folder and its bytes, or, for a
/// sink that links (`OutputSink.linksFiles`), the file on disk to hard-link there instead.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators: `russia-taliban/history/index.html`.
    package var path: String
    /// The bytes (empty for a linked file).
    package var bytes: [UInt8]
    /// A file whose bytes these are, checked by its owner (an image copy in the media cache),
    /// which a sink that writes to disk hard-links instead of writing it again: a warm build
    /// of thousands of photos then writes no image. Nil for a file given by its bytes.
    var linkedFrom: String?

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file at `path` with the bytes of the file `source` (for sinks that link files).
    init(path: String, linking source: String) {
        self.path = path
        self.bytes = []
        self.linkedFrom = source
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether `path` stays inside the output folder: relative, no `..`, no empty or hidden
    /// segments, no backslashes.
    package static func isSafe(_ path: String) -> Bool {
        // Bytes, not Characters: this runs for every file of every build.
        let bytes = path.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/") else { return false }
        var segmentStart = true
        for byte in bytes {
            switch byte {
            case 0, UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "/"):
                if segmentStart { return false }  // an empty segment: `a//b` or a trailing `/`
                segmentStart = true
            case UInt8(ascii: "."):
                if segmentStart { return false }  // `.`, `..` and hidden names
                segmentStart = false
            default:
                segmentStart = false
            }
        }
        return !segmentStart
    }
}
