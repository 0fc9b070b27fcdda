// Domain types that templates show as they are answer template names themselves: their
// tables below are the only template knowledge they carry (no copy into a view model).

extension PageLink: TemplateObject {
    static let templateFields = TemplateFields<PageLink>([
        .field("label", "short name: `Overview`, a section's label, `Quotes`", \.label),
        .field("title", "the page's full title", \.title),
        .field("url", "the page's URL", \.url),
        .field("current", "whether it is the page being shown", \.isCurrent),
        .field("minutes", "minutes to read the page (absent for the quotes page)", \.readingMinutes),
    ])
}

extension TimelineEntry: TemplateObject {
    static let templateFields = TemplateFields<TimelineEntry>([
        .field("date", "the date as the author wrote it", \.date),
        .field("event", "what happened", \.event),
    ])
}

extension MarkdownChunk: TemplateObject {
    static let templateFields = TemplateFields<MarkdownChunk>([
        .field("html", "the lede (HTML)", \.html)
    ])
}

extension RenderedSection: TemplateObject {
    static let templateFields = TemplateFields<RenderedSection>([
        .field("key", "the page slug: the `sections:` key, or the heading's slug", \.key),
        .field(
            "label", "what the pages call it: the `sections:` entry's `label:`, else the heading (shortened past 40 characters)", \.label),
        .field("title", "the heading's text", \.heading.text),
        .field("titleHTML", "the heading's inline HTML", \.heading.innerHTML),
        .field("id", "the heading's id", \.heading.id),
        .field("bodyHTML", "the section's body (HTML)", \.chunk.html),
        .field("minutes", "minutes to read the section", \.readingMinutes),
        .field("toc", "the section's `###` headings", \.chunk.toc),
        .field("hasTOC", "whether the section has two headings or more", { $0.chunk.toc.count >= 2 }),
        .field(
            "showTimeline", "whether the timeline is drawn here (`timelineSection:`; by default the `history` section)",
            \.showsTimeline),
    ])
}

extension TOCEntry: TemplateObject {
    static let templateFields = TemplateFields<TOCEntry>([
        .field("text", "the heading's text", \.text),
        .field("id", "the heading's id", \.id),
        .field("level", "the heading's level (3 for `###`)", \.level),
    ])
}

extension ExternalLink: TemplateObject {
    static let templateFields = TemplateFields<ExternalLink>([
        .field("text", "the link's text", \.text),
        .field("url", "the link's URL", \.url),
    ])
}
