import Foundation
import Testing

@testable import ExplainerKit

/// Images the media tests make for themselves: libvips patterns, a PNG written by hand (the
/// image bomb), files touched by `exiftool`.
enum ImageFixtures {
    /// A `width` × `height` pattern image in `format`.
    static func image(_ width: Int, _ height: Int, _ format: ImageFormat, noise: Int = 0) -> [UInt8] {
        guard let bytes = ImageCodec.pattern(width: width, height: height, format: format, noise: noise) else {
            Issue.record("libvips could not make a \(width)×\(height) \(format)")
            return []
        }
        return bytes
    }

    /// A PNG of only a few dozen bytes that declares `width` × `height` RGB pixels: signature,
    /// IHDR, one IDAT holding an empty zlib stream, IEND; every CRC correct.
    static func pngDeclaring(width: Int, height: Int) -> [UInt8] {
        func bigEndian(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * (3 - $0))) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(data.count) + body + bigEndian(Int(crc32(body)))
        }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    /// PNG's CRC-32 (ISO 3309), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Runs `exiftool` with `arguments`; its standard output, nil if it could not run or failed.
    static func exiftool(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// Every tag `exiftool -j -a -G1` reads in `bytes` (written to a temporary file).
    static func tags(of bytes: [UInt8], in folder: String, named name: String) -> [String: Any] {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        guard let json = exiftool(["-j", "-a", "-G1", path]),
            let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], let tags = list.first
        else {
            Issue.record("exiftool could not read \(name)")
            return [:]
        }
        return tags
    }
}
