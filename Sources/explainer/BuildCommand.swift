import ArgumentParser
import ExplainerKit
import Foundation

/// `explainer build`: builds the site into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include explainers dated after today (UTC), which are otherwise left out until their date.")
    var future = false

    func run() throws {
        let runner = BuildRunner(
            paths: site.paths,
            settings: BuildSettings(
                includeDrafts: drafts, includeFuture: future, today: BuildSettings.day(of: Date()), baseURL: site.baseURL),
            progress: ProgressLine.media())
        let report: BuildRunner.Report
        do {
            report = try runner.run()
        } catch {
            throw Terminal.fail(error, "Build", noun: "error", consequence: "\(site.outputName) was not changed.")
        }
        Terminal.report(report.warnings)
        let ms = Int((report.seconds * 1000).rounded())
        let site = "\(report.articles) article\(report.articles == 1 ? "" : "s"), \(report.pages) pages (\(report.files) files)"
        if report.unchanged {
            Terminal.printOut("Nothing changed: \(self.site.outputName) is up to date (\(site)); checked in \(ms) ms.")
        } else {
            let reused = report.reused == 0 ? "" : "; \(report.reused) unchanged explainer\(report.reused == 1 ? "" : "s") kept"
            Terminal.printOut("Built \(site) into \(self.site.outputName) in \(ms) ms\(reused).")
        }
    }
}
