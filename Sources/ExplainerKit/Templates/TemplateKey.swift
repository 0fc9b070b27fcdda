/// Every name a view model answers, as an enum: template names are turned into keys once,
/// when the templates are compiled, so a lookup is an integer `switch`, not string compares.
/// A name that is not here (`TemplateKey(rawValue:)` is `nil`) is answered by no view model.
enum TemplateKey: String, Sendable, CaseIterable {
    // The top of a page's context.
    case site, assets, page, explainer, lede, cards, sources, section, allSections, articles
    // Site, assets and page.
    case title, language, author, description, baseURL, homeURL, feedURL, stylesheet
    case documentTitle, url, canonicalURL, kind, isHome, isExplainer, ogType, jsonLD
    // The explainer.
    case summary, allURL, quotesURL, date, dateISO, updated, updatedISO, tags, readingMinutes
    case keyPoints, hasKeyPoints, timeline, timelineSVG, hasTimeline, timelineURL, timelineOnOverview
    case hasQuotes, quotes, pages, previous, next
    // Links, timeline entries, quotes, cards, sections, table of contents, sources.
    case label, current, minutes, event
    case id, html, speaker, context, pageLabel, pageURL, role, hasRole, hasDate
    case excerptHTML, key, titleHTML, bodyHTML, toc, hasTOC, showTimeline, text, level
    // Home page pagination.
    case pagination, number, count, previousURL, nextURL
}
