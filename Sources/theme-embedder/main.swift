// theme-embedder: turns a theme folder (the package's `Templates/`) into one Swift source
// file, the embedded default theme. Run by the EmbedTheme build-tool plugin before
// ExplainerKit compiles:
//
//     theme-embedder <theme folder> <output .swift file>
//
// Every regular file below the folder (hidden names skipped) becomes one entry of `EmbeddedTheme.generatedFiles`, in the order of the names'
// UTF-8 bytes: a text file as a raw string literal (quick to compile, readable in the
// generated file), any other as base64. The output is written only when it changes, so an
// unchanged theme recompiles nothing.

import Foundation

/// One file of the theme folder: its path below the folder and its bytes.
struct ThemeSourceFile {
    var name: String
    var bytes: [UInt8]
}

/// Whether `bytes` can be a raw string literal that gives them back exactly: UTF-8 with no
/// control character but tab and line feed (a carriage return would be read as a line break,
/// which Swift normalises; other controls are not allowed in source).
func isPlainText(_ bytes: [UInt8]) -> Bool {
    guard String(validating: bytes, as: UTF8.self) != nil else { return false }
    return !bytes.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F }
}

/// `text` as a multi-line raw string literal with enough `#`s that nothing inside ends it or
/// escapes: the literal's value is `text`, byte for byte.
func rawLiteral(_ text: String) -> String {
    var longest = 0
    var run = 0
    for byte in text.utf8 {
        run = byte == UInt8(ascii: "#") ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    // The line break before the closing delimiter is not part of the value.
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// `text` as an ordinary one-line string literal.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// The regular files below `folder`, sorted by the UTF-8 bytes of their names. Hidden names
/// and anything but regular files and folders (symlinks, sockets) are left out, with a note.
func files(below folder: String) throws -> [ThemeSourceFile] {
    var found: [ThemeSourceFile] = []
    func walk(_ relative: String) throws {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(folder + "/" + child, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(child)
            case S_IFREG:
                let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + child))
                found.append(ThemeSourceFile(name: child, bytes: [UInt8](data)))
            default:
                FileHandle.standardError.write(Data("theme-embedder: skipped \(child): not a regular file\n".utf8))
            }
        }
    }
    try walk("")
    return found.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
}

/// The Swift source of the embedded theme made of `files`.
func generatedSource(_ files: [ThemeSourceFile]) -> String {
    var out = """
        // Generated at build time by theme-embedder (the EmbedTheme plugin) from Templates/.
        // Do not edit: change the files of Templates/, the one source of the default theme.

        extension EmbeddedTheme {
            /// Every file of Templates/ when explainer was built, sorted by name.
            static let generatedFiles: [Stored] = [

        """
    for file in files {
        if isPlainText(file.bytes) {
            out += ".text(\(quoted(file.name)), \(rawLiteral(String(decoding: file.bytes, as: UTF8.self)))),\n"
        } else {
            out += ".base64(\(quoted(file.name)), \"\(Data(file.bytes).base64EncodedString())\"),\n"
        }
    }
    out += "]\n}\n"
    return out
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: theme-embedder <theme folder> <output .swift file>\n".utf8))
    exit(64)
}
do {
    let source = generatedSource(try files(below: arguments[1]))
    let output = URL(fileURLWithPath: arguments[2])
    if (try? Data(contentsOf: output)) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("theme-embedder: \(error)\n".utf8))
    exit(1)
}
