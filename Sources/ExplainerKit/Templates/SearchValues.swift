/// `search`: what a page says to Pagefind and links of search, on every page of a site with
/// search on (absent with `search: false`). The explainers' overview, section and quotes pages
/// are indexed (`indexed`: `data-pagefind-body`), with their kind, topics and the explainer's
/// date as metadata and the date as sort; every other page is left out of the index.
///
/// Kind and topic are metadata, not filters: Pagefind 1.5.2 writes its filter indexes in a
/// random order (fixed upstream after 1.5.2, pagefind#1124), and the index must be the same
/// bytes for the same site.
final class SearchValues: TemplateObject {
    /// The page kinds whose text is indexed: the explainers' short pages (not the one-page
    /// view, which repeats them, nor listings).
    static let indexedKinds: Set<Page.Kind> = [.overview, .section, .quotes]

    let url: String
    let bundleURL: String
    let resultsBaseURL: String
    let indexed: Bool
    let isSearchPage: Bool
    let kind: String?
    let date: String?
    let topics: String?

    /// `strings`: the page's language's (its `kind` is said in it).
    init(_ page: Page, urls: SiteURLs, strings: LocalizedStrings = .english) {
        url = urls.search
        bundleURL = urls.pagefind
        resultsBaseURL = urls.siteURL("/")
        isSearchPage = page.kind == .search
        let indexed = page.article != nil && Self.indexedKinds.contains(page.kind)
        self.indexed = indexed
        kind = indexed ? Self.label(page.kind, strings) : nil
        date = indexed ? page.article?.frontMatter.date.iso : nil
        topics = indexed && !page.topics.isEmpty ? page.topics.map(\.name).joined(separator: ", ") : nil
    }

    /// The `kind` metadata of an indexed page, in the page's language: `Overview`, `Section`, `Quotes`.
    static func label(_ kind: Page.Kind, _ strings: LocalizedStrings = .english) -> String {
        switch kind {
        case .overview: strings.text("overview")
        case .section: strings.text("section")
        case .quotes: strings.text("quotes")
        default: kind.rawValue
        }
    }

    static let templateFields = TemplateFields<SearchValues>([
        .field("url", "the search page's URL (with the base path): the header's link", \.url),
        .field("bundleURL", "the Pagefind bundle's folder URL, ending in `/` (`<pagefind-config bundle-path>`)", \.bundleURL),
        .field(
            "resultsBaseURL", "the base path ending in `/`, which Pagefind puts before each result's URL (`base-url`)",
            \.resultsBaseURL),
        .field("indexed", "whether the page is indexed: an explainer's overview, section or quotes page (`data-pagefind-body`)", \.indexed),
        .field("isSearchPage", "whether this is the search page", \.isSearchPage),
        .field("kind", "on an indexed page, its kind (Pagefind metadata `kind`): `Overview`, `Section` or `Quotes`", \.kind),
        .field("date", "on an indexed page, the explainer's date, `2024-03-01` (Pagefind's `date` metadata and sort)", \.date),
        .field("topics", "on an indexed page with topics, their names joined by `, ` (Pagefind metadata `topics`)", \.topics),
    ])
}
