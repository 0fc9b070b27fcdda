import ExplainerKit

extension StoreError {
    /// The error as the user sees it: `site` (`s3://bucket/prefix`) as the file, what failed
    /// while `doing` what, and what to do. Never holds a credential (the store's messages do not).
    func diagnostic(site: String, doing: String) -> Diagnostic {
        switch self {
        case .preconditionFailed(let key):
            return Diagnostic(
                file: site, message: "\(doing): \(key) changed while this publish ran (another publish?).",
                hint: "Publish again; if two publishes run at once, run them one after the other.")
        case .noSuchBucket(let bucket):
            return Diagnostic(
                file: site, message: "\(doing): the bucket \(bucket) does not exist.",
                hint: "Create the bucket, or check the name in --to and the --endpoint/--region.")
        case .denied(let code, let message):
            return Diagnostic(
                file: site, message: "\(doing): access denied (\(code): \(message)).",
                hint: "Check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and the key's permissions on the bucket.")
        case .clockSkew(let message):
            return Diagnostic(
                file: site, message: "\(doing): the server refused the request's time (\(message)).",
                hint: "Set this machine's clock right (e.g. enable NTP), then publish again.")
        case .notS3(let endpoint, let detail):
            return Diagnostic(
                file: site, message: "\(doing): \(endpoint) does not answer like S3 (\(detail)).",
                hint: "Check --endpoint (or AWS_ENDPOINT_URL_S3): it must be the S3 API's address.")
        case .unreachable(let endpoint, let detail):
            return Diagnostic(
                file: site, message: "\(doing): \(endpoint) could not be reached (\(detail)).",
                hint: "Check the network and --endpoint, then publish again: a rerun completes what was done.")
        case .failed(let status, let code, let message):
            return Diagnostic(
                file: site, message: "\(doing): the server answered \(status) \(code): \(message).",
                hint: "Publish again: a rerun completes what was done.")
        }
    }
}
