/// `pagination`: where a home (or topic) page stands among its pages, as the listing pager
/// shows it: the position's numbers and URLs, and `label` ("Page 2 of 3") in the page's
/// language, with the table's word order (`pageOfCount`).
final class PaginationValues: TemplateObject {
    let position: ListingPosition
    /// "Page 2 of 3", from the table.
    let label: String

    init(_ position: ListingPosition, strings: LocalizedStrings) {
        self.position = position
        label = strings.text("pageOfCount", ["number": String(position.number), "count": String(position.count)])
    }

    static let templateFields = TemplateFields<PaginationValues>([
        .field("number", "this page's number among the home (or the topic's) pages, from 1", \.position.number),
        .field("count", "how many of those pages there are", \.position.count),
        .field("label", "“Page 2 of 3” in the page's language (`pageOfCount`)", \.label),
        .field("previousURL", "the newer page's URL (absent on the first)", \.position.previousURL),
        .field("nextURL", "the older page's URL (absent on the last)", \.position.nextURL),
    ])
}
