/// The same page in one language of a multilingual site: what `<link rel="alternate"
/// hreflang>`, the sitemap's `xhtml:link` and the language switcher link to.
struct PageAlternate: Sendable, Hashable {
    var language: LanguageTag
    /// The page's URL in that language (`SiteURLs`).
    var url: String
    /// Whether it is the site's own language's page: the `x-default` one.
    var isDefault: Bool
}
