@testable import ExplainerKit

extension Result {
    /// The failure, nil on success.
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }

    /// The value, nil on failure.
    var successValue: Success? {
        if case .success(let s) = self { return s }
        return nil
    }
}

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

/// A stage that throws `BuildFailure`, as a value to assert on: its answer, or its failure.
func outcome<Value>(_ body: () throws(BuildFailure) -> Value) -> Result<Value, BuildFailure> {
    do {
        return .success(try body())
    } catch {
        return .failure(error)
    }
}

extension Result where Failure == BuildFailure {
    /// The failure's diagnostics; none on success (the content stages give no warnings).
    var diagnostics: [Diagnostic] {
        if case .failure(let failure) = self { return failure.diagnostics }
        return []
    }
}

extension Result where Success == Article, Failure == BuildFailure {
    /// The parsed article, nil on failure.
    var article: Article? { try? get() }
}

extension Result where Success == RenderedArticle, Failure == BuildFailure {
    /// The rendered article, nil on failure.
    var article: RenderedArticle? { try? get() }
}

extension Result where Success == FrontMatter, Failure == BuildFailure {
    /// The decoded front matter, nil on failure.
    var frontMatter: FrontMatter? { try? get() }
}

extension BaseURL {
    /// Why `text` cannot be a base URL; nil when it can.
    static func problem(_ text: String) -> Problem? {
        do {
            _ = try validate(text)
            return nil
        } catch {
            return error
        }
    }
}
