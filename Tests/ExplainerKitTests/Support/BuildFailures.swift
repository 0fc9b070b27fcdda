@testable import ExplainerKit

/// The `BuildFailure` that `body` throws, or nil when it succeeds (or throws another error):
/// for tests that look at a failed build's diagnostics.
func thrownFailure<Value>(_ body: () throws -> Value) -> BuildFailure? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? BuildFailure
    }
}
