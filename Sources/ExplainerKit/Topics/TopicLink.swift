/// A topic as a page names and links it: the spelling the site shows (`SiteTopics`: the one
/// most used) and its slug, the last part of its page's address (`/topics/<slug>/`).
struct TopicLink: Sendable, Hashable {
    var name: String
    var slug: String
}
