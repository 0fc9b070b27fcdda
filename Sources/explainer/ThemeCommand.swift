import ArgumentParser
import ExplainerKit

/// `explainer theme`: which theme files come from where (`--list`), and writing the embedded
/// ones into the templates folder to edit (`--eject`).
struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the theme's files (embedded in explainer, or from Templates/), or eject embedded ones to edit.",
        discussion: """
            The templates and assets are built into explainer. A file in the templates folder \
            replaces the embedded file of the same name; every other file stays embedded. \
            `--eject` writes embedded files there to edit, and never overwrites a file.
            """)

    @Flag(help: "List every file of the theme and where it comes from (the default).")
    var list = false

    @Flag(help: "Write the embedded files named (or all of them) into the templates folder; existing files are kept.")
    var eject = false

    @Argument(help: "With --eject: files or folders of the theme, e.g. partials/card.mustache or assets.")
    var files: [String] = []

    @Option(help: "The templates folder.")
    var templates = "Templates"

    func validate() throws {
        if list && eject { throw ValidationError("Pass --list or --eject, not both.") }
        if !eject && !files.isEmpty {
            throw ValidationError("Files are named only with --eject, e.g. explainer theme --eject \(files[0]).")
        }
    }

    func run() throws {
        let runner = ThemeRunner(templates: templates)
        do {
            if eject {
                let report = try runner.eject(files)
                for path in report.written { Terminal.printOut("Wrote \(path)") }
                Terminal.report(report.kept + report.failures)
                let kept = report.kept.isEmpty ? "" : "; \(report.kept.count) kept as they were"
                Terminal.printOut("Ejected \(report.written.count) file\(report.written.count == 1 ? "" : "s")\(kept).")
                if !report.failures.isEmpty { throw ExitCode.failure }
            } else {
                let listing = try runner.list()
                Terminal.report(listing.warnings)
                Terminal.printOut(listing.text)
            }
        } catch let failure as BuildFailure {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
