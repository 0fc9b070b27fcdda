import ArgumentParser
import ExplainerKit
import Foundation

/// `explainer init [DIR]`: makes a new site, its settings, a sample explainer and a
/// `.gitignore`, in an empty folder (or, with `--force`, adds what is missing).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a site: Content/site.yml, a sample explainer and a .gitignore.",
        discussion:
            "The folder is made if it is not there. One that holds anything but dot-files (a fresh `git init` is fine) is refused unless --force; no file is ever overwritten."
    )

    @Argument(help: "The folder to make the site in.")
    var folder = "."

    @Flag(help: "Add the site's files that are missing to a folder that is not empty (nothing is overwritten).")
    var force = false

    func run() throws {
        let outcome: ScaffoldWriter.Outcome
        do {
            outcome = try InitRunner(folder: folder, force: force, now: Date()).run()
        } catch {
            throw Terminal.fail(error, "Init", noun: "error", consequence: "Nothing was written.")
        }
        let shown = { (path: String) in folder == "." ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path }
        for path in outcome.written { Terminal.printOut("Wrote \(shown(path))") }
        for skipped in outcome.skipped {
            Terminal.printError("Skipped \(shown(skipped.path)): \(skipped.reason) (nothing is overwritten).")
        }
        if !outcome.failures.isEmpty {
            Terminal.report(outcome.failures)
            Terminal.printError("Init failed: the files listed as written are there; run explainer init --force to add the rest.")
            throw ExitCode.failure
        }
        var steps: [(String, String)] = []
        if folder != "." { steps.append(("cd \(folder)", "")) }
        steps += [
            ("edit Content/site.yml", "the site's name and address (title, baseURL)"),
            ("explainer preview", "serve the site at http://127.0.0.1:8000/, rebuilt as you write"),
            ("explainer new \"Your title\"", "start an explainer, a draft: explainer preview --drafts shows it"),
            ("explainer publish --to DIR", "build the site for production, check it and put it in DIR"),
        ]
        let width = steps.map(\.0.count).max() ?? 0
        let lines = steps.map { command, what in
            what.isEmpty ? "  " + command : "  " + command + String(repeating: " ", count: width - command.count + 2) + what
        }
        Terminal.printOut("\nNext:\n" + lines.joined(separator: "\n"))
    }
}
