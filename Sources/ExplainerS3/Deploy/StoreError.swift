/// Why a bucket operation failed, in terms the deployer (and the user) can act on. The S3
/// client maps HTTP statuses and S3 error codes to these; `message` is what to print, and it
/// never contains a credential.
public enum StoreError: Error, Sendable, Hashable {
    /// A conditional write found the condition false (HTTP 412, or 409 for a racing write).
    case preconditionFailed(key: String)
    /// The bucket does not exist (`NoSuchBucket`).
    case noSuchBucket(String)
    /// The credentials were refused: `InvalidAccessKeyId`, `SignatureDoesNotMatch`,
    /// `AccessDenied` (HTTP 403), with the server's code and message.
    case denied(code: String, message: String)
    /// The machine's clock is too far from the server's (`RequestTimeTooSkewed`).
    case clockSkew(message: String)
    /// The endpoint answered, but not like S3 (not XML where S3 answers XML, an HTML page…).
    case notS3(endpoint: String, detail: String)
    /// The request could not be made or had no answer, after every retry (refused
    /// connection, DNS, TLS, timeout).
    case unreachable(endpoint: String, detail: String)
    /// Any other error answer, after every retry: the HTTP status and S3's code and message.
    case failed(status: Int, code: String, message: String)
}
