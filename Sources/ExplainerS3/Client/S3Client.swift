import AsyncHTTPClient
import Crypto

/// Placeholder so the target builds; replaced by the client part.
enum S3ClientPlaceholder {
    static func digest(_ bytes: [UInt8]) -> String {
        Insecure.MD5.hash(data: bytes).map { String($0, radix: 16) }.joined()
    }
    static let client: HTTPClient.Type = HTTPClient.self
}
