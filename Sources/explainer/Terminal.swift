import ArgumentParser
import ExplainerKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Printing to the terminal: diagnostics to standard error, colored when it is a terminal.
/// Everything printed goes through here, with control characters made visible
/// (`TerminalText.visible`): a file name with an escape sequence cannot retitle or clear it.
enum Terminal {
    static let colored = isatty(2) == 1 && getenv("NO_COLOR") == nil

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            var shown = d
            shown.file = TerminalText.visible(d.file)
            shown.message = TerminalText.visible(d.message)
            shown.hint = TerminalText.visible(d.hint)
            var text = shown.description
            if colored {
                let color = d.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
                text = text.replacingFirst(": \(d.severity.rawValue):", with: ": \(color)\(d.severity.rawValue)\u{1B}[0m:")
            }
            write(text + "\n", to: 2)
        }
    }

    /// Prints a failure's diagnostics and a closing line, e.g. "Build failed: 2 errors. …",
    /// and returns the exit code to throw.
    static func fail(_ failure: BuildFailure, _ what: String, noun: String, consequence: String) -> ExitCode {
        report(failure.diagnostics)
        let count = failure.diagnostics.filter { $0.severity == .error }.count
        printError("\(what) failed: \(count) \(noun)\(count == 1 ? "" : "s"). \(consequence)")
        return ExitCode.failure
    }

    /// Prints `text` (it may hold line breaks) to standard error.
    static func printError(_ text: String) {
        write(TerminalText.visible(text, keepingNewlines: true) + "\n", to: 2)
    }

    /// Prints `text` (it may hold line breaks) to standard output.
    static func printOut(_ text: String) {
        write(TerminalText.visible(text, keepingNewlines: true) + "\n", to: 1)
    }

    static func write(_ text: String, to fd: Int32) {
        var line = text
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
