/// A site an explainer may embed a frame from (a chart, a video, a podcast episode): the hosts
/// an author's address may name, how that address becomes the frame's, and what the frame is
/// allowed. The built-in ones and those `site.yml` adds (`embeds:`) are listed in
/// `EmbedProviders`, the one place the rules are kept.
struct EmbedProvider: Sendable, Hashable {
    /// The frame's box: a ratio (one of `EmbedProvider.ratios`, drawn by a CSS class) or a
    /// height in pixels (the iframe's `height` attribute). No inline style: the CSP forbids it.
    enum Size: Sendable, Hashable {
        case ratio(String)
        case height(Int)
    }

    /// How an author's address becomes the frame's address and the link to the original page.
    enum Rewrite: Sendable, Hashable {
        /// The address is the frame's, and the link's (providers added in `site.yml`).
        case asGiven
        case datawrapper, flourish, youtube, vimeo, spotify, applePodcasts
    }

    /// Shown in messages and in the figure's caption (`YouTube`).
    var name: String
    /// The hosts (lowercased, exact) an author's address may have.
    var hosts: [String]
    /// The iframe's `sandbox` tokens.
    var sandbox: [String]
    /// The iframe's `allow` (Permissions Policy), empty for none.
    var allow: String
    /// The box when the block names neither `ratio:` nor `height:`.
    var size: Size
    var rewrite: Rewrite

    /// The ratios a block (or a provider) may name, each drawn by the class `embed-W-H`.
    static let ratios = ["16:9", "4:3", "3:2", "1:1", "4:5", "9:16", "21:9"]
    /// The heights a block (or a provider) may name, in pixels.
    static let heights = 50...2000
    /// The sandbox tokens a provider may be given; none lets the frame navigate the page.
    static let sandboxTokens = [
        "allow-scripts", "allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox", "allow-presentation",
        "allow-forms", "allow-downloads", "allow-modals",
    ]
    /// The sandbox of a provider `site.yml` adds without naming one: scripts on its own
    /// origin, and links it opens in a new tab as ordinary pages.
    static let defaultSandbox = ["allow-scripts", "allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox"]

    /// The CSS class of a ratio: `16:9` → `embed-16-9`.
    static func className(ofRatio ratio: String) -> String {
        "embed-" + ratio.split(separator: ":").joined(separator: "-")
    }
}
