import ArgumentParser
import ExplainerKit

/// The `--base-url` flag of `preview` and `publish`, checked by argument-parser.
enum BaseURLOption {
    /// Throws the `ValidationError` for a `--base-url` value that cannot be a base URL.
    static func validate(_ baseURL: String?) throws {
        if let baseURL, case .failure(let problem) = BaseURL.validate(baseURL) {
            throw ValidationError(problem.message(naming: "--base-url") + " " + BaseURL.hint)
        }
    }
}
