import Dispatch
import ExplainerKit
import ExplainerS3
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

    /// A reporter for `BucketDeployer`, or nil when standard error is not a terminal:
    /// `Uploading pages: 120/3000 objects, 1.2/40.5 MB`, one line per phase.
    static func deploy() -> (@Sendable (DeployProgress) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let line = ProgressLine(label: "")
        return { progress in
            let name = progress.phase == "backups" ? "Keeping the previous versions" : "Uploading \(progress.phase)"
            let bytes =
                progress.bytesTotal > 0 ? ", \(megabytes(progress.bytesDone))/\(megabytes(progress.bytesTotal)) MB" : ""
            line.show(
                "\(name): \(progress.objectsDone)/\(progress.objectsTotal) objects\(bytes)",
                finished: progress.objectsDone >= progress.objectsTotal)
        }
    }

    /// `40.5`.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func update(_ done: Int, of total: Int) {
        show("\(label): \(done)/\(total)", finished: done >= total)
    }

    /// Shows `text` in place of the line, within the limits above; a finished one ends it.
    private func show(_ text: String, finished: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        let shown: String? = state.withLock { state in
            guard now - start > 1_000_000_000 || (finished && state.shown) else { return nil }
            guard finished || now - state.lastShown > 100_000_000 else { return nil }
            state.lastShown = now
            state.shown = true
            return "\r\u{1B}[K" + text + (finished ? "\n" : "")
        }
        // Only our own text: labels and numbers (no file names to make visible).
        if let shown { Terminal.write(shown, to: 2) }
    }
}
