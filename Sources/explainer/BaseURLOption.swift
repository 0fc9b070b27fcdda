import ArgumentParser
import ExplainerKit

/// `--base-url`, shared by `build`, `preview` and `publish`: checked and normalised once, by
/// the rule `site.yml`'s `baseURL` follows (`BaseURL`), so `HTTPS://Host/x/` means what it
/// would mean there (`https://host/x`) and a bad address stops the command before it starts.
struct BaseURLOption: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help:
            "The address the site is served at (overrides site.yml's baseURL): every link follows its path, and the preview serves the site under it."
    )
    var baseURL: String?

    mutating func validate() throws {
        guard let given = baseURL else { return }
        do {
            baseURL = try BaseURL.validate(given)
        } catch {
            throw ValidationError(error.message(naming: "--base-url") + " " + BaseURL.hint)
        }
    }
}
