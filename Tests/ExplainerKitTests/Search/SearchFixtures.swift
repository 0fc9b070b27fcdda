import Foundation
import Testing

@testable import ExplainerKit

/// Sites, environments and readers of Pagefind's bundle for the search tests.
enum SearchFixtures {
    /// An environment in which no Pagefind can be found: `PATH` is an empty folder.
    static func withoutPagefind() -> [String: String] {
        ["PATH": Fixtures.temporaryFolder()]
    }

    /// An environment whose `PATH` holds only a fake `pagefind` that prints `version`.
    static func fakePagefind(version: String) throws -> [String: String] {
        let folder = Fixtures.temporaryFolder()
        let path = folder + "/pagefind"
        try "#!/bin/sh\necho 'pagefind \(version)'\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return ["PATH": folder]
    }

    /// The tests' site.yml with search on.
    static let siteYML = Fixtures.siteYML + "\nsearch: true\n"

    /// Two explainers on disk (`alpha`, `beta`), with the repository's templates.
    static func site(siteYML: String = SearchFixtures.siteYML) -> String {
        Fixtures.siteOnDisk(
            articles: ["alpha.md": Fixtures.article(title: "Alpha"), "beta.md": Fixtures.article(title: "Beta", date: "2025-02-03")],
            siteYML: siteYML)
    }

    static func paths(_ folder: String, output: String = "Public") -> BuildRunner.Paths {
        BuildRunner.Paths(
            content: folder + "/Content", templates: folder + "/Templates", output: folder + "/" + output, cache: nil)
    }

    /// Pagefind's fragments in `bundle` (one per indexed page), each as its JSON object.
    static func fragments(_ bundle: [String: [UInt8]]) throws -> [[String: Any]] {
        try bundle.keys.sorted().filter { $0.hasSuffix(".pf_fragment") }.map { path in
            let text = try gunzip(try #require(bundle[path]))
            let json = try #require(text.hasPrefix("pagefind_dcd") ? String(text.dropFirst("pagefind_dcd".count)) : nil)
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
    }

    /// `bytes` gunzipped (by `gzip -dc`), as text.
    static func gunzip(_ bytes: [UInt8]) throws -> String {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/in.gz"
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", input]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The files below `pagefind/` of a built folder, by path inside the output folder.
    static func bundle(in output: String) -> [String: [UInt8]] {
        Fixtures.snapshot(output).filter { $0.key.hasPrefix("pagefind/") }
    }
}
