import ExplainerKit
import Foundation

/// The access key a publish signs its requests with. Found, as the AWS CLI finds it, in
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), else in the shared
/// credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`) under the
/// profile `AWS_PROFILE` (else `default`). Printing it in any way (`description`, `dump`, a
/// debugger) shows where it came from and the last four characters of the key id only.
public struct AWSCredentials: Sendable, Hashable {
    /// `AKIAIOSFODNN7EXAMPLE`.
    let accessKeyID: String
    let secretAccessKey: String
    /// The token of temporary credentials (`x-amz-security-token`), if any.
    let sessionToken: String?
    /// Where they were found: `the environment`, `~/.aws/credentials [default]`.
    public let source: String

    init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    /// The credentials `environment` names, or those of the profile in the credentials file
    /// under `home`. Throws a diagnostic that says what is missing and where it was looked for.
    public static func resolve(environment: [String: String], home: String?) throws(BuildFailure) -> AWSCredentials {
        let value = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        switch (value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY")) {
        case let (key?, secret?):
            return AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"), source: "the environment")
        case (.some, nil):
            throw failure(
                "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.",
                hint: "Set both (and AWS_SESSION_TOKEN for temporary credentials), or unset AWS_ACCESS_KEY_ID to use ~/.aws/credentials.")
        case (nil, .some):
            throw failure(
                "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not.",
                hint: "Set both, or unset AWS_SECRET_ACCESS_KEY to use ~/.aws/credentials.")
        case (nil, nil):
            break
        }
        let profile = value("AWS_PROFILE") ?? "default"
        let path: String
        if let file = value("AWS_SHARED_CREDENTIALS_FILE") {
            path = file
        } else if let home = home.flatMap({ $0.isEmpty ? nil : $0 }) {
            path = (home.hasSuffix("/") ? home : home + "/") + ".aws/credentials"
        } else {
            throw failure(
                "AWS_ACCESS_KEY_ID", "No AWS credentials: AWS_ACCESS_KEY_ID is not set, and without HOME there is no ~/.aws/credentials.",
                hint: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_SHARED_CREDENTIALS_FILE.")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw failure(
                path, "No AWS credentials: AWS_ACCESS_KEY_ID is not set and \(path) does not exist.",
                hint:
                    "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or write aws_access_key_id and aws_secret_access_key under [\(profile)] in \(path)."
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: 1 << 20)
        } catch {
            throw failure(
                path, "Could not read the AWS credentials: \(error.description).",
                hint: "Check the file's permissions, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead.")
        }
        return try credentials(in: AWSCredentialsFile(parsing: String(decoding: bytes, as: UTF8.self)), profile: profile, path: path)
    }

    /// The credentials of `profile` in a parsed file at `path` (named in the errors).
    static func credentials(in file: AWSCredentialsFile, profile: String, path: String) throws(BuildFailure) -> AWSCredentials {
        guard let section = file.profiles[profile] else {
            let known = file.names.isEmpty ? "it has no profile" : "its profiles: " + file.names.map { "[\($0)]" }.joined(separator: ", ")
            throw failure(
                path, "The AWS profile `\(profile)` is not in \(path) (\(known)).",
                hint:
                    "Set AWS_PROFILE to one of its profiles, or add a [\(profile)] section with aws_access_key_id and aws_secret_access_key."
            )
        }
        let key = section.values["aws_access_key_id"].flatMap { $0.text.isEmpty ? nil : $0 }
        let secret = section.values["aws_secret_access_key"].flatMap { $0.text.isEmpty ? nil : $0 }
        guard let key, let secret else {
            let missing = key == nil ? "aws_access_key_id" : "aws_secret_access_key"
            let line = key?.line ?? secret?.line ?? section.line
            throw BuildFailure(
                Diagnostic(
                    file: path, line: line, message: "The AWS profile [\(profile)] has no \(missing).",
                    hint: "Add `\(missing) = …` to [\(profile)] (both the key id and the secret are needed)."))
        }
        let token = section.values["aws_session_token"].flatMap { $0.text.isEmpty ? nil : $0.text }
        return AWSCredentials(accessKeyID: key.text, secretAccessKey: secret.text, sessionToken: token, source: "\(path) [\(profile)]")
    }

    private static func failure(_ file: String, _ message: String, hint: String) -> BuildFailure {
        BuildFailure(Diagnostic(file: file, message: message, hint: hint))
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `access key …MPLE from the environment (with a session token)`: never the secret, the
    /// token or the whole key id.
    public var description: String {
        "access key …\(accessKeyID.suffix(4)) from \(source)" + (sessionToken == nil ? "" : " (with a session token)")
    }

    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the description alone.
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
