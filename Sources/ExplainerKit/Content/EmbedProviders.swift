/// The sites an explainer may embed frames from, and the one place their rules are kept: the
/// built-in providers, those `site.yml` adds (`embeds:`), and how an author's address becomes
/// a frame's (`resolve`). A frame's CSP origin is its address's origin, so `frame-src` allows
/// exactly what a page shows.
struct EmbedProviders: Sendable, Hashable {
    /// An address resolved: the frame's address, the original page, its origin and box.
    struct Resolved: Sendable, Hashable {
        var provider: EmbedProvider
        /// The iframe's `src`.
        var src: String
        /// The page the caption links to: it works with scripts or third parties blocked.
        var original: String
        /// `src`'s origin, for the page's `frame-src`.
        var origin: String
        /// The provider's default box for this address (a YouTube short is 9:16).
        var size: EmbedProvider.Size
    }

    /// Why an address cannot be embedded, in one sentence, and what to do.
    struct Problem: Error, Sendable, Hashable {
        var message: String
        var hint: String
    }

    /// The providers `site.yml` adds, in its order, before the built-in ones.
    var added: [EmbedProvider] = []

    /// The built-in providers and no other.
    static let standard = EmbedProviders()

    /// Sandbox of the built-in frames: scripts on their own origin (they are another site, so
    /// this does not reach the page), links opened in a new tab as ordinary pages.
    private static let sandbox = ["allow-scripts", "allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox"]
    /// Video players may also go full screen (`allow-presentation`, `allow="fullscreen"`).
    private static let videoSandbox = sandbox + ["allow-presentation"]
    private static let videoAllow = "fullscreen; picture-in-picture; encrypted-media"

    /// Datawrapper and Flourish (charts, maps), YouTube and Vimeo (video), Spotify and Apple
    /// Podcasts (the two directories most listeners use, both with an embeddable player per episode).
    static let builtIn: [EmbedProvider] = [
        EmbedProvider(
            name: "Datawrapper", hosts: ["datawrapper.dwcdn.net", "www.datawrapper.de", "datawrapper.de"], sandbox: sandbox,
            allow: "", size: .height(400), rewrite: .datawrapper),
        EmbedProvider(
            name: "Flourish", hosts: ["flo.uri.sh", "public.flourish.studio"], sandbox: sandbox, allow: "fullscreen",
            size: .ratio("4:3"), rewrite: .flourish),
        EmbedProvider(
            name: "YouTube",
            hosts: ["www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com", "youtube-nocookie.com"],
            sandbox: videoSandbox, allow: videoAllow, size: .ratio("16:9"), rewrite: .youtube),
        EmbedProvider(
            name: "Vimeo", hosts: ["vimeo.com", "www.vimeo.com", "player.vimeo.com"], sandbox: videoSandbox, allow: videoAllow,
            size: .ratio("16:9"), rewrite: .vimeo),
        EmbedProvider(
            name: "Spotify", hosts: ["open.spotify.com"], sandbox: sandbox, allow: "encrypted-media", size: .height(152),
            rewrite: .spotify),
        EmbedProvider(
            name: "Apple Podcasts", hosts: ["podcasts.apple.com", "embed.podcasts.apple.com"], sandbox: sandbox + ["allow-forms"],
            allow: "encrypted-media", size: .height(175), rewrite: .applePodcasts),
    ]

    /// Every provider: those of `site.yml`, then the built-in ones.
    var all: [EmbedProvider] { added + Self.builtIn }

    /// The providers as a hint names them: `Datawrapper (datawrapper.dwcdn.net, …), …`.
    var listed: String {
        all.map { "\($0.name) (\($0.hosts.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// The frame an author's `text` (the block's first line) shows, or why it cannot.
    func resolve(_ text: String) -> Result<Resolved, Problem> {
        guard let address = EmbedAddress(text) else {
            return .failure(
                Problem(
                    message: "`\(UnsafeCharacters.printable(text))` is not a web address.",
                    hint: "Write the address of the page to embed on the block's first line, e.g. `https://www.youtube.com/watch?v=…`."))
        }
        guard address.scheme == "https" || (address.scheme == "http" && address.isLoopback) else {
            return .failure(
                Problem(
                    message: "The embed's address `\(address.text)` is not https.",
                    hint: "Write it with https:// (a page over https may not show frames over http)."))
        }
        guard let provider = all.first(where: { $0.hosts.contains(address.host) }) else {
            return .failure(
                Problem(
                    message: "No embed provider serves `\(address.host)`.",
                    hint: "Embeds may come from \(listed). Add a provider for it under `embeds:` in site.yml (docs/embeds.md)."))
        }
        guard let (src, original, size) = Self.rewrite(address, by: provider) else {
            return .failure(
                Problem(
                    message: "`\(address.text)` is not an address \(provider.name) can embed.",
                    hint: "Use \(Self.expected(provider.rewrite))."))
        }
        let origin = EmbedAddress(src)?.origin ?? address.origin
        return .success(Resolved(provider: provider, src: src, original: original, origin: origin, size: size))
    }

    /// The addresses a provider embeds, for the hint when one does not fit.
    private static func expected(_ rewrite: EmbedProvider.Rewrite) -> String {
        switch rewrite {
        case .asGiven: "any address on the provider's hosts"
        case .datawrapper: "a chart's address: https://datawrapper.dwcdn.net/ID/ (or /ID/VERSION/) or https://www.datawrapper.de/_/ID/"
        case .flourish: "https://public.flourish.studio/visualisation/NUMBER/ (or /story/NUMBER/), or its flo.uri.sh address"
        case .youtube: "a video's address: https://www.youtube.com/watch?v=ID, https://youtu.be/ID, /embed/ID or /shorts/ID"
        case .vimeo: "a video's address: https://vimeo.com/NUMBER (or /NUMBER/HASH when unlisted)"
        case .spotify: "an episode's or show's address: https://open.spotify.com/episode/ID or /show/ID"
        case .applePodcasts: "https://podcasts.apple.com/CC/podcast/NAME/idNUMBER (with ?i=NUMBER for one episode)"
        }
    }

    /// `address` as `provider`'s frame: its `src`, the original page and the default box; nil
    /// when the address is not one the provider embeds.
    private static func rewrite(_ address: EmbedAddress, by provider: EmbedProvider) -> (String, String, EmbedProvider.Size)? {
        let parts = address.segments
        switch provider.rewrite {
        case .asGiven:
            return (address.text, address.text, provider.size)
        case .datawrapper:
            var id: Substring
            var version: Substring?
            if address.host == "datawrapper.dwcdn.net" {
                guard (1...2).contains(parts.count) else { return nil }
                id = parts[0]
                if parts.count == 2 { version = parts[1] }
            } else {
                guard parts.count == 2, parts[0] == "_" else { return nil }
                id = parts[1]
            }
            guard id.count == 5, id.allSatisfy(isAlphanumeric), version.map(isNumber) ?? true else { return nil }
            let src = "https://datawrapper.dwcdn.net/\(id)/" + (version.map { "\($0)/" } ?? "")
            return (src, src, provider.size)
        case .flourish:
            guard parts.count >= 2, parts[0] == "visualisation" || parts[0] == "story", isNumber(parts[1]) else { return nil }
            return (
                "https://flo.uri.sh/\(parts[0])/\(parts[1])/embed", "https://public.flourish.studio/\(parts[0])/\(parts[1])/",
                provider.size
            )
        case .youtube:
            var id: Substring?
            var size = provider.size
            if address.host == "youtu.be" {
                id = parts.count == 1 ? parts[0] : nil
            } else if parts == ["watch"] {
                id = address.queryValue("v")
            } else if parts.count == 2, ["embed", "shorts", "live"].contains(parts[0]) {
                id = parts[1]
                if parts[0] == "shorts" { size = .ratio("9:16") }
            }
            guard let id, id.count == 11, id.allSatisfy({ isAlphanumeric($0) || $0 == "-" || $0 == "_" }) else { return nil }
            return ("https://www.youtube-nocookie.com/embed/\(id)", "https://www.youtube.com/watch?v=\(id)", size)
        case .vimeo:
            var id: Substring
            var hash: Substring?
            if address.host == "player.vimeo.com" {
                guard parts.count == 2, parts[0] == "video" else { return nil }
                id = parts[1]
                hash = address.queryValue("h")
            } else {
                guard (1...2).contains(parts.count) else { return nil }
                id = parts[0]
                if parts.count == 2 { hash = parts[1] }
            }
            guard id.count <= 12, isNumber(id), hash.map({ !$0.isEmpty && $0.count <= 32 && $0.allSatisfy(\.isHexDigit) }) ?? true
            else { return nil }
            return (
                "https://player.vimeo.com/video/\(id)" + (hash.map { "?h=\($0)" } ?? ""),
                "https://vimeo.com/\(id)" + (hash.map { "/\($0)" } ?? ""), provider.size
            )
        case .spotify:
            var rest = parts[...]
            if rest.first?.hasPrefix("intl-") == true { rest = rest.dropFirst() }
            if rest.first == "embed" { rest = rest.dropFirst() }
            guard rest.count == 2, let kind = rest.first, kind == "episode" || kind == "show", let id = rest.last,
                id.count == 22, id.allSatisfy(isAlphanumeric)
            else { return nil }
            return ("https://open.spotify.com/embed/\(kind)/\(id)", "https://open.spotify.com/\(kind)/\(id)", provider.size)
        case .applePodcasts:
            guard parts.count == 4, parts[0].count == 2, parts[0].allSatisfy(isAlphanumeric), parts[1] == "podcast",
                parts[2].allSatisfy({ isAlphanumeric($0) || $0 == "-" || $0 == "%" || $0 == "_" || $0 == "." }),
                parts[3].hasPrefix("id"), parts[3].count <= 14, isNumber(parts[3].dropFirst(2))
            else { return nil }
            let episode = address.queryValue("i")
            guard episode.map(isNumber) ?? true else { return nil }
            let path = "/\(parts[0])/podcast/\(parts[2])/\(parts[3])" + (episode.map { "?i=\($0)" } ?? "")
            return (
                "https://embed.podcasts.apple.com" + path, "https://podcasts.apple.com" + path,
                episode == nil ? .height(450) : provider.size
            )
        }
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// Whether `text` is a run of ASCII digits (1 to 20 of them).
    private static func isNumber(_ text: Substring) -> Bool {
        (1...20).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
