import Foundation

/// The URL path a site is served under: the path of its base URL (`https://host/explainers`
/// → `/explainers`), so the preview serves the site at the same paths the build links to.
public struct BasePath: Sendable, Hashable {
    /// `""` for a site at the root of its host, else `/a/b` (percent-encoded as in the base
    /// URL; no trailing slash).
    public let path: String

    public init(path: String = "") {
        self.path = path
    }

    /// The path of `baseURL` (a base URL `BaseURL.validate` accepted): `SiteURLs`' rule.
    public init(baseURL: String) {
        path = SiteURLs(baseURL: baseURL).basePath
    }

    /// The base path of the site the preview builds: from `settings.baseURL` if set, else from
    /// `site.yml` (nil when that cannot be read or decoded; the build reports why).
    public static func of(_ paths: BuildRunner.Paths, settings: BuildSettings) -> BasePath? {
        if let url = settings.baseURL { return BasePath(baseURL: url) }
        let configPath = (paths.content.hasSuffix("/") ? paths.content : paths.content + "/") + "site.yml"
        // Only a regular file is read (`FileSystem.read`): a FIFO would block the preview.
        guard let bytes = try? FileSystem.read(configPath, limit: TextDecoding.maxBytes),
              let config = try? SiteConfigDecoder.decode(SourceFile(path: configPath, bytes: bytes))
        else { return nil }
        return BasePath(baseURL: config.baseURL)
    }

    /// The path inside the site of a request's raw path: `/x/` for `/explainers/x/`, `/` for
    /// `/explainers/`, `""` for `/explainers` itself (a folder without its slash); nil when the
    /// request is outside the base path.
    public func strip(_ rawPath: String) -> String? {
        if path.isEmpty { return rawPath }
        if rawPath == path { return "" }
        guard rawPath.hasPrefix(path + "/") else { return nil }
        return String(rawPath.dropFirst(path.count))
    }

    /// The base path the preview currently serves under (changed when `site.yml` is edited).
    public final class Current: @unchecked Sendable {
        private let lock = NSLock()
        private var value: BasePath

        public init(_ value: BasePath = BasePath()) {
            self.value = value
        }

        public var basePath: BasePath {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }
}
