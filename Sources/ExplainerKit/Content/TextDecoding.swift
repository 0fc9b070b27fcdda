#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into the text the pipeline works on, or says why it cannot.
///
/// Accepts UTF-8 with or without a byte-order mark and with LF or CRLF line endings (CRLF and
/// lone CR become LF, so both give the same output). Refuses binary files, other encodings and
/// files larger than `maxBytes`.
enum TextDecoding {
    /// The largest source file accepted (an explainer is a few KB; this is generous).
    static let maxBytes = 8 * 1024 * 1024

    /// The diagnostic for a source file over `maxBytes`.
    static func tooLarge(_ path: String, size: Int, folder: String) -> Diagnostic {
        Diagnostic(
            file: path, message: "The file is \(ByteCount.text(size)); the limit is \(ByteCount.limit(maxBytes)).",
            hint: "Split the article, or move large data out of \(folder).")
    }

    /// The text of `file`, or why it is not text.
    static func decode(_ file: SourceFile) throws(BuildFailure) -> String {
        try file.bytes.withUnsafeBufferPointer { all throws(BuildFailure) -> String in
            if all.count > maxBytes {
                throw BuildFailure(tooLarge(file.path, size: all.count, folder: "Content/"))
            }
            let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let bytes = UnsafeBufferPointer(rebasing: all[bom...])
            if let nul = firstIndex(of: 0, in: bytes) {
                throw BuildFailure(
                    Diagnostic(
                        file: file.path, line: position(of: nul, in: bytes).line,
                        message: "This is a binary file, not Markdown text (it contains a NUL byte).",
                        hint: "Remove it from Content/ or give it another extension than .md."))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let (line, column) = position(of: firstInvalidUTF8(in: bytes), in: bytes)
                throw BuildFailure(
                    Diagnostic(
                        file: file.path, line: line, column: column,
                        message: "The file is not valid UTF-8 text.",
                        hint: "Save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8)."))
            }
            return normalizingLineEndings(text)
        }
    }

    /// CRLF and lone CR → LF.
    static func normalizingLineEndings(_ text: String) -> String {
        var text = text
        guard let firstCR = text.withUTF8({ firstIndex(of: 0x0D, in: $0) }) else { return text }
        return text.withUTF8 { utf8 in
            var out = [UInt8]()
            out.reserveCapacity(utf8.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<firstCR]))
            var previousCR = false
            for byte in UnsafeBufferPointer(rebasing: utf8[firstCR...]) {
                if byte == 0x0D {
                    out.append(0x0A)
                    previousCR = true
                    continue
                }
                if byte == 0x0A && previousCR {
                    previousCR = false
                    continue
                }
                previousCR = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The offset of the first `byte` in `bytes` (`memchr`).
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty,
            let found = memchr(base, Int32(byte), bytes.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The offset of the first byte of `bytes` that does not start a valid UTF-8 sequence
    /// (`bytes.count` when they are all valid).
    private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < bytes.count {
            let length: Int
            switch bytes[i] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count,
                String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self) != nil
            else { return i }
            i += length
        }
        return i
    }

    /// The line and column (from 1; columns count Unicode scalars) of the byte at `offset`,
    /// the bytes before it being valid UTF-8: the one rule for where a byte of a source is.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[..<offset]) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
