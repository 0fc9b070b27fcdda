import Foundation
import ArgumentParser
import ExplainerKit
#if canImport(Glibc)
import Glibc
#endif

/// Printing to the terminal: diagnostics to standard error, colored when it is a terminal.
enum Terminal {
    static let colored = isatty(2) == 1 && getenv("NO_COLOR") == nil

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            var text = d.description
            if colored {
                let color = d.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
                text = text.replacingFirst(": \(d.severity.rawValue):", with: ": \(color)\(d.severity.rawValue)\u{1B}[0m:")
            }
            printError(text)
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

    static func printError(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
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
