// The view models of a page's context: the values templates see that no domain type holds as
// it is (URLs, the document title, the quote cards…). Domain types that templates show as they
// are answer for themselves (`DomainTemplateFields.swift`). Each type's names, with their
// documentation, are its `templateFields` table: docs/templates.md's table of template variables is
// checked against these tables (`TemplateVocabularyTests`).

private let everyPage = Page.Kind.allCases
private let explainerPages: [Page.Kind] = [.overview, .section, .quotes, .all]

/// The top of a page's context: `site`, `assets`, `page`, and the page kind's own values.
struct PageValuesRoot: TemplateObject {
    let site: SiteValues
    let assets: AssetValues
    let page: PageValues
    var explainer: ExplainerPageValues?
    var lede = Prepared<MarkdownChunk>(nil)
    var cards: [CardValues]?
    var sources: [ExternalLink]?
    var section = Prepared<SectionValues>(nil)
    var allSections: [SectionValues]?
    var articles: [ArticleCardValues]?
    var pagination = Prepared<PaginationValues>(nil)
    var corrections: [CorrectionValues]?
    var author: AuthorValues?
    var authors: [AuthorValues]?
    var topic: TopicValues?
    var topics: [TopicValues]?
    var related: [RelatedValues]?
    /// Nil when the site has search off.
    var search: SearchValues?
    /// The theme's strings in the page's language.
    var t: TranslationValues

    static let templateFields = TemplateFields<Self>([
        .field("site", "the site's values", on: everyPage, \.site),
        .field("assets", "the URLs of the site's assets", on: everyPage, \.assets),
        .field("page", "the page itself", on: everyPage, \.page),
        .field("t", "the theme's strings in the page's language (`Templates/i18n/`, docs/languages.md)", on: everyPage, \.t),
        .field("search", "what the page tells Pagefind, and the search page's URL (absent with `search: false`)", on: everyPage, \.search),
        .field("explainer", "the explainer the page belongs to", on: explainerPages, \.explainer),
        .field("lede", "the explainer's opening, before its first section", on: [.overview, .all], \.lede),
        .field("cards", "a card per section", on: [.overview], \.cards),
        .field("section", "the section the page shows", on: [.section], \.section),
        .field("allSections", "every section, each as `section`", on: [.all], \.allSections),
        .field("sources", "the external links of the page (on the one-page view, each once)", on: [.overview, .section, .all], \.sources),
        .field(
            "articles",
            "this home page's explainers (`homePageSize` of them), newest first; on the 404 page the 10 newest; on an author page theirs; on a topic page this page's of the topic's",
            on: [.home, .notFound, .author, .topic], \.articles),
        .field(
            "pagination", "where this home (or topic) page stands among its pages; absent when there is only one",
            on: [.home, .topic], \.pagination),
        .field(
            "corrections", "every correction of every explainer, newest first (empty when there is none)",
            on: [.corrections], \.corrections),
        .field("author", "the author the page is about, as an entry of `explainer.authors`", on: [.author], \.author),
        .field(
            "authors", "every author of the authors file, in its order, each as an entry of `explainer.authors`", on: [.authors],
            \.authors),
        .field("topic", "the topic the page lists", on: [.topic], \.topic),
        .field("topics", "every topic of the site, by slug, each with its `count`", on: [.topics], \.topics),
        .field(
            "related",
            "up to 3 other explainers sharing its topics, best first (`RelatedValues`); on the overview and the last page of the reading order only",
            on: [.overview, .section, .quotes], \.related),
        .field("hasRelated", "whether `related` has an entry", on: [.overview, .section, .quotes], { $0.related?.isEmpty == false }),
    ])
}

/// `site`: the site-wide values from `site.yml` (one object shared by every page).
final class SiteValues: TemplateObject {
    let title: String
    let language: String
    let author: String
    let description: String
    let baseURL: String
    /// The home page's URL (`/`, or `/explainers/` under a sub-path).
    let homeURL: String
    let feedURL: String
    let correctionsURL: String
    /// `/authors/` when the site has authors.
    let authorsURL: String?
    /// `/topics/`.
    let topicsURL: String

    init(
        title: String, language: String, author: String, description: String, baseURL: String,
        homeURL: String, feedURL: String, correctionsURL: String, authorsURL: String? = nil, topicsURL: String = "/topics/"
    ) {
        self.title = title
        self.language = language
        self.author = author
        self.description = description
        self.baseURL = baseURL
        self.homeURL = homeURL
        self.feedURL = feedURL
        self.correctionsURL = correctionsURL
        self.authorsURL = authorsURL
        self.topicsURL = topicsURL
    }

    static let templateFields = TemplateFields<SiteValues>([
        .field("title", "`title` of `site.yml`", \.title),
        .field("language", "`language` of `site.yml`", \.language),
        .field("author", "`author` of `site.yml`", \.author),
        .field("description", "`description` of `site.yml`", \.description),
        .field("baseURL", "`baseURL` of `site.yml` (or `--base-url`)", \.baseURL),
        .field("homeURL", "the home page's URL (with the base path)", \.homeURL),
        .field("feedURL", "the feed's URL (with the base path)", \.feedURL),
        .field("correctionsURL", "the corrections page's URL (with the base path)", \.correctionsURL),
        .field("authorsURL", "the authors index's URL (absent when the site has no authors file)", \.authorsURL),
        .field("topicsURL", "the topics index's URL (with the base path)", \.topicsURL),
    ])
}

/// `assets`: URLs of the site's assets: the stylesheet (fingerprinted in production) and the
/// assets folder (`url`, ending in `/`: `{{assets.url}}favicon.svg`).
final class AssetValues: TemplateObject {
    let stylesheet: String
    let url: String

    init(stylesheet: String, url: String) {
        self.stylesheet = stylesheet
        self.url = url
    }

    static let templateFields = TemplateFields<AssetValues>([
        .field("stylesheet", "the URL of `style.css` (fingerprinted when publishing)", \.stylesheet),
        .field("url", "the assets folder's URL, ending in `/`: `{{assets.url}}favicon.svg`", \.url),
    ])
}

/// `page`: this page's own values (titles, URLs, kind, JSON-LD).
final class PageValues: TemplateObject {
    let title: String
    let documentTitle: String
    let description: String
    let url: String
    let canonicalURL: String
    let kind: Page.Kind
    let isExplainer: Bool
    let jsonLD: String?
    /// Whether search engines are asked not to index it (a draft's or a scheduled explainer's page).
    let noindex: Bool
    /// The page's Content-Security-Policy (`ContentSecurityPolicy`).
    let contentSecurityPolicy: String
    /// The language the page is written in (`PageContext.language(of:)`).
    let language: LanguageTag
    /// On a multilingual site, this page in each language it exists in, itself included.
    let alternates: [AlternateValues]

    init(
        title: String, documentTitle: String, description: String, url: String, canonicalURL: String,
        kind: Page.Kind, isExplainer: Bool, jsonLD: String?, noindex: Bool = false,
        contentSecurityPolicy: String = ContentSecurityPolicy.site.text, language: LanguageTag = .english,
        alternates: [AlternateValues] = []
    ) {
        self.language = language
        self.alternates = alternates
        self.contentSecurityPolicy = contentSecurityPolicy
        self.title = title
        self.documentTitle = documentTitle
        self.description = description
        self.url = url
        self.canonicalURL = canonicalURL
        self.kind = kind
        self.isExplainer = isExplainer
        self.jsonLD = jsonLD
        self.noindex = noindex
    }

    static let templateFields = TemplateFields<PageValues>([
        .field("title", "the page's own title (its `<h1>`)", \.title),
        .field("documentTitle", "the title for `<title>`: the page's, the explainer's and the site's", \.documentTitle),
        .field("description", "the meta description", \.description),
        .field(
            "language", "the language it is written in, a BCP 47 tag for `<html lang>`: the explainer's, else the site's",
            \.language.identifier),
        .field(
            "direction", "`rtl` for a language written right to left (Arabic, Hebrew…), else `ltr`: for `<html dir>`", \.language.direction),
        .field("url", "the page's URL", \.url),
        .field("canonicalURL", "the page's absolute URL", \.canonicalURL),
        .field(
            "alternates", "on a multilingual site, this page in each language it exists in, itself included (empty otherwise)",
            \.alternates),
        .field("hasAlternates", "whether the page exists in another language (for the language switcher)", { !$0.alternates.isEmpty }),
        .field(
            "defaultAlternate", "of `alternates`, the site's own language's page (for `hreflang=\"x-default\"`)",
            { $0.alternates.first(where: \.alternate.isDefault) }),
        .field(
            "kind",
            "`home`, `overview`, `section`, `quotes`, `all`, `corrections`, `404`, `author`, `authors`, `topic`, `topics` or `search`",
            \.kind.rawValue),
        .field("ogType", "`article` on explainer pages, else `website`", { $0.isExplainer ? "article" : "website" }),
        .field("jsonLD", "JSON-LD for search engines (HTML: use `{{{ }}}`)", \.jsonLD),
        .field("isHome", "whether this is a home page", { $0.kind == .home }),
        .field("isExplainer", "whether the page belongs to an explainer", \.isExplainer),
        .field(
            "noindex", "whether the page is a draft's or a scheduled explainer's (`<meta name=\"robots\" content=\"noindex\">`)", \.noindex),
        .field(
            "contentSecurityPolicy",
            "the page's Content-Security-Policy (the search page's also allows `'wasm-unsafe-eval'`; HTML-safe: use `{{{ }}}`)",
            \.contentSecurityPolicy),
    ])
}

/// The values every page of one explainer shares: built once per explainer, shared by its
/// pages (a class, so each page's context holds a reference rather than a copy).
final class ExplainerValues: TemplateObject {
    let frontMatter: FrontMatter
    let readingMinutes: Int
    let url: String
    let allURL: String
    let quotesURL: String
    let date: String
    let dateISO: String
    let updated: String?
    let updatedISO: String?
    let timelineSVG: String?
    let timelineURL: String
    let timelineOnOverview: Bool
    let quotes: [QuoteValues]
    let image: LeadImageValues?
    /// `updates:`, newest first, and the newest correction among them.
    let updates: [UpdateValues]
    let latestCorrection: UpdateValues?
    /// The "as of" date of "What we know": `FrontMatter.lastModified`.
    let asOf: String
    let asOfISO: String
    /// The byline: `authors:`, resolved in the authors file.
    let authors: [AuthorValues]
    /// Published, a draft or scheduled (a non-production build shows the last two).
    let status: PublicationStatus
    /// Its topics, as the site names them (`Page.topics`), in the order of `tags:`.
    let topics: [TopicValues]
    /// Said in the explainer's language (`strings`): `5 min read`, `12 min read in all`, the
    /// quotes page's introduction, the footer's link to the one-page view, the banner.
    let readingTime: String
    let readingTimeInAll: String
    let quotesIntro: String
    let readOnOnePage: String
    let banner: String?

    init(
        frontMatter: FrontMatter, readingMinutes: Int, url: String, allURL: String, quotesURL: String,
        timelineSVG: String?, timelineURL: String, timelineOnOverview: Bool, quotes: [QuoteValues],
        image: LeadImageValues?, authors: [AuthorValues] = [], status: PublicationStatus = .published,
        topics: [TopicValues] = [], strings: LocalizedStrings
    ) {
        readingTime = strings.text("readingTime", count: readingMinutes)
        readingTimeInAll = strings.text("readingTimeInAll", count: readingMinutes)
        quotesIntro = strings.text("quotesIntro", ["title": frontMatter.title])
        readOnOnePage = strings.text("readOnOnePage", ["title": frontMatter.title])
        banner = status.banner(strings)
        self.frontMatter = frontMatter
        self.readingMinutes = readingMinutes
        self.url = url
        self.allURL = allURL
        self.quotesURL = quotesURL
        // Formatted once, in the explainer's language: most pages show them.
        date = strings.date(frontMatter.date)
        dateISO = frontMatter.date.iso
        updated = frontMatter.updated.map(strings.date)
        updatedISO = frontMatter.updated?.iso
        self.timelineSVG = timelineSVG
        self.timelineURL = timelineURL
        self.timelineOnOverview = timelineOnOverview
        self.quotes = quotes
        self.image = image
        updates = frontMatter.updatesNewestFirst.map { UpdateValues($0, strings: strings) }
        latestCorrection = updates.first { $0.update.kind == .correction }
        asOf = strings.timestamp(frontMatter.lastModified)
        asOfISO = frontMatter.lastModified.iso
        self.authors = authors
        self.status = status
        self.topics = topics
    }

    static let templateFields = TemplateFields<ExplainerValues>([
        .field("title", "`title` of the front matter", \.frontMatter.title),
        .field("summary", "`summary` of the front matter", \.frontMatter.summary),
        .field("url", "the overview's URL", \.url),
        .field("allURL", "the one-page view's URL", \.allURL),
        .field("quotesURL", "the quotes page's URL", \.quotesURL),
        .field("date", "`date`, in the page's language: `4 July 2025`, `4. Juli 2025`", \.date),
        .field("dateISO", "`date`, as `2025-07-04`", \.dateISO),
        .field("updated", "`updated`, as `date` (absent without one)", \.updated),
        .field("updatedISO", "`updated`, as `2025-07-04`", \.updatedISO),
        .field("tags", "`tags` of the front matter (text)", \.frontMatter.tags),
        .field("topics", "its topics, in the order of `tags`, named as the site names them, with their pages' URLs", \.topics),
        .field("readingMinutes", "minutes to read the whole explainer", \.readingMinutes),
        .field("readingTime", "`12 min read`: `readingMinutes` in the explainer's language (`readingTime`)", \.readingTime),
        .field(
            "readingTimeInAll", "`12 min read in all`: `readingMinutes` in the explainer's language (`readingTimeInAll`)",
            \.readingTimeInAll),
        .field("quotesIntro", "the quotes page's introduction, naming the explainer (`quotesIntro`)", \.quotesIntro),
        .field("readOnOnePage", "`Read “TITLE” on one page`, the footer's link to the one-page view (`readOnOnePage`)", \.readOnOnePage),
        .field("keyPoints", "`keyPoints` of the front matter (text)", \.frontMatter.keyPoints),
        .field("hasKeyPoints", "whether there are key points", { !$0.frontMatter.keyPoints.isEmpty }),
        .field("timeline", "`timeline` of the front matter", \.frontMatter.timeline),
        .field("hasTimeline", "whether there is a timeline", { !$0.frontMatter.timeline.isEmpty }),
        .field("timelineSVG", "the timeline drawn as SVG (HTML); absent with fewer than two years", \.timelineSVG),
        .field(
            "timelineURL",
            "the URL of the timeline (on the page `timelineSection:` names; by default the `history` section, else the overview)",
            \.timelineURL),
        .field(
            "timelineOnOverview",
            "whether the overview shows the timeline (`timelineSection: overview`, or by default no `history` section)",
            \.timelineOnOverview),
        .field("quotes", "every quote, in reading order", \.quotes),
        .field("hasQuotes", "whether there are quotes", { !$0.quotes.isEmpty }),
        .field("image", "the lead image (`image:`), absent without one", \.image),
        .field("updates", "`updates:` of the front matter, newest first (the log \"Corrections and updates\")", \.updates),
        .field("hasUpdates", "whether there are updates", { !$0.updates.isEmpty }),
        .field(
            "latestCorrection", "the newest correction, as an entry of `updates` (the overview's notice); absent without one",
            \.latestCorrection),
        .field("known", "`known:` of the front matter (text): \"What we know\"", \.frontMatter.known),
        .field("hasKnown", "whether there is something in `known`", { !$0.frontMatter.known.isEmpty }),
        .field("unknown", "`unknown:` of the front matter (text): \"What we don't know\"", \.frontMatter.unknown),
        .field("hasUnknown", "whether there is something in `unknown`", { !$0.frontMatter.unknown.isEmpty }),
        .field(
            "hasWhatWeKnow", "whether there is something in `known` or `unknown` (the box is shown)",
            { !$0.frontMatter.known.isEmpty || !$0.frontMatter.unknown.isEmpty }),
        .field(
            "asOf", "the box's \"as of\" date: the newest of `date`, `updated` and `updates`, as `4 July 2025`", \.asOf),
        .field("asOfISO", "that date as `2025-07-04` (with a time when an update gives one)", \.asOfISO),
        .field("authors", "the byline (`authors:`): each author of the authors file it names, in its order", \.authors),
        .field("hasAuthors", "whether the explainer names its authors", { !$0.authors.isEmpty }),
        .field(
            "banner", "`Draft \u{2014} not published` or `Scheduled for 4 July 2026` (absent when published)",
            \.banner),
    ])
}

/// `explainer.image` and `articles[].image`: the lead image, as HTML for the page and the
/// card, and as the link previews' picture (a class: built once per explainer).
final class LeadImageValues: TemplateObject {
    let lead: LeadImage
    let folderURL: String
    /// The file's own URL (what an SVG is shown from).
    let src: String
    /// The 16:9 crop's absolute URL, for `og:image`.
    let ogURL: String?

    /// The values of `article`'s lead image, nil without one.
    init?(_ article: RenderedArticle, urls: SiteURLs) {
        guard let lead = article.leadImage else { return nil }
        self.lead = lead
        folderURL = urls.explainer(article.slug)
        src = urls.media(article.slug, lead.pathInBundle)
        ogURL = lead.socialCard.map { urls.absolute(urls.media(article.slug, $0.path)) }
    }

    /// The `<picture>` (or SVG `<img>`), as wide as the page's text (and as a home page card,
    /// which spans the same column).
    var html: String {
        ImageMarkup.html(
            ImageMarkup.Image(
                src: src, alt: lead.alt, title: nil, info: lead.info, folderURL: folderURL),
            figure: false)
    }

    static let templateFields = TemplateFields<LeadImageValues>([
        .field("html", "the image as `<picture>`, with `width`, `height` and `srcset` (HTML)", \.html),
        .field("alt", "`imageAlt` of the front matter", \.lead.alt),
        .field("credit", "`imageCredit` of the front matter (absent without one)", \.lead.credit),
        .field("ogURL", "the absolute URL of its 16:9 crop, for `og:image` (absent for an SVG)", \.ogURL),
        .field("ogWidth", "that crop's width in pixels", { $0.lead.socialCard.map { String($0.width) } }),
        .field("ogHeight", "that crop's height in pixels", { $0.lead.socialCard.map { String($0.height) } }),
    ])
}

/// `explainer` on one page: the shared values plus this page's navigation.
final class ExplainerPageValues: TemplateObject {
    let shared: ExplainerValues
    let pages: [PageLink]
    let previous: PageLink?
    let next: PageLink?

    init(shared: ExplainerValues, pages: [PageLink], previous: PageLink?, next: PageLink?) {
        self.shared = shared
        self.pages = pages
        self.previous = previous
        self.next = next
    }

    static let templateFields = TemplateFields<ExplainerPageValues>(
        ExplainerValues.templateFields.all.map { $0.reading(through: \.shared) } + [
            .field("pages", "every page of the explainer, in reading order", \.pages),
            .field("previous", "the page before this one (as an entry of `pages`)", \.previous),
            .field("next", "the page after this one (as an entry of `pages`)", \.next),
        ])
}

/// One entry of `explainer.quotes`: the quotation, its speaker and where it is (a class:
/// built once per explainer, not copied into each lookup).
final class QuoteValues: TemplateObject {
    let quote: Quote
    let url: String
    let pageLabel: String
    let pageURL: String
    /// The attribution's role or occasion, without the date.
    let role: String
    /// The date the attribution names, if any.
    let date: ArticleDate?
    /// That date in the explainer's language.
    let dateText: String?
    /// `Read it in context: LABEL`, in the explainer's language.
    let readInContext: String

    init(
        quote: Quote, url: String, pageLabel: String, pageURL: String, role: String, date: ArticleDate?,
        strings: LocalizedStrings, readInContext: String
    ) {
        self.readInContext = readInContext
        self.quote = quote
        self.url = url
        self.pageLabel = pageLabel
        self.pageURL = pageURL
        self.role = role
        self.date = date
        dateText = date.map(strings.date)
    }

    static let templateFields = TemplateFields<QuoteValues>([
        .field("id", "the quote's anchor on its page (`quote-1`…)", \.quote.id),
        .field("html", "the quotation (HTML)", \.quote.html),
        .field("speaker", "who said it: the attribution up to its first comma", \.quote.speaker),
        .field("context", "the rest of the attribution", \.quote.context),
        .field("role", "the attribution's role or occasion, without its date", \.role),
        .field("hasRole", "whether `role` is not empty", { !$0.role.isEmpty }),
        .field(
            "date", "the date the attribution names (read in the explainer's language), as `3 July 2025` (absent without one)",
            \.dateText),
        .field("dateISO", "that date as `2025-07-03`", \.date?.iso),
        .field("hasDate", "whether the attribution names a date", { $0.date != nil }),
        .field("url", "the quote's URL, on the page it stands on", \.url),
        .field("pageLabel", "the label of the page it stands on", \.pageLabel),
        .field("pageURL", "the URL of the page it stands on", \.pageURL),
        .field("readInContext", "`Read it in context: LABEL`, the link to it (`readInContext`)", \.readInContext),
    ])
}

/// One entry of `cards`: a section teaser on the overview (a class: the section is not
/// copied into each lookup).
final class CardValues: TemplateObject {
    let section: RenderedSection
    let url: String
    /// `4 min read`, in the explainer's language.
    let readingTime: String

    init(section: RenderedSection, url: String, strings: LocalizedStrings = .english) {
        self.section = section
        self.url = url
        readingTime = strings.text("readingTime", count: section.readingMinutes)
    }

    static let templateFields = TemplateFields<CardValues>([
        .field("label", "the section's label", \.section.label),
        .field("title", "the section's title", \.section.heading.text),
        .field("url", "the section page's URL", \.url),
        .field("excerptHTML", "the section's first paragraph (HTML)", \.section.chunk.excerptHTML),
        .field("minutes", "minutes to read the section", \.section.readingMinutes),
        .field("readingTime", "`4 min read`: `minutes` in the explainer's language", \.readingTime),
    ])
}

/// `section`: the section a section page shows, with its reading time said in the page's
/// language (a class: the section is not copied into each lookup).
final class SectionValues: TemplateObject {
    let section: RenderedSection
    let readingTime: String

    init(_ section: RenderedSection, strings: LocalizedStrings = .english) {
        self.section = section
        readingTime = strings.text("readingTime", count: section.readingMinutes)
    }

    static let templateFields = TemplateFields<SectionValues>(
        RenderedSection.templateFields.all.map { $0.reading(through: \.section) } + [
            .field("readingTime", "`4 min read`: `minutes` in the page's language", \.readingTime)
        ])
}

/// One entry of `articles`: an explainer listed on the home, 404, author and topic pages.
struct ArticleCardValues: TemplateObject {
    let article: RenderedArticle
    let url: String
    let image: LeadImageValues?
    let topics: [TopicValues]
    /// Its date in the page's language.
    let date: String
    /// `5 min read` and the badge, in the listing's language.
    let readingTime: String
    let badge: String?

    /// `topics`: its topics as the site names them (`Page.articleTopics`); `strings`: the
    /// page's language.
    init(article: RenderedArticle, urls: SiteURLs, topics: [TopicLink] = [], strings: LocalizedStrings) {
        self.article = article
        date = strings.date(article.article.frontMatter.date)
        url = urls.explainer(article.slug)
        image = LeadImageValues(article, urls: urls)
        self.topics = TopicValues.list(topics, urls: urls)
        readingTime = strings.text("readingTime", count: article.readingMinutes)
        badge = article.status.badge(strings)
    }

    static let templateFields = TemplateFields<ArticleCardValues>([
        .field("title", "the explainer's title", \.article.article.frontMatter.title),
        .field("summary", "its summary", \.article.article.frontMatter.summary),
        .field("url", "its overview's URL", \.url),
        .field("date", "its date in the page's language, as `4 July 2025`", \.date),
        .field("dateISO", "its date, as `2025-07-04`", { $0.article.article.frontMatter.date.iso }),
        .field("minutes", "minutes to read it", \.article.readingMinutes),
        .field("readingTime", "`5 min read`: `minutes` in the page's language", \.readingTime),
        .field("tags", "its tags (text)", \.article.article.frontMatter.tags),
        .field("topics", "its topics, as `explainer.topics` (on the home, topic and author pages)", \.topics),
        .field("image", "its lead image, as `explainer.image` (absent without one)", \.image),
        .field("badge", "`Draft` or `Scheduled` (built by `--drafts`, `--future`; absent when published)", \.badge),
    ])
}
