/// The front matter as the pages show it: every string a reader sees as text goes through
/// `SmartText.typeset`, so that it is set like the body. Done once per article, in the render
/// step (`ArticleRenderer`); the templates, JSON-LD, the feed, the sitemap and the home cards
/// all read the result.
///
/// Typeset: `title`, `summary`, `keyPoints`, each `timeline` entry's date and event, each
/// `updates` entry's text, `known`, `unknown`, the lead image's alt text and credit. A
/// `sections:` heading becomes the text of the H2 it names (matched by `HeadingMatch.key`), and
/// a `label:` is typeset.
/// Left as written: tags (names, compared across explainers), slugs, paths and dates.
enum FrontMatterTypesetting {
    /// `frontMatter` typeset; `headings` are the body's H2 texts (typeset by cmark), each
    /// `sections:` entry taking the one it matches.
    static func typeset(_ frontMatter: FrontMatter, headings: [String]) -> FrontMatter {
        typeset(
            frontMatter,
            headingByKey: Dictionary(headings.map { (HeadingMatch.key($0), $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// `typeset(_:headings:)` with the headings already keyed by `HeadingMatch.key` (the render
    /// step keys each heading once, for its bindings and for this).
    static func typeset(_ frontMatter: FrontMatter, headingByKey: [String: String]) -> FrontMatter {
        let smart = SmartText.typeset
        var out = frontMatter
        out.title = smart(frontMatter.title)
        out.summary = smart(frontMatter.summary)
        out.keyPoints = frontMatter.keyPoints.map(smart)
        out.timeline = frontMatter.timeline.map { entry in
            var entry = entry
            entry.date = smart(entry.date)
            entry.event = smart(entry.event)
            return entry
        }
        out.updates = frontMatter.updates.map { update in
            var update = update
            update.text = smart(update.text)
            return update
        }
        out.known = frontMatter.known.map(smart)
        out.unknown = frontMatter.unknown.map(smart)
        if var image = frontMatter.image {
            image.alt = smart(image.alt)
            image.credit = image.credit.map(smart)
            out.image = image
        }
        out.sections = frontMatter.sections.map { binding in
            var binding = binding
            binding.heading = headingByKey[HeadingMatch.key(binding.heading)] ?? smart(binding.heading)
            binding.label = binding.label.map(smart)
            return binding
        }
        return out
    }
}

extension SiteAuthors {
    /// The authors file as the pages show it: each author's name, role, bio and links' text
    /// through `SmartText.typeset`, as the front matter is (`O'Brien` → `O’Brien`). Keys and
    /// URLs are left as written. Done once per build, when `smartPunctuation` is on.
    func typeset() -> SiteAuthors {
        let smart = SmartText.typeset
        return SiteAuthors(
            file: file,
            all: all.map { author in
                var author = author
                author.name = smart(author.name)
                author.role = author.role.map(smart)
                author.bio = author.bio.map(smart)
                author.links = author.links.map { ExternalLink(text: smart($0.text), url: $0.url) }
                return author
            })
    }
}
