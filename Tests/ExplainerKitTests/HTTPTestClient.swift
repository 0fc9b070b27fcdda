import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny blocking HTTP/1.1 client over a raw socket, so tests can send paths exactly as
/// written (`/../`, `%2e%2e`) and read a Server-Sent Events stream as it arrives.
final class HTTPTestClient: @unchecked Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    /// Whether the server closed the connection (a read returned end of file).
    private(set) var closed = false

    func send(_ path: String, method: String = "GET") {
        sendRaw("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    }

    /// Sends `request` exactly as written (request line, headers, blank line).
    func sendRaw(_ request: String) {
        _ = request.withCString { write(fd, $0, strlen($0)) }
    }

    /// Reads until `done(text so far)` or the deadline; returns everything read. The default
    /// deadline bounds a server that never answers, not a slow one: the suite runs many
    /// previews at once on two shared cores, each indexing its site with Pagefind.
    @discardableResult
    func read(until done: (String) -> Bool, timeout: Double = 10) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !done(String(decoding: buffer, as: UTF8.self)) {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, Int32(left * 1000) + 1) <= 0 { continue }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                closed = true
                break
            }
            buffer += chunk[0..<n]
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// `read(until:)` off the cooperative pool.
    func next(until done: @escaping @Sendable (String) -> Bool, timeout: Double = 10) async -> String {
        (try? await Self.offPool { self.read(until: done, timeout: timeout) }) ?? ""
    }

    /// Forgets what was read so far.
    func drain() { buffer = [] }

    /// Runs blocking socket work on a thread of its own, never on Swift's cooperative pool
    /// (which the server under test needs).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func get(_ port: Int, _ path: String) async throws -> Response {
        try await offPool { try getBlocking(port, path) }
    }

    /// Sends `request` as written on a new connection and reads until the server closes it or
    /// `timeout` passes: the first response, and whether the server closed the connection.
    static func raw(_ port: Int, _ request: String, timeout: Double = 3) async throws -> (response: Response, closed: Bool) {
        try await offPool {
            let client = try HTTPTestClient(port: port)
            client.sendRaw(request)
            let text = client.read(until: { _ in false }, timeout: timeout)
            return (parse(text), client.closed)
        }
    }

    static func getBlocking(_ port: Int, _ path: String) throws -> Response {
        let client = try HTTPTestClient(port: port)
        client.send(path)
        // Until the server closes the connection; the bound is for a server that never answers
        // (many previews run at once on two shared cores, each indexing its site).
        return parse(client.read(until: { _ in false }, timeout: 20))
    }

    /// The first response in `raw` (status, headers, and everything after the headers).
    static func parse(_ raw: String) -> Response {
        guard let split = raw.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [:], body: raw) }
        let head = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = head[0].split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }
}
