import Foundation

/// Which pages of a multilingual site are the same page in another language, and what a
/// translation lacks.
///
/// The translations of one explainer are the files of one `Article.translationKey` (`x.md`,
/// `x.de.md`, `x.fr.md`), one per space. Their pages correspond page by page: overview to
/// overview, one-page view to one-page view, quotes page to quotes page, and each section to
/// the reference's (the explainer in the site's own language, else the first space's) of the
/// same `sections:` key, else of the same place. Listing pages correspond by kind and path in
/// their space (`/topics/` and `/de/topics/`). Every page of such a set lists the whole set,
/// itself included, so the links are symmetric.
struct SiteTranslations {
    /// Page URL → the same page in every language it exists in (itself included); only pages
    /// with at least one translation.
    private(set) var alternates: [String: [PageAlternate]] = [:]
    /// A translation missing a section its reference has: a warning naming both files; and a
    /// translation of no file into a language `languages:` does not name (`what.is.md`, read
    /// as Icelandic): a warning, in case the name only has a dot.
    private(set) var warnings: [Diagnostic] = []

    /// The correspondences of the explainers of `spaces` (`SiteSpace.spaces`).
    init(spaces: [SiteSpace]) {
        guard spaces.count > 1 else { return }
        var groups: [String: [(space: SiteSpace, article: RenderedArticle)]] = [:]
        var order: [String] = []
        for space in spaces {
            for article in space.articles {
                let key = article.article.translationKey
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((space, article))
            }
        }
        for key in order {
            guard let members = groups[key] else { continue }
            if !members.contains(where: \.space.isRoot) {
                for member in members where !member.space.isNamed { warnings.append(Self.orphan(member.article, member.space)) }
            }
            if members.count > 1 { link(members) }
        }
    }

    /// Links the pages of one explainer's translations (`members`, the reference first).
    private mutating func link(_ members: [(space: SiteSpace, article: RenderedArticle)]) {
        let reference = members[0].article
        func page(_ member: (space: SiteSpace, article: RenderedArticle), _ url: String) -> PageAlternate {
            PageAlternate(language: member.space.language, url: url, isDefault: member.space.isRoot)
        }
        func set(_ pages: [PageAlternate]) {
            guard pages.count > 1 else { return }
            for one in pages { alternates[one.url] = pages }
        }
        set(members.map { page($0, $0.space.urls.explainer($0.article.slug)) })
        set(members.map { page($0, $0.space.urls.explainerPage($0.article.slug, SiteURLs.allPage)) })
        set(
            members.filter { !$0.article.quotes.isEmpty }.map {
                page($0, $0.space.urls.explainerPage($0.article.slug, SiteURLs.quotesPage))
            })
        // Each member's section for each of the reference's.
        var sections = reference.sections.map { [page(members[0], members[0].space.urls.explainerPage(reference.slug, $0.key))] }
        for member in members.dropFirst() {
            let matched = Self.match(reference.sections, member.article.sections)
            for (index, found) in matched.enumerated() {
                if let found {
                    sections[index].append(page(member, member.space.urls.explainerPage(member.article.slug, found.key)))
                } else {
                    let missing = reference.sections[index]
                    warnings.append(
                        Diagnostic(
                            .warning, file: member.article.article.sourcePath,
                            message:
                                "This translation has no section for \"\(missing.heading.text)\" (\(reference.article.sourcePath):\(reference.article.bodyStartLine + missing.heading.line - 1)).",
                            hint:
                                "Translate the section, or give its translation the same key in `sections:` as the original's (`\(missing.key)`)."
                        ))
                }
            }
        }
        for pages in sections { set(pages) }
    }

    /// The warning of `article`, a translation without its original into a language the site
    /// does not name.
    private static func orphan(_ article: RenderedArticle, _ space: SiteSpace) -> Diagnostic {
        let language = space.language
        let name = Locale(identifier: "en").localizedString(forIdentifier: language.identifier) ?? language.identifier
        let original = article.article.translationKey
        return Diagnostic(
            .warning, file: article.article.sourcePath,
            message:
                "This file's name makes it a translation into `\(language)` (\(name)) of \(original), which does not exist: it is published at \(space.urls.explainer(article.slug)).",
            hint:
                "If it is in \(name), name the language in site.yml (`languages: [\(language)]`) to say so; if it is not, rename it without the dot (e.g. \(ContentNames.translation(article.article.contentPath).map { String($0.original.dropLast(3)) + "-" + language.urlSegment + ".md" } ?? "NAME.md"))."
        )
    }

    /// For each of `reference`'s sections, the one of `translation` of the same key, else the
    /// one at the same place that no key matched; nil when none.
    static func match(_ reference: [RenderedSection], _ translation: [RenderedSection]) -> [RenderedSection?] {
        let keys = Set(reference.map(\.key))
        let byKey = Dictionary(translation.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return reference.enumerated().map { index, section in
            if let same = byKey[section.key] { return same }
            guard index < translation.count, !keys.contains(translation[index].key) else { return nil }
            return translation[index]
        }
    }

    /// The alternates of an explainer's pages, by page URL (what `ExplainerLinks.alternates` holds).
    func alternates(of article: RenderedArticle, urls: SiteURLs) -> [String: [PageAlternate]] {
        var out: [String: [PageAlternate]] = [:]
        var own = [urls.explainer(article.slug), urls.explainerPage(article.slug, SiteURLs.allPage)]
        own.append(urls.explainerPage(article.slug, SiteURLs.quotesPage))
        own += article.sections.map { urls.explainerPage(article.slug, $0.key) }
        for url in own { if let found = alternates[url] { out[url] = found } }
        return out
    }

    /// The listing pages of `spaces` (each space's planned pages, in the order of `spaces`),
    /// each with its space's language (`Page.language`) and the same listing of the other
    /// spaces as alternates; explainers' pages as they are.
    static func linkListings(_ planned: [(space: SiteSpace, pages: [Page])]) -> [[Page]] {
        guard planned.count > 1 else { return planned.map(\.pages) }
        func key(_ page: Page, _ space: SiteSpace) -> String {
            page.kind.rawValue + " " + page.url.dropFirst(space.urls.url("").count)
        }
        var sets: [String: [PageAlternate]] = [:]
        for (space, pages) in planned {
            for page in pages where page.article == nil && page.kind != .notFound {
                sets[key(page, space), default: []].append(
                    PageAlternate(language: space.language, url: page.url, isDefault: space.isRoot))
            }
        }
        return planned.map { entry in
            let space = entry.space
            return entry.pages.map { page in
                guard page.article == nil else { return page }
                let alternates = page.kind == .notFound ? [] : sets[key(page, space)] ?? []
                return page.with(
                    language: space.isRoot ? nil : space.language, alternates: alternates.count > 1 ? alternates : [])
            }
        }
    }
}
