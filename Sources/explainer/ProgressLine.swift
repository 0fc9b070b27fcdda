import Dispatch
import ExplainerKit
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error (`Encoding images: 120/3000`), rewritten in place, for
/// work that may take a while. It says nothing in its first second (quick work stays quiet),
/// at most ten times a second, and nothing at all when standard error is not a terminal.
final class ProgressLine: Sendable {
    private struct State {
        var lastShown: UInt64 = 0
        var shown = false
    }

    private let label: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex(State())

    private init(label: String) {
        self.label = label
    }

    /// A reporter for `MediaStage`, or nil when standard error is not a terminal.
    static func media() -> MediaStage.Progress? {
        guard isatty(2) == 1 else { return nil }
        let line = ProgressLine(label: "Encoding images")
        return { done, total in line.update(done, of: total) }
    }

    private func update(_ done: Int, of total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        let text: String? = state.withLock { state in
            let finished = done >= total
            guard now - start > 1_000_000_000 || (finished && state.shown) else { return nil }
            guard finished || now - state.lastShown > 100_000_000 else { return nil }
            state.lastShown = now
            state.shown = true
            return "\r\(label): \(done)/\(total)" + (finished ? "\n" : "")
        }
        // Only our own text: the label and two numbers (no file names to make visible).
        if let text { Terminal.write(text, to: 2) }
    }
}
