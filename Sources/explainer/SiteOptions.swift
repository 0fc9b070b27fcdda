import ArgumentParser
import ExplainerKit

/// The folder flags shared by every command.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder with site.yml and the articles.")
    var content = "Content"

    @Option(help: "The folder with the Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "The folder the site is written to (replaced as a whole; only an empty folder or one explainer built).")
    var output = "Public"

    var paths: BuildRunner.Paths {
        BuildRunner.Paths(content: content, templates: templates, output: output)
    }
}
