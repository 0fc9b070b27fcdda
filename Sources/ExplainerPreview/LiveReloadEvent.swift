import ExplainerKit

/// A message the preview sends to open pages over Server-Sent Events.
public enum LiveReloadEvent: Sendable, Hashable {
    /// Pages changed: reload.
    case reload
    /// Only stylesheets changed: swap them without reloading.
    case css
    /// The last rebuild failed: show these diagnostics over the page.
    case error([Diagnostic])
    /// The last build succeeded with these warnings (none: hide the warnings shown).
    case warnings([Diagnostic])
    /// Keeps idle connections open (an SSE comment).
    case ping

    /// The event in `text/event-stream` form.
    public var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .css: return "event: css\ndata: {}\n\n"
        case .ping: return ": ping\n\n"
        case .error(let diagnostics): return Self.event("error", diagnostics)
        case .warnings(let diagnostics): return Self.event("warnings", diagnostics)
        }
    }

    private static func event(_ name: String, _ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d -> String in
            "{\"location\":\(json(d.location)),\"severity\":\(json(d.severity.rawValue)),"
                + "\"message\":\(json(d.message)),\"hint\":\(json(d.hint)),"
                + "\"text\":\(json(d.description))}"
        }
        return "event: \(name)\ndata: {\"diagnostics\":[\(items.joined(separator: ","))]}\n\n"
    }

    /// A JSON string literal (one line: newlines and controls escaped).
    static func json(_ text: String) -> String {
        JSONText.string(text).rendered
    }
}
