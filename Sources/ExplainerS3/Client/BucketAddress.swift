import ExplainerKit

/// Where a site is published: a bucket and a key prefix, from `--to s3://BUCKET[/PREFIX]`.
/// A site file at `p` is the object `PREFIX/p` (`p` without a prefix); the deployer's own
/// objects are under `PREFIX/.explainer/`, where no site path can be (`OutputFile.isSafe`
/// refuses a name starting with a dot).
public struct BucketAddress: Sendable, Hashable, CustomStringConvertible {
    /// `my-site`.
    public let bucket: String
    /// `news/2024`, without a leading or trailing slash; empty for the bucket's root.
    public let prefix: String

    /// The folder of the deployer's own objects, inside the prefix.
    static let stateFolder = ".explainer/"

    /// Reads `s3://bucket/prefix`. The prefix loses its leading, trailing and repeated
    /// slashes (`s3://b//x//y/` → `x/y`). Throws when it is not an `s3://` address, the bucket
    /// name breaks S3's rules, or a segment of the prefix is `.` or `..` or starts with a dot.
    public init(parsing text: String) throws(BuildFailure) {
        let scheme = "s3://"
        guard text.count > scheme.count, text.lowercased().hasPrefix(scheme) else {
            throw Self.failure("`\(text)` is not an s3:// address.", hint: "Write it as s3://BUCKET or s3://BUCKET/PREFIX.")
        }
        let rest = text.dropFirst(scheme.count)
        let bucket = String(rest.prefix { $0 != "/" })
        if let problem = Self.bucketProblem(bucket) {
            throw Self.failure(
                "`\(bucket)` is not a valid bucket name: \(problem).",
                hint: "Bucket names are 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.")
        }
        let segments = rest.dropFirst(bucket.count).split(separator: "/").map(String.init)
        if let bad = segments.first(where: { $0.hasPrefix(".") }) {
            throw Self.failure(
                "The prefix of `\(text)` has the segment `\(bad)`; a segment starting with a dot is not published to.",
                hint: "Use a prefix of plain names (s3://\(bucket)/site), or none.")
        }
        if let bad = segments.first(where: { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" } }) {
            throw Self.failure(
                "The prefix segment `\(bad)` holds a control character or a backslash.", hint: "Use a prefix of plain names.")
        }
        self.bucket = bucket
        self.prefix = segments.joined(separator: "/")
    }

    /// `s3://bucket/prefix` (`s3://bucket` without a prefix), as the summary line shows it.
    public var description: String {
        prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)"
    }

    /// What every key of the publish starts with: `prefix/`, or nothing (to list the site).
    public var keyPrefix: String {
        prefix.isEmpty ? "" : prefix + "/"
    }

    /// The object key of the site file at `path` (`index.html` → `prefix/index.html`).
    public func key(for path: String) -> String {
        keyPrefix + path
    }

    /// The key of a deployer object (`lock`, `manifest.json`, `previous/objects/<p>`):
    /// `prefix/.explainer/<name>`.
    public func stateKey(_ name: String) -> String {
        key(for: Self.stateFolder + name)
    }

    /// The key prefix of the deployer's objects, `prefix/.explainer/`.
    public var statePrefix: String {
        key(for: Self.stateFolder)
    }

    /// The site path of `key` (the inverse of `key(for:)`): nil for a key outside the
    /// prefix, the prefix itself, or a deployer object.
    public func path(forKey key: String) -> String? {
        guard key.hasPrefix(keyPrefix), !key.hasPrefix(statePrefix) else { return nil }
        let path = String(key.dropFirst(keyPrefix.count))
        return path.isEmpty ? nil : path
    }

    /// Why `name` cannot be a bucket (AWS's naming rules, which S3-compatible stores share),
    /// or nil when it can.
    static func bucketProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "it is empty" }
        if bytes.count < 3 || bytes.count > 63 { return "it has \(bytes.count) characters, not 3 to 63" }
        let isLowerOrDigit = { (byte: UInt8) in (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        if let bad = bytes.first(where: { !isLowerOrDigit($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") }) {
            let character = bad < 0x80 ? "`\(Character(Unicode.Scalar(bad)))`" : "a character beyond ASCII"
            return "it has \(character), and only lower-case letters, digits, dots and hyphens are allowed"
        }
        if let first = bytes.first, let last = bytes.last, !isLowerOrDigit(first) || !isLowerOrDigit(last) {
            return "it must start and end with a letter or a digit"
        }
        if name.contains("..") { return "it has two dots in a row" }
        if name.split(separator: ".").count == 4, name.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
            return "it is written like an IP address"
        }
        if name.hasPrefix("xn--") || name.hasPrefix("sthree-") { return "it starts with a reserved prefix" }
        if name.hasSuffix("-s3alias") || name.hasSuffix("--ol-s3") { return "it ends with a reserved suffix" }
        return nil
    }

    private static func failure(_ message: String, hint: String) -> BuildFailure {
        BuildFailure(Diagnostic(file: "--to", message: message, hint: hint))
    }
}
