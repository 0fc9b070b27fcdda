import Testing

@testable import ExplainerKit

/// `FolderPath`: the one way a path inside a folder is written, and the folder's spelling
/// without trailing slashes.
@Suite struct FolderPathTests {
    @Test func joinsWithOneSlash() {
        #expect(FolderPath("Public").appending("a/index.html") == "Public/a/index.html")
        #expect(FolderPath("Public/").appending("a") == "Public/a")
        #expect(FolderPath("Public//").appending("a") == "Public/a")
        #expect(FolderPath("/").appending("srv") == "/srv")
        #expect(FolderPath("").appending("a/b") == "a/b")
        #expect(FolderPath("assets").folder("img").appending("x.svg") == "assets/img/x.svg")
    }

    @Test func dropsTrailingSlashesButKeepsTheRoot() {
        #expect(FolderPath("Public/").path == "Public")
        #expect(FolderPath("link//").path == "link")
        #expect(FolderPath("/").path == "/")
        #expect(FolderPath("//").path == "/")
        #expect(FolderPath(".").path == ".")
    }

    @Test func holdsItselfAndWhatIsBelowByBytes() {
        let folder = FolderPath("/srv/site")
        #expect(folder.holds("/srv/site"))
        #expect(folder.holds("/srv/site/a"))
        #expect(!folder.contains("/srv/site"))
        #expect(!folder.holds("/srv/sites"))
        #expect(!folder.holds("/srv"))
        // The same name in another Unicode form is another folder on Linux.
        #expect(!FolderPath("/srv/caf\u{E9}").holds("/srv/cafe\u{301}/a"))
        #expect(FolderPath("/").contains("/anything"))
    }
}
