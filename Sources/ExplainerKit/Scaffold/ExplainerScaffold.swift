/// The file of a new explainer (`explainer new`): front matter filled in and commented (the
/// title, a summary to replace, the date, `draft: true`, the `sections:` of the body's
/// headings, empty key points and timeline), and a body with a lede and the usual sections.
/// A draft that builds as it is, with `--drafts`, and without a warning. Pure.
enum ExplainerScaffold {
    /// One section of the body: its page slug and the H2 heading `sections:` binds it to, and
    /// what to write in it.
    struct Section: Sendable, Hashable {
        var key: String
        var heading: String
        var prompt: String
    }

    /// The usual sections of an explainer, in order.
    static let sections = [
        Section(key: "history", heading: "History", prompt: "How did we get here? The background a reader needs, oldest first."),
        Section(
            key: "strategy", heading: "Strategy", prompt: "What do the people involved want, and how are they going about it?"),
        Section(key: "risks", heading: "Risks", prompt: "What could go wrong, for whom, and what to watch for next."),
    ]

    /// The summary a new explainer has until its author writes one.
    static let summaryPlaceholder = "Replace this with one or two sentences saying what the explainer explains."

    /// The file's path in the content folder: `<slug>.md`, or `<slug>/index.md` for a bundle.
    static func path(slug: String, bundle: Bool) -> String {
        bundle ? "\(slug)/\(ContentNames.bundleIndex)" : "\(slug).md"
    }

    /// The new explainer `title` (any text: it is quoted for YAML) as the file at
    /// `path(slug:bundle:)`, dated `date`.
    static func file(title: String, slug: String, date: ArticleDate, bundle: Bool) -> ScaffoldFile {
        let sectionLines = sections.map { "  \($0.key): \(YAMLEscaping.doubleQuoted($0.heading))" }.joined(separator: "\n")
        let image =
            bundle
            ? """
            # A lead image: a file in this folder (images/lead.jpg beside index.md), with what it
            # shows for readers who cannot see it, and who made it. Images in the text are
            # written ![What it shows](images/map.png).
            # image: images/lead.jpg
            # imageAlt: "What the image shows"
            # imageCredit: "Photo: Name / Agency"

            """ : ""
        let body = sections.map { "## \($0.heading)\n\n\($0.prompt)\n" }.joined(separator: "\n")
        let text = """
            ---
            # The explainer's title, as readers see it.
            title: \(YAMLEscaping.doubleQuoted(title))
            # One or two sentences saying what it explains: on the home page, and in search
            # results and link previews.
            summary: \(YAMLEscaping.doubleQuoted(summaryPlaceholder))
            # The day it is first published, YYYY-MM-DD. After a substantive update, add a line
            # `updated: YYYY-MM-DD`.
            date: \(date.iso)
            # A draft is built only with --drafts (`explainer preview --drafts`) and never
            # published: delete this line when the explainer is ready.
            draft: true
            # What it is about, shown with it: tags: [Economy, Europe]
            tags: []
            \(image)# Each section of the body is a page of its own: the page's slug (in its address,
            # /\(slug)/history/) and the text of the heading (## …) that starts it (case, quotes
            # and trailing punctuation do not count), or { heading: "…", label: "Short name" }.
            # Rename a heading here and in the body alike; a heading not named here gets a
            # page slugged from its text.
            sections:
            \(sectionLines)
            # The main points, one sentence each, listed on the overview after the lede:
            #   - "The first thing a reader should know."
            keyPoints: []
            # Dated events, drawn to scale and listed in date order on the history page
            # (`timelineSection: overview` or a section's key puts them elsewhere); dates like
            # 1979, March 2024, 15 August 2021, Mid-1990s, 19th century, c. 1850 BC, 1979–1989:
            #   - { date: "1979", event: "What happened" }
            timeline: []
            # "What we know" and "What we don't know", a box on the overview after the key
            # points: short statements, each a list item.
            known: []
            unknown: []
            # The byline: keys of Content/authors.yml (which gives each name, role and link):
            # authors: [ana-diaz]
            # Corrections, clarifications and updates, newest shown first; a correction also
            # goes on the site's /corrections/ page:
            # updates:
            #   - { date: 2025-07-05, kind: correction, text: "An earlier version gave the wrong year." }
            ---
            Write the lede here: two or three short paragraphs saying what happened and why it matters. They open the explainer, before its sections.

            \(body)
            """
        return ScaffoldFile(path: path(slug: slug, bundle: bundle), text: text)
    }
}
