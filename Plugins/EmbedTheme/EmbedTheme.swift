import Foundation
import PackagePlugin

/// The build-tool plugin that embeds the default theme: before `ExplainerKit` compiles, it
/// runs `theme-embedder` over the package's `Templates/` folder, which writes one Swift file
/// (`EmbeddedThemeFiles.swift`, in the plugin's work folder) holding every file of it. The
/// folder is the one source of the theme: nothing is copied by hand.
///
/// The command's inputs are the folder, its subfolders and their files, as they were when
/// SwiftPM last asked the plugin (which it does when the package's structure changes: its
/// targets' folders, Package.swift). A file changed runs the tool again (its time changes), so
/// does a file added or removed (its folder's time changes), and the tool lists the folder
/// itself. After a file of `Templates/` is removed, SwiftPM reports it as a missing input
/// until it asks the plugin again: `touch Package.swift` makes it (see docs/theme.md).
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme from Templates",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [templates.path, output.path],
                inputFiles: [templates] + Self.entries(below: templates),
                outputFiles: [output])
        ]
    }

    /// The files and folders below `folder`, sorted; hidden ones (`.DS_Store`) left out, as
    /// the tool leaves them out.
    static func entries(below folder: URL) -> [URL] {
        guard
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        return walker.compactMap { $0 as? URL }.sorted { $0.path < $1.path }
    }
}
