import ArgumentParser
import ExplainerKit
import Foundation

/// `explainer new "Title"`: writes a new draft explainer, `Content/<slug>.md` (or a folder
/// `Content/<slug>/index.md` with `--bundle`), ready to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start an explainer: a draft in Content/ with its front matter and sections to fill in.",
        discussion:
            "The slug (its address, /<slug>/) is made from the title unless --slug gives it; a slug another explainer has (by its file, its folder or its `slug:`) is refused."
    )

    @Argument(help: "The explainer's title, in quotes.")
    var title: String

    @Option(help: "The slug, in its address (/<slug>/), instead of the one made from the title.")
    var slug: String?

    @Flag(help: "Make a folder, Content/<slug>/index.md, to keep images and files beside the text.")
    var bundle = false

    @Option(help: "The date it is first published, YYYY-MM-DD (by default today, in UTC).")
    var date: String?

    @Option(help: "The folder with site.yml and the articles.")
    var content = "Content"

    var request: NewRunner.Request {
        NewRunner.Request(title: title, slug: slug, bundle: bundle, date: date)
    }

    func validate() throws {
        if let problem = NewRunner.problem(with: request) { throw ValidationError(problem) }
    }

    func run() throws {
        let report: NewRunner.Report
        do {
            report = try NewRunner(content: content, now: Date()).run(request)
        } catch {
            throw Terminal.fail(error, "New", noun: "error", consequence: "Nothing was written.")
        }
        let preview = "explainer preview --drafts" + (content == "Content" ? "" : " --content \(content)")
        Terminal.printOut(
            "Wrote \(report.path), a draft. Preview it with `\(preview)`: it is the page /\(report.slug)/ of the site it serves.")
    }
}
