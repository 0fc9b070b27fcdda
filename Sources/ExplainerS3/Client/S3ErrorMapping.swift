import AsyncHTTPClient
import Foundation
import NIOCore

/// One attempt's failure: the error to report, and whether another attempt may succeed.
struct S3Failure: Error, Sendable, Hashable {
    var error: StoreError
    var retryable: Bool
}

/// What an error answer (or no answer) means, in `StoreError`'s terms, and whether it is worth
/// another attempt. Retried: 5xx (but 501, which says the request is not supported), 429,
/// 408, the codes of a busy or timed-out S3 (`SlowDown`, `InternalError`, S3's own 400
/// `RequestTimeout`…) and every failure to get an answer. Never retried: any other 4xx — wrong
/// credentials, a clock-skew error, a missing bucket, a failed condition — nor an answer that
/// is not S3's. Pure: the answer and the time in, the failure out.
enum S3ErrorMapping {
    /// S3's codes for "try again later", whatever the status.
    static let retryableCodes: Set<String> = [
        "SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "Throttling", "ThrottlingException",
        "RequestThrottled", "RequestLimitExceeded", "BandwidthLimitExceeded",
    ]

    /// The codes of refused credentials or permissions.
    static let deniedCodes: Set<String> = [
        "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "TokenRefreshRequired",
        "InvalidSecurity", "AllAccessDisabled", "AccountProblem", "InvalidClientTokenId", "UnrecognizedClientException",
    ]

    /// How far the server's `Date` may be from ours before a bare 403 is taken for a skewed
    /// clock (S3 allows 15 minutes).
    static let allowedSkew: TimeInterval = 15 * 60

    /// The failure `answer` (a status that is not a success) is, for a request about `key`
    /// (nil: the bucket) in `bucket` at `endpoint`, received at `now`.
    static func failure(_ answer: S3Answer, key: String?, bucket: String, endpoint: String, now: Date) -> S3Failure {
        let status = answer.status
        guard let xml = answer.xml, xml.name == "Error" else {
            return failureWithoutS3Error(answer, key: key, bucket: bucket, endpoint: endpoint, now: now)
        }
        return failure(
            code: xml.value("Code") ?? "", message: xml.value("Message") ?? "", status: status, key: key, bucket: bucket,
            details: xml, region: answer.header("x-amz-bucket-region"))
    }

    /// The failure S3's error `code` (with its `message`, and the `<Error>` element when there
    /// is one) is: for an error answer, an `<Error>` in a 200 (CopyObject) or one key's error
    /// in a DeleteObjects result.
    static func failure(
        code: String, message: String, status: Int, key: String?, bucket: String, details: S3XML? = nil, region: String? = nil
    ) -> S3Failure {
        let retryable = retryableCodes.contains(code) || isRetryable(status: status)
        let failed = S3Failure(error: .failed(status: status, code: code, message: message), retryable: retryable)
        switch code {
        case "NoSuchBucket":
            return S3Failure(error: .noSuchBucket(bucket), retryable: false)
        case "RequestTimeTooSkewed":
            var text = message
            if let server = details?.value("ServerTime"), let request = details?.value("RequestTime") {
                text += " (the server's time: \(server); this request's: \(request))"
            }
            return S3Failure(error: .clockSkew(message: text), retryable: false)
        case "PreconditionFailed", "ConditionalRequestConflict":
            return S3Failure(error: .preconditionFailed(key: key ?? ""), retryable: false)
        case "PermanentRedirect", "TemporaryRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
            guard let region = region ?? details?.value("Region"), !region.isEmpty else { return failed }
            return S3Failure(
                error: .failed(
                    status: status, code: code, message: "\(message) The bucket is in \(region): publish with --region \(region)."),
                retryable: false)
        case _ where deniedCodes.contains(code):
            return S3Failure(error: .denied(code: code, message: message), retryable: false)
        case _ where status == 412:
            return S3Failure(error: .preconditionFailed(key: key ?? ""), retryable: false)
        default:
            return failed
        }
    }

    /// An error status whose body is no S3 `<Error>`: a HEAD's (which has no body), a proxy's
    /// page, or a server that is not S3.
    private static func failureWithoutS3Error(_ answer: S3Answer, key: String?, bucket: String, endpoint: String, now: Date) -> S3Failure {
        let status = answer.status
        if !answer.body.isEmpty, !isRetryable(status: status) {
            return S3Failure(
                error: .notS3(endpoint: endpoint, detail: "HTTP \(status) with a body that is not an S3 error: \(answer.bodySnippet)"),
                retryable: false)
        }
        let region = answer.header("x-amz-bucket-region")
        switch status {
        case 403:
            if let date = answer.header("date").flatMap(httpDate), abs(date.timeIntervalSince(now)) > allowedSkew {
                return S3Failure(
                    error: .clockSkew(message: "The server's clock says \(answer.header("date") ?? ""), far from this machine's."),
                    retryable: false)
            }
            return S3Failure(error: .denied(code: "Forbidden", message: "HTTP 403: access to \(bucket) was refused."), retryable: false)
        case 412:
            return S3Failure(error: .preconditionFailed(key: key ?? ""), retryable: false)
        case 301, 307,
            400 where region != nil:
            return failure(
                code: "PermanentRedirect", message: "The bucket \(bucket) is not at this endpoint's region.", status: status, key: key,
                bucket: bucket, region: region)
        case 404 where key == nil:
            return S3Failure(error: .noSuchBucket(bucket), retryable: false)
        default:
            let what = answer.body.isEmpty ? "no explanation" : "a body that is not an S3 error: \(answer.bodySnippet)"
            return S3Failure(
                error: .failed(status: status, code: "", message: "HTTP \(status) with \(what)."), retryable: isRetryable(status: status))
        }
    }

    /// 5xx but 501 (not implemented: retrying will not help), 429 and 408.
    static func isRetryable(status: Int) -> Bool {
        (500...599).contains(status) && status != 501 || status == 429 || status == 408
    }

    /// No answer: a refused or dropped connection, a DNS or TLS failure, a timeout. Retried,
    /// but for a request that could never be sent (a bad URL) and a connection that could not
    /// be made within the connect timeout (the pool retried it already).
    static func unreachable(_ error: any Error, endpoint: String) -> S3Failure {
        let permanent: [HTTPClientError] = [.invalidURL, .emptyHost, .emptyScheme]
        let isPermanent = (error as? HTTPClientError).map { permanent.contains($0) } ?? false
        let detail: String
        switch error {
        case _ where (error as? HTTPClientError) == .connectTimeout || (error as? IOError)?.errnoCode == ECONNREFUSED:
            // AsyncHTTPClient has already tried to connect again and again for the whole connect
            // timeout: another attempt would only make a wrong port or a dead server wait longer.
            return S3Failure(error: .unreachable(endpoint: endpoint, detail: "could not connect (\(error))"), retryable: false)
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            detail = "no answer in time (\(error))"
        case is NIOTooManyBytesError:
            return S3Failure(error: .failed(status: 0, code: "", message: "The answer was larger than expected."), retryable: false)
        default:
            detail = String(describing: error)
        }
        return S3Failure(error: .unreachable(endpoint: endpoint, detail: detail), retryable: !isPermanent)
    }

    /// `Wed, 02 Dec 2026 01:43:45 GMT` (RFC 9110's preferred form).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
