import ExplainerKit

/// The shared credentials file (`~/.aws/credentials`), read the way the AWS CLI reads it:
/// `[profile]` sections of `key = value` lines, names of keys case-insensitive, `#` and `;`
/// lines are comments. Pure: the text in, the profiles out, each value with its line.
struct AWSCredentialsFile: Sendable, Hashable {
    /// One `[name]` section.
    struct Profile: Sendable, Hashable {
        /// The 1-based line of the `[name]` header.
        var line: Int
        /// Lower-cased key → value (trimmed) and its line.
        var values: [String: Value] = [:]
    }

    /// A value and where it stands.
    struct Value: Sendable, Hashable {
        var text: String
        var line: Int
    }

    /// Profiles by name, and their names in the order the file has them.
    var profiles: [String: Profile] = [:]
    var names: [String] = []

    /// Parses the file's text; nothing in it is an error (lines it cannot read are skipped,
    /// as the CLI's parser does with what it does not know).
    init(parsing text: String) {
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingWhitespace()
                current = name
                if profiles[name] == nil {
                    profiles[name] = Profile(line: index + 1)
                    names.append(name)
                }
                continue
            }
            guard let name = current, let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            profiles[name]?.values[key] = Value(text: value, line: index + 1)
        }
    }
}
