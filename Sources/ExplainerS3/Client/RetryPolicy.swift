/// When a failed request is tried again: exponential backoff with jitter, a bounded number of
/// attempts and a bounded total time. What is worth retrying is decided by the error mapping
/// (`S3ErrorMapping`: 5xx but 501, 429, 408, `SlowDown`, S3's `RequestTimeout`, timeouts,
/// refused or dropped connections); this only decides how long to wait, or to stop.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maximumAttempts: Int
    /// The wait after the first failure, before jitter; it doubles after each further one.
    public var baseDelay: Duration
    /// The longest wait between two attempts.
    public var maximumDelay: Duration
    /// No attempt starts later than this after the first one started.
    public var totalTime: Duration

    public init(
        maximumAttempts: Int = 5, baseDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(5),
        totalTime: Duration = .seconds(120)
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.totalTime = totalTime
    }

    /// No retry at all (tests, probes).
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// How long to wait before the next attempt, after `attempt` (1-based) attempts failed
    /// with a retryable error and `elapsed` has passed since the first began; nil to stop.
    /// `jitter` in `0..<1` (random in use, fixed in tests) picks the wait between half the
    /// backoff and the whole of it, so parallel uploads that failed together spread out.
    public func delay(afterAttempt attempt: Int, elapsed: Duration, jitter: Double) -> Duration? {
        guard attempt >= 1, attempt < maximumAttempts else { return nil }
        var backoff = baseDelay
        for _ in 1..<attempt where backoff < maximumDelay { backoff *= 2 }
        backoff = min(backoff, maximumDelay)
        let wait = backoff / 2 + backoff / 2 * min(max(jitter, 0), 1)
        return elapsed + wait <= totalTime ? wait : nil
    }
}
