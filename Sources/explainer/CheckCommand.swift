import ArgumentParser
import ExplainerKit

/// `explainer check`: runs the publish checks on a built site folder.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a built site: internal links and anchors, ids, titles, descriptions, sitemap and feed.")

    @Option(help: "The built site folder to check.")
    var output = "Public"

    func run() throws {
        let files: [OutputFile]
        do {
            files = try BuiltSiteReader.read(output)
        } catch {
            Terminal.report(error.diagnostics)
            throw ExitCode.failure
        }
        let problems = SiteChecker.check(files, folder: output)
        if !problems.isEmpty {
            Terminal.report(problems)
            Terminal.printError("Check failed: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(output)/.")
            throw ExitCode.failure
        }
        Terminal.printOut("Checked \(files.count) files in \(output)/: no problems.")
    }
}
