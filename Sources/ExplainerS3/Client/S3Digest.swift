import Crypto
import Foundation

/// The digests a request to S3 carries: the hex SHA-256 of the payload
/// (`x-amz-content-sha256`, Signature Version 4), the base64 MD5 (`Content-MD5`) and the hex
/// MD5 (a single-part object's ETag, the deployer's `explainer-md5`). One place for each.
enum S3Digest {
    /// Lower-case hex of `bytes` (`[0xAB, 0x01]` → `ab01`).
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex SHA-256 of `bytes`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The hex SHA-256 of an empty payload (every GET, HEAD and DELETE).
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The hex MD5 of `bytes`.
    static func md5Hex(_ bytes: [UInt8]) -> String {
        hex(Insecure.MD5.hash(data: bytes))
    }

    /// The base64 MD5 of `bytes`, as `Content-MD5` takes it.
    static func md5Base64(_ bytes: [UInt8]) -> String {
        Data(Insecure.MD5.hash(data: bytes)).base64EncodedString()
    }

    /// HMAC-SHA256 of `message` with `key` (a step of the signing key, or the signature).
    static func hmac(key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }
}
