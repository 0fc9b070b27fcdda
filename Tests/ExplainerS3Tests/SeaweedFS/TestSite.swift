import Foundation
import Testing

/// A small site in a temp folder (`Content/site.yml` and articles `a000.md`…, each linking the
/// first, so any other can be removed), and its production build on disk as the reference of
/// what a bucket should hold.
struct TestSite {
    let folder: String
    var content: String { folder + "/Content" }

    static let siteYML = """
        title: Test Site
        baseURL: https://test.example.org
        language: en
        author: Test Desk
        description: A site for tests.
        search: false
        """

    /// A site of `articles` articles; `siteYMLExtra` is appended to site.yml.
    init(articles: Int, siteYMLExtra: String = "") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("s3-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/Content", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
        try setSiteYML(extra: siteYMLExtra)
        for i in 0..<articles { try write(i) }
    }

    static func slug(_ i: Int) -> String { String(format: "a%03d", i) }

    /// The text of article `i`; `revision` > 0 changes a sentence and the `updated:` date.
    static func article(_ i: Int, revision: Int = 0) -> String {
        let updated = revision > 0 ? "updated: 2025-03-\(String(format: "%02d", min(revision, 28)))\n" : ""
        return """
            ---
            title: "Article \(i)"
            summary: "Summary of article \(i)."
            date: 2025-01-\(String(format: "%02d", i % 28 + 1))
            \(updated)tags: [Shared, Tag\(i % 5)]
            ---
            The lede of article \(i), with a [link to the site](/) and [the first one](/a000/).

            ## Background

            Some background for article \(i).

            ## Risks

            Some risks for article \(i)\(revision > 0 ? ", as of revision \(revision)" : "").
            """
    }

    func write(_ i: Int, revision: Int = 0) throws {
        try Self.article(i, revision: revision).write(
            toFile: "\(content)/\(Self.slug(i)).md", atomically: true, encoding: .utf8)
    }

    func remove(_ i: Int) throws {
        try FileManager.default.removeItem(atPath: "\(content)/\(Self.slug(i)).md")
    }

    func setSiteYML(extra: String) throws {
        try (Self.siteYML + "\n" + extra).write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
    }

    /// The production build on disk (`explainer publish --to DIR`): site path → the bytes the
    /// object must hold (the `.gz` copy when the build wrote one) and whether they are gzip.
    func reference(_ cli: PublishCLI) throws -> [String: (bytes: Data, gzip: Bool)] {
        let out = folder + "/reference-\(UUID().uuidString)"
        let run = try cli.run(["publish", "--to", out])
        try #require(run.status == 0, "the local production build failed: \(run.log)")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var files: [String: (bytes: Data, gzip: Bool)] = [:]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: out)
        for path in paths where !path.hasSuffix(".gz") && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if let gz = FileManager.default.contents(atPath: out + "/" + path + ".gz") {
                files[path] = (gz, true)
            } else {
                files[path] = (FileManager.default.contents(atPath: out + "/" + path) ?? Data(), false)
            }
        }
        return files
    }

    func delete() { try? FileManager.default.removeItem(atPath: folder) }
}
