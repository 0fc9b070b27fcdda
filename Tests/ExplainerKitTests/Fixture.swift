import Foundation
@testable import ExplainerKit

/// A temporary copy of the repository's sample site (Content/ and Templates/).
struct Fixture {
    let root: String

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    init() throws {
        root = NSTemporaryDirectory() + "explainer-test-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.repository + "/Content", toPath: root + "/Content")
        try fm.copyItem(atPath: Self.repository + "/Templates", toPath: root + "/Templates")
    }

    var paths: BuildRunner.Paths {
        BuildRunner.Paths(content: root + "/Content", templates: root + "/Templates", output: root + "/Public")
    }

    var article: String { root + "/Content/russia-taliban.md" }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
