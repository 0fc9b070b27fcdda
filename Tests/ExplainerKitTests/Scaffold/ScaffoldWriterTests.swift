import Foundation
import Testing

@testable import ExplainerKit

/// The one writer of `init` and `new`: it makes what is missing, never replaces a file, never
/// follows a symlink out of the folder, and says what it skipped.
@Suite struct ScaffoldWriterTests {
    static let files = [
        ScaffoldFile(path: "Content/site.yml", text: "title: T\n"),
        ScaffoldFile(path: "Content/a/index.md", text: "A\n"),
        ScaffoldFile(path: ".gitignore", text: "Public/\n"),
    ]

    @Test func writesFilesAndTheirFolders() throws {
        let base = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/new/site"
        let outcome = ScaffoldWriter.write(Self.files, into: folder)
        #expect(outcome.written == Self.files.map(\.path))
        #expect(outcome.skipped.isEmpty && outcome.failures.isEmpty)
        for file in Self.files {
            #expect(try String(contentsOfFile: folder + "/" + file.path, encoding: .utf8) == file.text)
        }
    }

    @Test func neverReplacesAFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Content/site.yml": "mine\n"], into: folder)
        let outcome = ScaffoldWriter.write(Self.files, into: folder)
        #expect(outcome.written == ["Content/a/index.md", ".gitignore"])
        #expect(outcome.skipped == [ScaffoldWriter.Skipped(path: "Content/site.yml", reason: "it is already there")])
        #expect(try String(contentsOfFile: folder + "/Content/site.yml", encoding: .utf8) == "mine\n")
        // A second run skips everything and changes nothing.
        let again = ScaffoldWriter.write(Self.files, into: folder)
        #expect(again.written.isEmpty && again.skipped.count == 3 && again.failures.isEmpty)
    }

    /// A symlink, to a folder outside or to a file that is not there, is never written through.
    @Test func neverFollowsASymlink() throws {
        let folder = Fixtures.temporaryFolder()
        let outside = Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: outside)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/Content", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder + "/.gitignore", withDestinationPath: outside + "/made")
        let outcome = ScaffoldWriter.write(Self.files, into: folder)
        #expect(outcome.written.isEmpty)
        #expect(outcome.skipped.map(\.path) == Self.files.map(\.path))
        #expect(outcome.skipped[0].reason == "\(folder)/Content is a symlink (never followed)")
        #expect(FileSystem.listFiles(outside).isEmpty)
    }

    @Test func aFileWhereAFolderGoesIsSkipped() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["Content": "a file\n"], into: folder)
        let outcome = ScaffoldWriter.write(Self.files, into: folder)
        #expect(outcome.written == [".gitignore"])
        #expect(outcome.skipped.first?.reason == "\(folder)/Content is a file, not a folder")
    }

    @Test func aFolderThatCannotBeMadeIsAFailure() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(["taken": "a file\n"], into: folder)
        let outcome = ScaffoldWriter.write(Self.files, into: folder + "/taken/site")
        #expect(outcome.written.isEmpty)
        #expect(outcome.failures.first?.message.contains("Not a directory") == true, "\(outcome.failures)")
    }

    @Test func refusesPathsThatLeaveTheFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = ScaffoldWriter.write(
            [
                ScaffoldFile(path: "../escape.md", text: ""), ScaffoldFile(path: "/abs.md", text: ""),
                ScaffoldFile(path: "a//b.md", text: ""),
            ],
            into: folder + "/site")
        #expect(outcome.written.isEmpty && outcome.failures.count == 3)
        #expect(!FileManager.default.fileExists(atPath: folder + "/escape.md"))
    }
}
