/// The one rule that cuts a list of explainers into listing pages (the home pages, a topic's
/// pages): `size` to a page, in the order given, always at least one page (empty when there is
/// nothing to list), each knowing its place and its neighbours' URLs.
enum ListingPagination {
    /// One listing page: its number, its URL, its explainers and its place among the pages
    /// (nil when there is only one).
    struct Slice {
        var number: Int
        var count: Int
        var url: String
        var articles: [RenderedArticle]
        var position: ListingPosition?

        /// The title of this page of a listing titled `title`: `title` itself on the first
        /// page, then `Site, page 2` as the language says it (`pageTitle`).
        func title(_ title: String, _ strings: LocalizedStrings) -> String {
            number == 1 ? title : strings.text("pageTitle", ["title": title, "number": String(number)])
        }

        /// The description past the first page: `… (page 2 of 3)` (`pageDescription`).
        func description(_ description: String, _ strings: LocalizedStrings) -> String {
            number == 1
                ? description
                : strings.text("pageDescription", ["description": description, "number": String(number), "count": String(count)])
        }
    }

    /// The pages of `articles`, `size` to a page (at least 1); `url` gives page `number`'s URL.
    static func pages(of articles: [RenderedArticle], size: Int, url: (_ number: Int) -> String) -> [Slice] {
        let size = max(1, size)
        let count = max(1, (articles.count + size - 1) / size)
        return (1...count).map { number in
            let range = min(articles.count, (number - 1) * size)..<min(articles.count, number * size)
            return Slice(
                number: number, count: count, url: url(number), articles: Array(articles[range]),
                position: count == 1
                    ? nil
                    : ListingPosition(
                        number: number, count: count, previousURL: number > 1 ? url(number - 1) : nil,
                        nextURL: number < count ? url(number + 1) : nil))
        }
    }
}
