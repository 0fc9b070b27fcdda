import ArgumentParser
import Dispatch
import ExplainerKit
import ExplainerPreview
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `explainer preview`: builds the site, serves it locally, and rebuilds and reloads open
/// pages as the sources change.
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the site locally, rebuilding and reloading the browser as you write.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(help: "The address to listen on. Anything but loopback exposes your drafts to the network.")
    var host = "127.0.0.1"

    @Flag(help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include explainers dated after today (UTC), which are otherwise left out until their date.")
    var future = false

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard !host.isEmpty else { throw ValidationError("--host must be an address or a name, e.g. 127.0.0.1.") }
    }

    func run() async throws {
        if !HostPolicy.isLoopback(host) {
            Terminal.printError("warning: listening on \(host): anyone who can reach this machine can read the preview, drafts included.")
        }
        let output = site.output
        let openBrowser = open
        var configuration = PreviewServer.Configuration(
            paths: site.paths,
            settings: BuildSettings(
                includeDrafts: drafts, includeFuture: future, today: BuildSettings.day(of: Date()), baseURL: site.baseURL), host: host,
            port: port)
        configuration.progress = ProgressLine.media()
        let server = PreviewServer(
            configuration: configuration,
            report: { event in Self.print(event, output: output, openBrowser: openBrowser) })

        let task = Task { try await server.run() }
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        for source in sources {
            source.setEventHandler {
                Terminal.printError("\nStopping the preview.")
                task.cancel()
            }
            source.resume()
        }
        // Keep the signal sources alive until the server ends: an optimised build would
        // otherwise release them after their last use above, and Ctrl-C would do nothing.
        defer { sources.forEach { $0.cancel() } }
        do {
            try await task.value
        } catch let failure as BuildFailure {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }

    static func print(_ event: PreviewServer.Event, output: String, openBrowser: Bool) {
        switch event {
        case .initialBuild(let build, let ms):
            Terminal.report(build.warnings)
            let articles = build.articles.count
            line(
                "Built \(articles) article\(articles == 1 ? "" : "s"), \(build.pages.count) pages into \(output)/ in \(Int(ms.rounded())) ms."
            )
        case .initialBuildFailed(let failure, _):
            Terminal.report(failure.diagnostics)
            Terminal.printError("The first build failed; serving what \(output)/ holds. Fix the errors and save to rebuild.")
        case .listening(let url, _):
            line("Previewing at \(url) (Ctrl-C to stop). Watching for changes…")
            if openBrowser { openURL(url) }
        case .rebuild(.rebuilt(let rebuild)):
            Terminal.report(rebuild.warnings.filter { d in rebuild.changed.contains { d.file == $0 } })
            let what = describe(rebuild.changed)
            let stats = rebuild.statistics
            let scope =
                stats.fullBuild ? "full rebuild" : "\(stats.articlesRendered) article\(stats.articlesRendered == 1 ? "" : "s") re-rendered"
            var text = "\(what): \(scope), \(rebuild.pagesWritten) page\(rebuild.pagesWritten == 1 ? "" : "s") written"
            let others = rebuild.written.count - rebuild.pagesWritten
            if others > 0 { text += ", \(others) other file\(others == 1 ? "" : "s")" }
            if !rebuild.removed.isEmpty { text += ", \(rebuild.removed.count) removed" }
            text += " in \(String(format: "%.1f", rebuild.milliseconds)) ms"
            if let shown = rebuild.shownMilliseconds, shown < rebuild.milliseconds - 0.05 {
                text += " (pages shown after \(String(format: "%.1f", shown)) ms, then the search index)"
            }
            if let event = rebuild.event { text += event == .css ? " → css" : " → reload" }
            line(text + ".")
        case .rebuild(.failed(let changed, let failure, let ms)):
            Terminal.report(failure.diagnostics)
            Terminal.printError(
                "\(describe(changed)): rebuild failed in \(String(format: "%.1f", ms)) ms; still serving the last good build.")
        }
    }

    static func describe(_ changed: [String]) -> String {
        if changed == ["*"] { return "Many files changed" }
        if changed.count <= 3 { return changed.joined(separator: ", ") + " changed" }
        return "\(changed[0]) and \(changed.count - 1) other files changed"
    }

    static func line(_ text: String) {
        Terminal.printOut(text)
    }

    static func openURL(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
        process.arguments = ["open", url]
        #else
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Terminal.printError("Could not open a browser (\(error)); visit \(url).") }
    }
}
