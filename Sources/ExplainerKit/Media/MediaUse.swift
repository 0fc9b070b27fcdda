/// How an article uses one file of its bundle, which decides what is published of it.
struct MediaUse: Sendable, Hashable {
    /// Relative to the content folder: `map-story/images/map.png`.
    var contentPath: String
    /// Shown in the text (`![…](…)`): its resized copies are published.
    var inline = false
    /// Linked to (`[…](photo.jpg)`): the original is published, stripped of its metadata.
    var original = false
    /// The lead image (`image:`): its copies and its social-card crops are published.
    var lead = false
}
