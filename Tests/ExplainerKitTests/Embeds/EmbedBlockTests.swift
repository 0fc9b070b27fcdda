import Foundation
import Testing

@testable import ExplainerKit

/// `embed` blocks in the Markdown stage: the figure they become, the origins their chunk
/// records, and the errors at the block's lines.
@Suite struct EmbedBlockTests {
    static let youTube = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

    func render(_ markdown: String, embeds: EmbedProviders = .standard) -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, unsafe: false, reservedIDs: [], basePath: "", smart: true, references: nil, embeds: embeds)
    }

    func errors(_ markdown: String) -> [MarkdownNote] {
        render(markdown).notes.filter { $0.severity == .error }
    }

    @Test func aVideoBecomesASandboxedLazyFrameWithALinkToTheOriginal() {
        let rendered = render("Intro.\n\n```embed\n\(Self.youTube)\ntitle: The \"interview\" & more\n```\n")
        #expect(rendered.notes.isEmpty)
        let html = rendered.html
        #expect(html.contains("<figure class=\"embed embed-ratio embed-16-9\">"))
        #expect(
            html.contains(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"The &quot;interview&quot; &amp; more\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation\" referrerpolicy=\"strict-origin-when-cross-origin\" allow=\"fullscreen; picture-in-picture; encrypted-media\"></iframe>"
            ), "\(html)")
        #expect(
            html.contains(
                "<figcaption><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">The &quot;interview&quot; &amp; more</a> <span class=\"embed-source\">(YouTube)</span></figcaption>"
            ))
        #expect(!html.contains("style="))
        #expect(!html.contains("<pre"))
        #expect(rendered.lede.frameOrigins == ["https://www.youtube-nocookie.com"])
    }

    @Test func ratioAndHeightChangeTheBox() {
        let ratio = render("```embed\n\(Self.youTube)\ntitle: T\nratio: 4:3\n```\n")
        #expect(ratio.html.contains("class=\"embed embed-ratio embed-4-3\""))
        let height = render("```embed\n\(Self.youTube)\ntitle: T\nheight: 320\n```\n")
        #expect(height.html.contains("class=\"embed embed-fixed\""))
        #expect(height.html.contains(" height=\"320\" "))
        let spotify = render("```embed\nhttps://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk\ntitle: Episode 1\n```\n")
        #expect(spotify.html.contains(" height=\"152\" ") && spotify.html.contains("allow=\"encrypted-media\""))
        let chart = render("```embed\nhttps://datawrapper.dwcdn.net/Ab1Cd/\ntitle: Chart\n```\n")
        #expect(chart.html.contains(" height=\"400\" ") && !chart.html.contains(" allow="))
    }

    @Test func eachChunkRecordsTheOriginsOfItsEmbeds() {
        let markdown = """
            Lede.

            ## Video

            ```embed
            https://vimeo.com/76979871
            title: A film
            ```

            ```embed
            https://youtu.be/dQw4w9WgXcQ
            title: Another
            ```

            ```embed
            https://vimeo.com/1234
            title: A second film
            ```

            ## Text

            Nothing embedded; a plain code block stays one:

            ```swift
            https://www.youtube.com/watch?v=dQw4w9WgXcQ
            ```
            """
        let rendered = render(markdown)
        #expect(rendered.notes.isEmpty)
        #expect(rendered.lede.frameOrigins.isEmpty)
        #expect(rendered.sections[0].frameOrigins == ["https://player.vimeo.com", "https://www.youtube-nocookie.com"])
        #expect(rendered.sections[1].frameOrigins.isEmpty)
        #expect(rendered.sections[1].html.contains("<pre><code class=\"language-swift\">"))
    }

    @Test func aMissingTitleIsAnErrorAtTheBlock() throws {
        let notes = errors("Intro.\n\n```embed\n\(Self.youTube)\n```\n")
        let note = try #require(notes.first)
        #expect(notes.count == 1)
        #expect(note.line == 4)
        #expect(note.message == "The embed has no title.")
        #expect(note.hint.contains("title:"))
        #expect(errors("```embed\n\(Self.youTube)\ntitle:\n```\n").first?.line == 3)
    }

    @Test func anUnknownProviderNamesTheAllowedOnes() throws {
        let note = try #require(errors("Intro.\n\n```embed\nhttps://charts.example.org/1\ntitle: T\n```\n").first)
        #expect(note.line == 4)
        #expect(note.message.contains("charts.example.org"))
        #expect(note.hint.contains("YouTube") && note.hint.contains("embeds:"))
    }

    @Test func malformedAndInsecureAddressesAreErrors() throws {
        let malformed = try #require(errors("```embed\nyoutube dot com\ntitle: T\n```\n").first)
        #expect(malformed.line == 2 && malformed.message.contains("not a web address"))
        let insecure = try #require(errors("```embed\nhttp://vimeo.com/1234\ntitle: T\n```\n").first)
        #expect(insecure.line == 2 && insecure.message.contains("not https"))
        let empty = try #require(errors("Text.\n\n```embed\n```\n").first)
        #expect(empty.line == 3 && empty.message.contains("no address"))
    }

    @Test func badKeysRatiosAndHeightsAreErrorsAtTheirLines() {
        let notes = errors(
            "```embed\n\(Self.youTube)\ntitle: T\ncaption: x\nratio: 5:3\n```\n\n```embed\n\(Self.youTube)\ntitle: T\nheight: 10\n```\n"
                + "\n```embed\n\(Self.youTube)\ntitle: T\nratio: 16:9\nheight: 300\n```\n\n```embed\n\(Self.youTube)\ntitle: T\ntitle: U\n```\n"
        )
        #expect(notes.map(\.line) == [4, 5, 11, 18, 24])
        #expect(notes[0].message.contains("Unknown embed key `caption`"))
        #expect(notes[1].hint.contains("16:9, 4:3"))
        #expect(notes[2].message.contains("from 50 to 2000"))
        #expect(notes[3].message.contains("both"))
        #expect(notes[4].message.contains("twice"))
    }

    @Test func anErrorStopsTheBuildAtTheFilesLine() throws {
        let article = Fixtures.article().replacingOccurrences(of: "History paragraph one.", with: "```embed\n\(Self.youTube)\n```")
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)])) }
        let diagnostic = try #require(failure?.diagnostics.first { $0.message == "The embed has no title." })
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "```embed" })
        #expect(diagnostic.file == "Content/a.md")
        #expect(diagnostic.line == line + 2)
    }
}
