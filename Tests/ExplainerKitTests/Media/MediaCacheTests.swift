import Foundation
import Testing

@testable import ExplainerKit

@Suite struct MediaCacheTests {
    private let key = MediaCacheKey(sourceHash: ContentHash.hex("photo"), parameters: "webp 480 q80")
    private let payload: [UInt8] = Array("encoded variant bytes".utf8)

    private func withCache(_ body: (MediaCache, String) throws -> Void) rethrows {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(MediaCache(folder: root + "/.explainer-cache/media"), root + "/.explainer-cache/media")
    }

    private func rewrite(_ path: String?, _ change: (inout [UInt8]) -> Void) throws {
        let path = try #require(path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func hitAfterStoreMissBefore() {
        withCache { cache, folder in
            #expect(cache.bytes(for: key) == nil)
            cache.store(payload, for: key)
            #expect(cache.bytes(for: key) == payload)
            #expect(cache.bytes(for: MediaCacheKey(sourceHash: key.sourceHash, parameters: "webp 960 q80")) == nil)
            let path = cache.entryPath(for: key) ?? ""
            #expect(path.hasPrefix(folder + "/") && path.split(separator: "/").suffix(2).map(\.count) == [2, 30])
            // No temporary file is left behind.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)) ?? []
            #expect(names.count == 1)
        }
    }

    @Test func noFolderMeansNoCache() {
        let cache = MediaCache(folder: nil)
        cache.store(payload, for: key)
        #expect(cache.bytes(for: key) == nil)
    }

    @Test func aTruncatedEntryIsAMissAndIsOverwritten() throws {
        try withCache { cache, _ in
            cache.store(payload, for: key)
            try rewrite(cache.entryPath(for: key)) { $0.removeLast(3) }
            #expect(cache.bytes(for: key) == nil)
            try rewrite(cache.entryPath(for: key)) { $0 = Array($0.prefix(20)) }
            #expect(cache.bytes(for: key) == nil)
            cache.store(payload, for: key)
            #expect(cache.bytes(for: key) == payload)
        }
    }

    @Test func aCorruptedForeignOrOldEntryIsAMiss() throws {
        try withCache { cache, _ in
            cache.store(payload, for: key)
            try rewrite(cache.entryPath(for: key)) { $0[$0.count - 1] ^= 0x01 }
            #expect(cache.bytes(for: key) == nil)

            try rewrite(cache.entryPath(for: key)) { $0 = Array("<html>not an entry</html>".utf8) }
            #expect(cache.bytes(for: key) == nil)

            cache.store(payload, for: key)
            try rewrite(cache.entryPath(for: key)) { $0[8] = UInt8(MediaCacheEntry.version + 1) }
            #expect(cache.bytes(for: key) == nil)

            // Another key's whole entry where this key's should be.
            let other = MediaCacheKey(sourceHash: key.sourceHash, parameters: "jpeg 480 q82")
            cache.store(Array("other".utf8), for: other)
            let otherBytes = try Data(contentsOf: URL(fileURLWithPath: try #require(cache.entryPath(for: other))))
            try otherBytes.write(to: URL(fileURLWithPath: try #require(cache.entryPath(for: key))))
            #expect(cache.bytes(for: key) == nil)
            #expect(cache.bytes(for: other) == Array("other".utf8))
        }
    }

    @Test func survivesTheFolderBeingDeleted() throws {
        try withCache { cache, folder in
            cache.store(payload, for: key)
            try FileManager.default.removeItem(atPath: folder)
            #expect(cache.bytes(for: key) == nil)
            cache.store(payload, for: key)
            #expect(cache.bytes(for: key) == payload)
        }
    }

    @Test func aFailedWriteIsIgnored() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The cache folder's place is taken by a file: nothing can be stored, nothing fails.
        FileManager.default.createFile(atPath: root + "/media", contents: Data())
        let cache = MediaCache(folder: root + "/media")
        cache.store(payload, for: key)
        #expect(cache.bytes(for: key) == nil)
    }

    @Test func parallelStoresAndReadsSeeWholeEntries() {
        withCache { cache, _ in
            let keys = (0..<8).map { MediaCacheKey(sourceHash: ContentHash.hex("image \($0)"), parameters: "p") }
            let wrong = LockedList<Int>()
            DispatchQueue.concurrentPerform(iterations: 64) { round in
                let index = round % keys.count
                let bytes = [UInt8](repeating: UInt8(index), count: 10_000 + index)
                cache.store(bytes, for: keys[index])
                if let read = cache.bytes(for: keys[index]), read != bytes { wrong.append(round) }
            }
            #expect(wrong.items.isEmpty)
            #expect(keys.indices.allSatisfy { cache.bytes(for: keys[$0])?.count == 10_000 + $0 })
        }
    }

    @Test func headerIndexRemembersUnchangedFiles() throws {
        try withCache { cache, folder in
            let site = ((folder as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
            let image = site + "/map.png"
            FileManager.default.createFile(atPath: image, contents: Data(ImageFixtures.image(8, 8, .png)))
            var stamp = try #require(FileStamp.of(path: image))
            let header = ImageHeader(format: .png, width: 8, height: 8, orientation: 1)
            // Just written: not settled, not remembered.
            cache.storeHeader(hash: "abc", header: header, for: stamp)
            #expect(cache.header(for: stamp) == nil)

            stamp.observed += 5_000_000_000
            cache.storeHeader(hash: "abc", header: header, for: stamp)
            #expect(cache.header(for: stamp)?.hash == "abc")
            cache.saveHeaders()

            let warm = MediaCache(folder: folder)
            #expect(warm.header(for: try #require(FileStamp.of(path: image)))?.header == header)

            // Changed (another size, another time): no longer matches.
            FileManager.default.createFile(atPath: image, contents: Data(ImageFixtures.image(9, 9, .png)))
            #expect(MediaCache(folder: folder).header(for: try #require(FileStamp.of(path: image))) == nil)

            // A corrupted index is an empty one.
            try rewrite(folder + "/headers") { $0[$0.count - 2] ^= 0xFF }
            #expect(MediaCache(folder: folder).header(for: stamp) == nil)
        }
    }
}
