/// The site-wide settings of `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute URL the site is published at, without a trailing slash: `https://example.org`.
    public var baseURL: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    public var author: String
    /// Describes the whole site (home page meta description).
    public var description: String
    /// Lets raw HTML and `javascript:`/`data:` links through cmark. Off by default: turning it
    /// on means trusting every author of the site.
    public var unsafeHTML: Bool

    public init(
        title: String, baseURL: String, language: String = "en", author: String = "",
        description: String = "", unsafeHTML: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.language = language
        self.author = author
        self.description = description
        self.unsafeHTML = unsafeHTML
    }

    public static let knownKeys = ["title", "baseURL", "language", "author", "description", "unsafeHTML"]
}
