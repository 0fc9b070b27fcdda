import Foundation
import Testing

@testable import ExplainerKit

/// `explainer theme --list` and `--eject`, run as the binary in temporary folders.
@Suite struct ThemeCommandTests {
    static let enabled = InterruptedBuildTests.binary != nil

    static func explainer(_ arguments: [String], in folder: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try CLIProcess.output(try #require(InterruptedBuildTests.binary), arguments, in: folder)
    }

    /// The line of `listing` for the file `name`: its origin, after the padded name.
    static func origin(of name: String, in listing: String) -> String? {
        listing.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map {
            String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test(.enabled(if: enabled, "the explainer binary is not built"))
    func listWithoutTemplatesSaysEveryFileIsEmbedded() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["theme", "--list"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for file in EmbeddedTheme.files { #expect(Self.origin(of: file.name, in: run.stdout) == "embedded", "\(run.stdout)") }
        let count = EmbeddedTheme.files.count
        #expect(run.stdout.contains("\(count) files: \(count) embedded, 0 overridden, 0 site only."), "\(run.stdout)")
        #expect(run.stdout.contains("There is no Templates/ folder"), "\(run.stdout)")
        // `theme` alone lists too.
        #expect(try Self.explainer(["theme"], in: folder).stdout == run.stdout)
    }

    @Test(.enabled(if: enabled, "the explainer binary is not built"))
    func listSaysWhichFilesTheFolderOverridesOrAdds() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write(
            [
                "Templates/partials/card.mustache": "<li>{{title}}</li>\n", "Templates/assets/logo.svg": "<svg/>",
                "Templates/NOTES.txt": "x",
            ],
            into: folder)
        let run = try Self.explainer(["theme", "--list"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.origin(of: "partials/card.mustache", in: run.stdout) == "overridden by Templates/partials/card.mustache")
        #expect(Self.origin(of: "assets/logo.svg", in: run.stdout) == "site only: Templates/assets/logo.svg")
        #expect(Self.origin(of: "layout.mustache", in: run.stdout) == "embedded")
        #expect(!run.stdout.contains("NOTES.txt"), "not a theme file: \(run.stdout)")
        let count = EmbeddedTheme.files.count
        #expect(run.stdout.contains("\(count + 1) files: \(count - 1) embedded, 1 overridden, 1 site only."), "\(run.stdout)")
        // The kit's listing is what the command prints.
        let listing = try ThemeRunner(templates: folder + "/Templates").list()
        #expect(listing.files.count == count + 1 && listing.folderExists)
    }

    @Test(.enabled(if: enabled, "the explainer binary is not built"))
    func ejectWritesTheRepositorysTemplatesAndNeverOverwrites() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["theme", "--eject"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let repository = EmbeddedThemeTests.themeFiles(in: Fixtures.path("Templates"))
        let ejected = Fixtures.snapshot(folder + "/Templates")
        #expect(ejected == repository)
        #expect(run.stdout.contains("Wrote Templates/partials/card.mustache"), "\(run.stdout)")

        // Edited, then ejected again: the edit stays, the run says so and goes on.
        Fixtures.write(["Templates/layout.mustache": "edited"], into: folder)
        try FileManager.default.removeItem(atPath: folder + "/Templates/partials/pager.mustache")
        let again = try Self.explainer(["theme", "--eject"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(String(decoding: try FileSystem.read(folder + "/Templates/layout.mustache"), as: UTF8.self) == "edited")
        #expect(
            again.stderr.contains("Templates/layout.mustache: warning: This file was left as it is, since it is already there"),
            "\(again.stderr)")
        #expect(again.stdout.contains("Wrote Templates/partials/pager.mustache"), "\(again.stdout)")
        #expect(again.stdout.contains("Ejected 1 file; \(repository.count - 1) kept as they were."), "\(again.stdout)")
        #expect(Fixtures.snapshot(folder + "/Templates")["partials/pager.mustache"] == repository["partials/pager.mustache"])
    }

    @Test(.enabled(if: enabled, "the explainer binary is not built"))
    func ejectWritesOnlyTheFilesAndFoldersNamed() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["theme", "--eject", "partials/card.mustache", "assets/", "--templates", "theme"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Fixtures.snapshot(folder + "/theme").keys.sorted() == ["assets/favicon.svg", "assets/style.css", "partials/card.mustache"])
    }

    @Test(.enabled(if: enabled, "the explainer binary is not built"))
    func ejectOfAnUnknownFileFailsWithTheNearestNamesAndWritesNothing() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.explainer(["theme", "--eject", "layout.mustache", "card.mustache", "partials/pagre.mustache"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("card.mustache: error: `card.mustache` is not a file or folder of the embedded theme."), "\(run.stderr)")
        #expect(run.stderr.contains("Did you mean `partials/card.mustache`?"), "\(run.stderr)")
        #expect(run.stderr.contains("Did you mean `partials/pager.mustache`?"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Templates"))
        // Files are named only with --eject.
        #expect(try Self.explainer(["theme", "--list", "layout.mustache"], in: folder).status == 64)
    }
}
