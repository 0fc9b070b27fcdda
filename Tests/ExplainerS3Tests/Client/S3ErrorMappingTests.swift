import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import ExplainerS3

/// Error answers (and no answer) as `StoreError`s, and which are retried.
@Suite struct S3ErrorMappingTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func map(_ status: Int, _ body: String = "", headers: [String: String] = [:], key: String? = "a.html") -> S3Failure {
        S3ErrorMapping.failure(
            S3Answer(status: status, headers: headers, body: Array(body.utf8)), key: key, bucket: "site", endpoint: "https://s3.test",
            now: now)
    }

    func error(_ code: String, _ message: String = "m", extra: String = "") -> String {
        "<?xml version=\"1.0\"?><Error><Code>\(code)</Code><Message>\(message)</Message>\(extra)<RequestId>1</RequestId></Error>"
    }

    @Test func serverErrorsAndThrottlingAreRetried() {
        for status in [500, 502, 503, 504, 429, 408] {
            #expect(map(status, error("X")).retryable, "\(status)")
            #expect(map(status).retryable, "\(status) without a body")
        }
        #expect(map(503, error("SlowDown")) == S3Failure(error: .failed(status: 503, code: "SlowDown", message: "m"), retryable: true))
        #expect(map(400, error("RequestTimeout")).retryable)
        #expect(map(200, error("InternalError")).retryable)
        #expect(map(502, "<html>bad gateway</html>").retryable)
    }

    @Test func clientErrorsAreNotRetried() {
        for status in [400, 401, 403, 404, 405, 409, 411, 412, 416, 501] {
            #expect(!map(status, error("Whatever")).retryable, "\(status)")
        }
    }

    @Test func credentialsRefused() {
        for code in ["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied"] {
            #expect(map(403, error(code, "no")).error == .denied(code: code, message: "no"))
        }
        #expect(map(403, key: nil).error == .denied(code: "Forbidden", message: "HTTP 403: access to site was refused."))
    }

    @Test func clockSkew() {
        let skewed = map(
            403,
            error(
                "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.",
                extra: "<RequestTime>20130524T000000Z</RequestTime><ServerTime>2023-11-14T22:13:20Z</ServerTime>"))
        #expect(
            skewed.error
                == .clockSkew(
                    message:
                        "The difference between the request time and the current time is too large. (the server's time: 2023-11-14T22:13:20Z; this request's: 20130524T000000Z)"
                ))
        #expect(!skewed.retryable)
        // A HEAD has no body: a 403 whose Date is far from ours is taken for a skew.
        let head = map(403, headers: ["Date": "Tue, 14 Nov 2023 23:13:20 GMT"])
        if case .clockSkew = head.error {} else { Issue.record("\(head.error)") }
        #expect(
            map(403, headers: ["Date": "Tue, 14 Nov 2023 22:14:20 GMT"]).error
                == .denied(code: "Forbidden", message: "HTTP 403: access to site was refused."))
    }

    @Test func missingBucket() {
        #expect(map(404, error("NoSuchBucket")).error == .noSuchBucket("site"))
        #expect(map(404, key: nil).error == .noSuchBucket("site"))
    }

    @Test func failedConditions() {
        #expect(map(412, error("PreconditionFailed")).error == .preconditionFailed(key: "a.html"))
        #expect(map(409, error("ConditionalRequestConflict")).error == .preconditionFailed(key: "a.html"))
        #expect(map(412).error == .preconditionFailed(key: "a.html"))
    }

    @Test func wrongRegionNamesTheRightOne() {
        let redirect = map(301, error("PermanentRedirect", "Use the endpoint."), headers: ["x-amz-bucket-region": "eu-west-1"])
        #expect(
            redirect.error
                == .failed(
                    status: 301, code: "PermanentRedirect",
                    message: "Use the endpoint. The bucket is in eu-west-1: publish with --region eu-west-1."))
        let malformed = map(400, error("AuthorizationHeaderMalformed", "Wrong region.", extra: "<Region>ap-south-1</Region>"))
        #expect(
            malformed.error
                == .failed(
                    status: 400, code: "AuthorizationHeaderMalformed",
                    message: "Wrong region. The bucket is in ap-south-1: publish with --region ap-south-1."))
        if case .failed(301, "PermanentRedirect", let message) = map(301, headers: ["x-amz-bucket-region": "us-west-2"], key: nil).error {
            #expect(message.contains("--region us-west-2"))
        } else {
            Issue.record("a HEAD's redirect")
        }
    }

    @Test func answersThatAreNotS3() {
        let page = map(404, "<!DOCTYPE html><html><body>Not Found</body></html>")
        #expect(!page.retryable)
        if case .notS3(let endpoint, let detail) = page.error {
            #expect(endpoint == "https://s3.test")
            #expect(detail.contains("HTTP 404"))
            #expect(detail.contains("Not Found"))
        } else {
            Issue.record("\(page.error)")
        }
        if case .notS3 = map(501, "<html>Unsupported method</html>").error {} else { Issue.record("501") }
    }

    @Test func otherErrorsKeepStatusCodeAndMessage() {
        #expect(map(400, error("InvalidArgument", "bad")).error == .failed(status: 400, code: "InvalidArgument", message: "bad"))
        #expect(map(500).error == .failed(status: 500, code: "", message: "HTTP 500 with no explanation."))
    }

    @Test func noAnswerIsUnreachableAndRetried() {
        for error: any Error in [HTTPClientError.deadlineExceeded, HTTPClientError.readTimeout, HTTPClientError.remoteConnectionClosed] {
            let failure = S3ErrorMapping.unreachable(error, endpoint: "http://127.0.0.1:1")
            #expect(failure.retryable)
            if case .unreachable(let endpoint, _) = failure.error {
                #expect(endpoint == "http://127.0.0.1:1")
            } else {
                Issue.record("\(error)")
            }
        }
        #expect(!S3ErrorMapping.unreachable(HTTPClientError.invalidURL, endpoint: "x").retryable)
        #expect(!S3ErrorMapping.unreachable(HTTPClientError.connectTimeout, endpoint: "x").retryable)
        #expect(!S3ErrorMapping.unreachable(IOError(errnoCode: ECONNREFUSED, reason: "connect"), endpoint: "x").retryable)
        #expect(S3ErrorMapping.unreachable(IOError(errnoCode: ECONNRESET, reason: "read"), endpoint: "x").retryable)
        #expect(!S3ErrorMapping.unreachable(NIOTooManyBytesError(maxBytes: 1), endpoint: "x").retryable)
    }

    @Test func httpDates() {
        #expect(S3ErrorMapping.httpDate("Tue, 14 Nov 2023 22:13:20 GMT") == now)
        #expect(S3ErrorMapping.httpDate("yesterday") == nil)
    }
}
