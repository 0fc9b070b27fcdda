/// How a build is made: what goes in and how production-ready the output is.
public struct BuildSettings: Sendable, Hashable {
    /// Build articles marked `draft: true` too.
    var includeDrafts: Bool
    /// Overrides `site.yml`'s `baseURL` (for publishing to another address). Must pass
    /// `BaseURL.validate`, as `site.yml`'s does (`publish` and `PublishRunner` check it).
    package var baseURL: String?
    /// Production output: fingerprinted stylesheet, gzip copies.
    var production: Bool

    public init(includeDrafts: Bool = false, baseURL: String? = nil, production: Bool = false) {
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.production = production
    }
}
