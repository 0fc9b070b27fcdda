/// What a cached media entry is: the source bytes' content hash and a text naming everything
/// else that shapes the output (format, width, crop, encoder settings, codec version).
struct MediaCacheKey: Sendable, Hashable {
    var sourceHash: String
    var parameters: String

    /// The bytes the entry records (and checks on read): hash and parameters, NUL-separated.
    var bytes: [UInt8] { Array(sourceHash.utf8) + [0] + Array(parameters.utf8) }
}
