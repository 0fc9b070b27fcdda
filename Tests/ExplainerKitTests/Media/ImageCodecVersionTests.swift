import Testing

@testable import ExplainerKit

/// The media cache keys every copy by `ImageCodec.version`: when the encoders' bytes change,
/// the version must change too, or a warm build would publish the old bytes and differ from a
/// cold one. This test notices such a change.
@Suite struct ImageCodecVersionTests {
    /// The hash of each format's copy of one pattern image, as this version makes it.
    static let expected: (version: String, hashes: [String]) = (
        "vips-8.14-q80-q82-2",
        [
            "74213a56f612a67e1d0c3e3e418ce738", "0d2f396c40c836e43b5afd57663ee1a4", "8f9db52b6f352de8522c29251527fbdd",
            "dedf4fe5c1440361a256f296fd67fe72",
        ]
    )

    @Test func theCodecsBytesAreTheOnesItsVersionNames() throws {
        let source = try #require(ImageCodec.pattern(width: 640, height: 480, format: .jpeg, noise: 10))
        let requests = [ImageFormat.webp, .jpeg, .png, .gif].map { EncodeRequest(format: $0, width: 320) }
        let copies = try ImageCodec.encode(source, requests).get()
        let hashes = copies.map { ContentHash.hex($0) }
        #expect(
            ImageCodec.version == Self.expected.version && hashes == Self.expected.hashes,
            "The codec's output changed: raise ImageCodec.version (so the media cache's old copies are not published), then set `expected` to (\"\(ImageCodec.version)\", \(hashes))."
        )
    }
}
