/// One language of a multilingual site, as `site.yml`'s `languages:` names it: its tag and,
/// optionally, the site's title and description in it (its home page, feed and listings);
/// without them the site's own are used.
struct SiteLanguage: Sendable, Hashable {
    var tag: LanguageTag
    var title: String?
    var description: String?
}
