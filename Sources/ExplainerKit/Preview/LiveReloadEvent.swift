/// A message the preview sends to open pages over Server-Sent Events.
public enum LiveReloadEvent: Sendable, Hashable {
    /// Pages changed: reload.
    case reload
    /// Only stylesheets changed: swap them without reloading.
    case css
    /// The last rebuild failed: show these diagnostics over the page.
    case error([Diagnostic])
    /// Keeps idle connections open (an SSE comment).
    case ping

    /// The event in `text/event-stream` form.
    public var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .css: return "event: css\ndata: {}\n\n"
        case .ping: return ": ping\n\n"
        case .error(let diagnostics):
            let items = diagnostics.map { d -> String in
                "{\"location\":\(Self.json(d.location)),\"severity\":\(Self.json(d.severity.rawValue)),"
                    + "\"message\":\(Self.json(d.message)),\"hint\":\(Self.json(d.hint)),"
                    + "\"text\":\(Self.json(d.description))}"
            }
            return "event: error\ndata: {\"diagnostics\":[\(items.joined(separator: ","))]}\n\n"
        }
    }

    /// A JSON string literal (one line: newlines and controls escaped).
    static func json(_ text: String) -> String {
        JSONText.string(text).rendered
    }
}
