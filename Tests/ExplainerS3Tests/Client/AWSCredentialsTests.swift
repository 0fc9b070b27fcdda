import ExplainerKit
import Foundation
import Testing

@testable import ExplainerS3

/// Where the access key is found, and what is said when it is not.
@Suite struct AWSCredentialsTests {
    /// A temporary home with `~/.aws/credentials` holding `text` (none when nil).
    func home(credentials text: String?) throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("aws-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        if let text { try text.write(toFile: home + "/.aws/credentials", atomically: true, encoding: .utf8) }
        return home
    }

    func failure(_ environment: [String: String], home: String?) -> Diagnostic? {
        do {
            _ = try AWSCredentials.resolve(environment: environment, home: home)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func environmentComesFirst() throws {
        let home = try home(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let credentials = try AWSCredentials.resolve(
            environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "tok"], home: home)
        #expect(credentials.accessKeyID == "ENVKEY")
        #expect(credentials.secretAccessKey == "envsecret")
        #expect(credentials.sessionToken == "tok")
        #expect(credentials.source == "the environment")
    }

    @Test func keyWithoutSecretInTheEnvironmentIsAnError() {
        let diagnostic = failure(["AWS_ACCESS_KEY_ID": "ENVKEY"], home: nil)
        #expect(diagnostic?.message.contains("AWS_SECRET_ACCESS_KEY is not") == true)
        #expect(failure(["AWS_SECRET_ACCESS_KEY": "s"], home: nil)?.message.contains("AWS_ACCESS_KEY_ID is not") == true)
    }

    @Test func profileFromTheCredentialsFile() throws {
        let home = try home(
            credentials: """
                # comment
                [default]
                aws_access_key_id = DEFAULTKEY
                aws_secret_access_key = defaultsecret

                [news]
                AWS_ACCESS_KEY_ID=NEWSKEY
                aws_secret_access_key = news/secret+x=
                aws_session_token = newstoken
                """)
        let standard = try AWSCredentials.resolve(environment: [:], home: home)
        #expect(standard.accessKeyID == "DEFAULTKEY")
        #expect(standard.source.hasSuffix(".aws/credentials [default]"))
        let news = try AWSCredentials.resolve(environment: ["AWS_PROFILE": "news"], home: home)
        #expect(news.accessKeyID == "NEWSKEY")
        #expect(news.secretAccessKey == "news/secret+x=")
        #expect(news.sessionToken == "newstoken")
    }

    @Test func sharedCredentialsFileVariableIsRead() throws {
        let home = try home(credentials: nil)
        let path = home + "/elsewhere"
        try "[default]\naws_access_key_id = K\naws_secret_access_key = S\n".write(toFile: path, atomically: true, encoding: .utf8)
        let credentials = try AWSCredentials.resolve(environment: ["AWS_SHARED_CREDENTIALS_FILE": path], home: "/nonexistent")
        #expect(credentials.accessKeyID == "K")
        #expect(credentials.source == "\(path) [default]")
    }

    @Test func noCredentialsAnywhereSaysWhereItLooked() throws {
        let home = try home(credentials: nil)
        let diagnostic = failure([:], home: home)
        #expect(diagnostic?.message.contains("No AWS credentials") == true)
        #expect(diagnostic?.message.contains(home + "/.aws/credentials") == true)
        #expect(diagnostic?.hint.contains("AWS_ACCESS_KEY_ID") == true)
        #expect(failure([:], home: nil)?.message.contains("HOME") == true)
    }

    @Test func missingProfileListsTheKnownOnes() throws {
        let home = try home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n[ci]\n")
        let diagnostic = failure(["AWS_PROFILE": "prod"], home: home)
        #expect(diagnostic?.message.contains("`prod` is not in") == true)
        #expect(diagnostic?.message.contains("[default], [ci]") == true)
    }

    @Test func keyWithoutSecretInTheFileIsAnErrorAtItsLine() throws {
        let home = try home(credentials: "[default]\n\naws_access_key_id = K\n")
        let diagnostic = failure([:], home: home)
        #expect(diagnostic?.message == "The AWS profile [default] has no aws_secret_access_key.")
        #expect(diagnostic?.location.hasSuffix("/.aws/credentials:3") == true)
    }

    @Test func printingNeverShowsTheSecret() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "SESSIONTOKEN",
            source: "the environment")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), dumped] {
            #expect(!text.contains("wJalrXUtnFEMI"))
            #expect(!text.contains("SESSIONTOKEN"))
            #expect(!text.contains("AKIAIOSFODNN7"))
        }
        #expect(credentials.description == "access key …MPLE from the environment (with a session token)")
    }
}
