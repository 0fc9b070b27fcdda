import Testing

@testable import ExplainerKit

/// The built-in embed providers: each address form an author pastes becomes the provider's
/// frame address, with the link to the original page, the frame's origin, sandbox and box.
@Suite struct EmbedProviderTests {
    func resolved(_ text: String, _ providers: EmbedProviders = .standard) throws -> EmbedProviders.Resolved {
        try providers.resolve(text).get()
    }

    func problem(_ text: String, _ providers: EmbedProviders = .standard) -> EmbedProviders.Problem? {
        if case .failure(let problem) = providers.resolve(text) { return problem }
        return nil
    }

    @Test(arguments: [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?si=abc",
        "https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ", "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ#t=3",
    ])
    func youTubeAddressesBecomeTheNoCookiePlayer(_ text: String) throws {
        let embed = try resolved(text)
        #expect(embed.provider.name == "YouTube")
        #expect(embed.src == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        #expect(embed.original == "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        #expect(embed.origin == "https://www.youtube-nocookie.com")
        #expect(embed.size == .ratio("16:9"))
        #expect(embed.provider.sandbox.contains("allow-scripts") && embed.provider.sandbox.contains("allow-presentation"))
        #expect(embed.provider.allow.contains("fullscreen"))
    }

    @Test func aYouTubeShortIsUpright() throws {
        let embed = try resolved("https://www.youtube.com/shorts/abcdefghijk")
        #expect(embed.src == "https://www.youtube-nocookie.com/embed/abcdefghijk")
        #expect(embed.size == .ratio("9:16"))
    }

    @Test(arguments: [
        "https://www.youtube.com/watch?v=short", "https://www.youtube.com/channel/UCabc", "https://youtu.be/",
        "https://www.youtube.com/watch?v=dQw4w9WgXc%22",
    ])
    func otherYouTubeAddressesAreRefused(_ text: String) throws {
        let problem = try #require(self.problem(text))
        #expect(problem.message.contains("YouTube"))
        #expect(problem.hint.contains("watch?v=ID"))
    }

    @Test func vimeoAddressesBecomeThePlayer() throws {
        for text in ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871", "https://www.vimeo.com/76979871/"] {
            let embed = try resolved(text)
            #expect(embed.src == "https://player.vimeo.com/video/76979871", "\(text)")
            #expect(embed.original == "https://vimeo.com/76979871")
            #expect(embed.origin == "https://player.vimeo.com")
            #expect(embed.size == .ratio("16:9"))
        }
        let unlisted = try resolved("https://vimeo.com/76979871/0a1b2c3d4e")
        #expect(unlisted.src == "https://player.vimeo.com/video/76979871?h=0a1b2c3d4e")
        #expect(unlisted.original == "https://vimeo.com/76979871/0a1b2c3d4e")
        #expect(try resolved("https://player.vimeo.com/video/76979871?h=0a1b2c3d4e").src == unlisted.src)
        #expect(problem("https://vimeo.com/channels/staffpicks") != nil)
    }

    @Test func datawrapperChartsAreEmbeddedAsPublished() throws {
        let chart = try resolved("https://datawrapper.dwcdn.net/Ab1Cd/3/")
        #expect(chart.provider.name == "Datawrapper")
        #expect(chart.src == "https://datawrapper.dwcdn.net/Ab1Cd/3/")
        #expect(chart.original == chart.src)
        #expect(chart.origin == "https://datawrapper.dwcdn.net")
        #expect(chart.size == .height(400))
        #expect(try resolved("https://www.datawrapper.de/_/Ab1Cd/").src == "https://datawrapper.dwcdn.net/Ab1Cd/")
        #expect(try resolved("https://datawrapper.dwcdn.net/Ab1Cd").src == "https://datawrapper.dwcdn.net/Ab1Cd/")
        #expect(problem("https://datawrapper.dwcdn.net/toolong1/") != nil)
        #expect(!chart.provider.sandbox.contains("allow-presentation"))
    }

    @Test func flourishVisualisationsUseTheirEmbedAddress() throws {
        let page = try resolved("https://public.flourish.studio/visualisation/1234567/")
        #expect(page.provider.name == "Flourish")
        #expect(page.src == "https://flo.uri.sh/visualisation/1234567/embed")
        #expect(page.original == "https://public.flourish.studio/visualisation/1234567/")
        #expect(page.origin == "https://flo.uri.sh")
        #expect(page.size == .ratio("4:3"))
        #expect(try resolved("https://flo.uri.sh/visualisation/1234567/embed").src == page.src)
        #expect(try resolved("https://public.flourish.studio/story/42/").src == "https://flo.uri.sh/story/42/embed")
        #expect(problem("https://public.flourish.studio/visualisation/abc/") != nil)
    }

    @Test func spotifyEpisodesAndShowsUseTheEmbedPlayer() throws {
        let id = "4rOoJ6Egrf8K2IrywzwOMk"
        for text in [
            "https://open.spotify.com/episode/\(id)", "https://open.spotify.com/episode/\(id)?si=x",
            "https://open.spotify.com/embed/episode/\(id)", "https://open.spotify.com/intl-de/episode/\(id)",
        ] {
            let embed = try resolved(text)
            #expect(embed.src == "https://open.spotify.com/embed/episode/\(id)", "\(text)")
            #expect(embed.original == "https://open.spotify.com/episode/\(id)")
            #expect(embed.origin == "https://open.spotify.com")
            #expect(embed.size == .height(152))
        }
        #expect(try resolved("https://open.spotify.com/show/\(id)").src == "https://open.spotify.com/embed/show/\(id)")
        #expect(problem("https://open.spotify.com/track/\(id)") != nil)
    }

    @Test func applePodcastsUseTheEmbedHost() throws {
        let episode = try resolved("https://podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000000")
        #expect(episode.provider.name == "Apple Podcasts")
        #expect(episode.src == "https://embed.podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000000")
        #expect(episode.original == "https://podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000000")
        #expect(episode.origin == "https://embed.podcasts.apple.com")
        #expect(episode.size == .height(175))
        let show = try resolved("https://podcasts.apple.com/us/podcast/the-daily/id1200361736")
        #expect(show.size == .height(450))
        #expect(problem("https://podcasts.apple.com/us/charts") != nil)
    }

    @Test func anUnknownHostNamesTheProviders() throws {
        let problem = try #require(self.problem("https://example.com/chart"))
        #expect(problem.message.contains("example.com"))
        for name in ["Datawrapper", "Flourish", "YouTube", "Vimeo", "Spotify", "Apple Podcasts", "site.yml"] {
            #expect(problem.hint.contains(name), "\(name)")
        }
    }

    @Test(arguments: [
        "not a url", "www.youtube.com/watch?v=dQw4w9WgXcQ", "https://", "https://exa mple.com/", "https://a@b.com/",
        "https://example.com:99999/", "https://\"x\".com/",
    ])
    func malformedAddressesAreRefused(_ text: String) throws {
        let problem = try #require(self.problem(text))
        #expect(problem.message.contains("not a web address"))
    }

    @Test func plainHTTPIsRefusedExceptOnThisMachine() throws {
        let problem = try #require(self.problem("http://www.youtube.com/watch?v=dQw4w9WgXcQ"))
        #expect(problem.message.contains("not https"))
        let local = EmbedProviders(added: [
            EmbedProvider(name: "Local", hosts: ["127.0.0.1"], sandbox: [], allow: "", size: .height(300), rewrite: .asGiven)
        ])
        let embed = try resolved("http://127.0.0.1:8765/chart.html?x=1", local)
        #expect(embed.src == "http://127.0.0.1:8765/chart.html?x=1")
        #expect(embed.origin == "http://127.0.0.1:8765")
        #expect(self.problem("http://127.0.0.2/chart.html", local)?.message.contains("not https") == true)
    }
}
