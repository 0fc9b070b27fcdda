/// One language's part of a site: its URLs (`SiteURLs.space`, `/de/…`; the site's own language
/// at the root), the site's settings as that language shows them (title, description,
/// language) and its explainers. Each space is planned as a site of its own: home, topics,
/// authors, corrections, search page and feeds.
struct SiteSpace: Sendable {
    let language: LanguageTag
    let urls: SiteURLs
    /// The site's settings in this language (`languages:`' title and description, when given).
    let site: SiteConfig
    /// Its explainers, in build order.
    var articles: [RenderedArticle]
    /// Whether `site.yml`'s `languages:` names it (the site's own language counts as named).
    var isNamed = true

    /// Whether it is the site's own language, at the root.
    var isRoot: Bool { urls.spaceLanguage == nil }

    /// The spaces of a site: its own language's first (always), then those `languages:` names,
    /// in its order, then those only translations are in, by tag; each explainer in the space
    /// of `Article.spaceLanguage`.
    static func spaces(site: SiteConfig, urls: SiteURLs, articles: [RenderedArticle]) -> [SiteSpace] {
        var languages = site.languages
        let listed = Set(languages.map(\.tag))
        var named = listed
        for tag in Set(articles.compactMap(\.article.spaceLanguage)).sorted() where named.insert(tag).inserted {
            languages.append(SiteLanguage(tag: tag))
        }
        var byLanguage: [LanguageTag: [RenderedArticle]] = [:]
        var root: [RenderedArticle] = []
        for article in articles {
            if let language = article.article.spaceLanguage {
                byLanguage[language, default: []].append(article)
            } else {
                root.append(article)
            }
        }
        var spaces = [SiteSpace(language: site.languageTag, urls: urls.root, site: site, articles: root)]
        for language in languages {
            var config = site
            config.language = language.tag.identifier
            if let title = language.title { config.title = title }
            if let description = language.description { config.description = description }
            spaces.append(
                SiteSpace(
                    language: language.tag, urls: urls.space(language.tag), site: config, articles: byLanguage[language.tag] ?? [],
                    isNamed: listed.contains(language.tag)))
        }
        return spaces
    }

    /// The space `article` is in among `spaces`.
    static func index(of article: RenderedArticle, in spaces: [SiteSpace]) -> Int {
        spaces.firstIndex { $0.urls.spaceLanguage == article.article.spaceLanguage } ?? 0
    }
}
