/// An author as templates see them (`explainer.authors[]`, `author`, `authors[]`): the
/// authors file's entry, the URL of their page, and, in a byline, what follows their name.
final class AuthorValues: TemplateObject {
    let author: SiteAuthor
    /// Their page on this site: `/authors/ana-diaz/`.
    let url: String
    /// What follows the name in a byline: `, ` or ` and ` between names, nothing after the last.
    let separator: String
    /// On their own page, the heading of their explainers' list: `Explainers by Ana Díaz`.
    let explainersBy: String?

    init(_ author: SiteAuthor, urls: SiteURLs, separator: String = "", explainersBy: String? = nil) {
        self.author = author
        url = urls.author(author.key)
        self.separator = separator
        self.explainersBy = explainersBy
    }

    /// `authors` as a byline lists them: `Ana, Ben and Chloé`, with the separators of
    /// `strings`' language (`bylineComma`, `bylineAnd`).
    static func byline(_ authors: [SiteAuthor], urls: SiteURLs, strings: LocalizedStrings = .english) -> [AuthorValues] {
        let comma = strings.text("bylineComma")
        let and = strings.text("bylineAnd")
        return authors.enumerated().map { index, author in
            let separator = index == authors.count - 1 ? "" : index == authors.count - 2 ? and : comma
            return AuthorValues(author, urls: urls, separator: separator)
        }
    }

    static let templateFields = TemplateFields<AuthorValues>([
        .field("name", "`name` in the authors file", \.author.name),
        .field("key", "the author's key in the authors file (the slug of their page)", \.author.key),
        .field("url", "the URL of their page on this site (`/authors/KEY/`)", \.url),
        .field("role", "`role` in the authors file (absent without one)", \.author.role),
        .field("bio", "`bio` in the authors file (absent without one)", \.author.bio),
        .field("website", "`url` in the authors file: their own page elsewhere (absent without one)", \.author.url),
        .field("links", "`links` in the authors file, in their order", { $0.author.links.map(AuthorLink.init) }),
        .field("separator", "in a byline, what follows the name: `, `, ` and `, or nothing after the last", \.separator),
        .field("explainersBy", "on their own page, `Explainers by NAME` in the page's language", \.explainersBy),
    ])
}

/// One of an author's `links` (`{ text, url }`), as templates see it.
struct AuthorLink: TemplateObject {
    let link: ExternalLink

    static let templateFields = TemplateFields<AuthorLink>([
        .field("text", "the link's text (`text`)", \.link.text),
        .field("url", "the link's address (`url`)", \.link.url),
    ])
}
