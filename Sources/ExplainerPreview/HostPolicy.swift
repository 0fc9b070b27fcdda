import ExplainerKit
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` headers the preview answers: its defence against DNS rebinding, where a web
/// page the author visits points its own domain name at 127.0.0.1 and reads the preview
/// (drafts included) as if it were its own origin.
///
/// A rebinding page always reaches the preview under *its* name, so the preview answers only:
/// loopback names and addresses (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`), each with
/// any port; the `--host` it listens on; and, when that is a wildcard (`0.0.0.0`, `::`), any IP
/// address and this machine's own name, since those are how other machines reach it and no
/// page can rebind an IP address. Anything else is misdirected (421). A request without `Host`
/// is answered: every browser sends one, so no web page can make such a request.
public struct HostPolicy: Sendable {
    /// What to do with a request's `Host`.
    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Several `Host` fields, or one that is not `host[:port]` (400).
        case invalid
        /// A well-formed name this preview is not served under (421).
        case misdirected
    }

    /// The `--host` the preview listens on.
    public let listeningHost: String

    public init(listeningOn host: String) {
        listeningHost = host
    }

    /// The verdict on a request's `Host` field values (empty when it sent none).
    public func verdict(_ values: [String]) -> Verdict {
        guard let value = values.first else { return .allowed }
        guard values.count == 1, let host = Self.hostPart(value) else { return .invalid }
        if Self.isLoopback(host) || Self.sameHost(host, listeningHost) { return .allowed }
        if Self.isWildcard(listeningHost) {
            if Self.address(host) != nil { return .allowed }
            let name = Self.machineName().lowercased()
            let short = name.split(separator: ".").first.map(String.init) ?? name
            if !name.isEmpty && (host == name || host == short || host == short + ".local") { return .allowed }
        }
        return .misdirected
    }

    /// Whether `host` (a `--host` value, or the host part of a `Host` field) names this machine
    /// over loopback only.
    public static func isLoopback(_ host: String) -> Bool {
        var name = unbracketed(host.lowercased())
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        switch address(name) {
        case .v4(let bytes): return bytes[0] == 127
        case .v6(let bytes):
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            // ::ffff:127.x.y.z, an IPv4 loopback address written as IPv6
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
        case nil: return false
        }
    }

    /// Whether `host` is an address that listens on every interface.
    static func isWildcard(_ host: String) -> Bool {
        switch address(unbracketed(host)) {
        case .v4(let bytes), .v6(let bytes): return bytes.allSatisfy { $0 == 0 }
        case nil: return false
        }
    }

    /// The host of a `Host` field value (`name`, `1.2.3.4`, `[::1]`, each with an optional
    /// `:port`), lowercased, brackets and one trailing dot removed; nil when malformed.
    static func hostPart(_ value: String) -> String? {
        var host: Substring
        var rest: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            host = value[value.index(after: value.startIndex)..<close]
            rest = value[value.index(after: close)...]
            guard case .v6 = address(String(host)) else { return nil }
        } else if let colon = value.firstIndex(of: ":") {
            host = value[..<colon]
            rest = value[colon...]
        } else {
            host = value[...]
            rest = ""
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }),
                port.isEmpty || Int(port)! <= 65535
            else { return nil }
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" || $0 == ":") }
        guard !host.isEmpty, allowed else { return nil }
        return host.lowercased()
    }

    /// Whether a `Host`'s host part names the same thing as the `--host` value `listening`.
    static func sameHost(_ host: String, _ listening: String) -> Bool {
        let other = unbracketed(listening.lowercased())
        if let a = address(host), let b = address(other) { return a == b }
        return host == other
    }

    /// `host` without the brackets around an IPv6 address (`[::1]` → `::1`).
    static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// An IP address, as its bytes.
    enum Address: Equatable {
        case v4([UInt8])
        case v6([UInt8])
    }

    /// `text` as an IPv4 (dotted quad only) or IPv6 address; nil when it is neither.
    static func address(_ text: String) -> Address? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return .v4(withUnsafeBytes(of: &v4) { Array($0) }) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return .v6(withUnsafeBytes(of: &v6) { Array($0) }) }
        return nil
    }

    static func machineName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
