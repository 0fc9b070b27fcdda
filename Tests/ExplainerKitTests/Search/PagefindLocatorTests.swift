import Foundation
import Testing

@testable import ExplainerKit

/// Finding Pagefind: the variable, `PATH`, the version check, and the error when it is missing.
@Suite struct PagefindLocatorTests {
    @Test func missingPagefindIsAnErrorSayingHowToInstallIt() throws {
        let failure = try #require(thrownFailure { try Pagefind.locate(environment: SearchFixtures.withoutPagefind()) })
        let problem = try #require(failure.diagnostics.first)
        #expect(problem.message.contains("pagefind") && problem.message.contains("not found"), "\(problem)")
        #expect(problem.hint.contains("pip install pagefind-bin==1.5.2"), "\(problem)")
        #expect(problem.hint.contains("search: false") && problem.hint.contains("EXPLAINER_PAGEFIND"), "\(problem)")
    }

    @Test func theVariableMustNameAProgram() throws {
        let environment = ["EXPLAINER_PAGEFIND": "/nonexistent/pagefind", "PATH": "/usr/bin:/bin"]
        let failure = try #require(thrownFailure { try Pagefind.locate(environment: environment) })
        #expect(failure.diagnostics.first?.message.contains("/nonexistent/pagefind") == true, "\(failure)")
    }

    @Test func anotherVersionIsAWarning() throws {
        let located = try Pagefind.locate(environment: try SearchFixtures.fakePagefind(version: "9.9.9"))
        #expect(located.pagefind.version == "9.9.9")
        let warning = try #require(located.warnings.first)
        #expect(warning.severity == .warning && warning.message.contains("9.9.9") && warning.message.contains("1.5.2"), "\(warning)")
    }

    @Test func aProgramThatDoesNotSayItsVersionIsAnError() throws {
        let environment = try SearchFixtures.fakePagefind(version: "")
        // `pagefind ` with no version: not what pagefind prints.
        #expect(thrownFailure { try Pagefind.locate(environment: environment) } != nil)
    }

    @Test func thePinnedVersionIsFoundWithoutWarnings() throws {
        // Scripts/setup.sh installs it; the variable, PATH or python3 finds it.
        let located = try Pagefind.locate()
        #expect(located.pagefind.version == Pagefind.pinnedVersion)
        #expect(located.warnings.isEmpty)
    }
}
