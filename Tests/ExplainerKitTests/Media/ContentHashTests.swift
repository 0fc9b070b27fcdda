import Foundation
import Testing

@testable import ExplainerKit

@Suite struct ContentHashTests {
    @Test func isXXH3of128Bits() {
        // xxh128sum of an empty file, and of "abc".
        #expect(ContentHash.hex([]) == "99aa06d3014798d86001c324468d497f")
        #expect(ContentHash.hex("abc") == ContentHash.hex(Array("abc".utf8)))
        #expect(ContentHash.hex("abc").count == 32)
        #expect(ContentHash.hex("abc") != ContentHash.hex("abd"))
        let digest = [UInt8]("abc".utf8).withUnsafeBytes { ContentHash.digest($0) }
        #expect(digest.map { String(format: "%02x", $0) }.joined() == ContentHash.hex("abc"))
    }

    /// Not a check: the hash's speed. `EXPLAINER_MEDIA_TIMING=1 swift test --filter ContentHashTests`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EXPLAINER_MEDIA_TIMING"] != nil))
    func timesTheHash() {
        let bytes = [UInt8](repeating: 7, count: 64 << 20)
        var hash = ""
        let elapsed = ContinuousClock().measure {
            for _ in 0..<10 { hash = ContentHash.hex(bytes) }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("media timing: XXH3-128 \(String(format: "%.1f", Double(10 * bytes.count) / seconds / 1e9)) GB/s")
        #expect(hash.count == 32)
    }
}
