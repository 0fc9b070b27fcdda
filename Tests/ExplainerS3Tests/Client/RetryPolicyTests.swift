import Testing

@testable import ExplainerS3

/// Backoff, jitter and the bounds of retrying.
@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maximumAttempts: 5, baseDelay: .milliseconds(200), maximumDelay: .seconds(1), totalTime: .seconds(10))

    @Test func backoffDoublesUpToTheMaximumWithJitter() {
        #expect(policy.delay(afterAttempt: 1, elapsed: .zero, jitter: 0) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 1, elapsed: .zero, jitter: 1) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 2, elapsed: .zero, jitter: 1) == .milliseconds(400))
        #expect(policy.delay(afterAttempt: 3, elapsed: .zero, jitter: 0.5) == .milliseconds(600))
        #expect(policy.delay(afterAttempt: 4, elapsed: .zero, jitter: 1) == .seconds(1))
    }

    @Test func attemptsAreBounded() {
        #expect(policy.delay(afterAttempt: 4, elapsed: .zero, jitter: 0) != nil)
        #expect(policy.delay(afterAttempt: 5, elapsed: .zero, jitter: 0) == nil)
        #expect(policy.delay(afterAttempt: 0, elapsed: .zero, jitter: 0) == nil)
        #expect(RetryPolicy.never.delay(afterAttempt: 1, elapsed: .zero, jitter: 0) == nil)
    }

    @Test func totalTimeIsBounded() {
        #expect(policy.delay(afterAttempt: 1, elapsed: .milliseconds(9_850), jitter: 0) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 1, elapsed: .milliseconds(9_950), jitter: 0) == nil)
    }

    @Test func jitterOutsideItsRangeIsClamped() {
        #expect(policy.delay(afterAttempt: 1, elapsed: .zero, jitter: -3) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 1, elapsed: .zero, jitter: 7) == .milliseconds(200))
    }
}
