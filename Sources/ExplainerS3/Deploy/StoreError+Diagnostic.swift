import ExplainerKit

extension StoreError {
    /// The error as the user sees it: `site` (`s3://bucket/prefix`) as the file, what failed
    /// while `doing` what, and what to do. Never holds a credential (the store's messages do not).
    func diagnostic(site: String, doing: String) -> Diagnostic {
        let (what, hint) = explanation
        return Diagnostic(file: site, message: "\(doing): \(what).", hint: hint)
    }

    /// What happened, and what to do about it.
    private var explanation: (String, String) {
        let rerun = "Publish again: a rerun completes what was done."
        switch self {
        case .preconditionFailed(let key):
            return ("\(key) changed while this publish ran (another publish?)", "Run one publish at a time, then publish again.")
        case .noSuchBucket(let bucket):
            return ("the bucket \(bucket) does not exist", "Create the bucket, or check the name in --to and the --endpoint/--region.")
        case .denied(let code, let message):
            return (
                "access denied (\(code): \(message))",
                "Check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and the key's permissions on the bucket."
            )
        case .clockSkew(let message):
            return (
                "the server refused the request's time (\(message))",
                "Set this machine's clock right (e.g. enable NTP), then publish again."
            )
        case .notS3(let endpoint, let detail):
            return (
                "\(endpoint) does not answer like S3 (\(detail))",
                "Check --endpoint (or AWS_ENDPOINT_URL_S3): it must be the S3 API's address."
            )
        case .unreachable(let endpoint, let detail):
            return ("\(endpoint) could not be reached (\(detail))", "Check the network and --endpoint. " + rerun)
        case .failed(let status, let code, let message):
            return ("the server answered \(status) \(code): \(message)", rerun)
        }
    }
}
