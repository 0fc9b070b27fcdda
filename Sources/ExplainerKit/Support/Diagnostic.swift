/// One problem found in an author's input: where it is, what is wrong, and what to do about it.
///
/// Diagnostics are values so that a build can collect every problem of every file and report
/// them together. `description` renders the conventional `file:line:column: error: message`
/// form that editors and terminals link to.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var severity: Severity
    /// The file the problem is in, as the user would type it (relative to the working folder).
    package var file: String
    /// 1-based line, where known.
    var line: Int?
    /// 1-based column, where known.
    var column: Int?
    /// What is wrong, in one sentence.
    package var message: String
    /// What to do about it, in one sentence (may be empty).
    package var hint: String

    package init(
        _ severity: Severity = .error,
        file: String,
        line: Int? = nil,
        column: Int? = nil,
        message: String,
        hint: String = ""
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column` (as much of it as is known).
    package var location: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location
    }

    /// `file:line:column: error: message (hint)`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if !hint.isEmpty { text += "\n    hint: \(hint)" }
        return text
    }
}

/// A failed build step: one or more diagnostics, at least one of them an error.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
