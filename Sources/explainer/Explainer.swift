import ArgumentParser
import ExplainerKit

/// The `explainer` command line: thin wrappers that parse flags and call ExplainerKit.
@main
struct Explainer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explainer",
        abstract: "Builds explainer sites: one article, read as a set of short linked pages.",
        version: "explainer 0.2 (\(Allocator.description))",
        subcommands: [Init.self, New.self, Build.self, Preview.self, Publish.self, Check.self, Theme.self, Cache.self],
        defaultSubcommand: Build.self
    )
}
