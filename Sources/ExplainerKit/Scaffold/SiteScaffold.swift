/// The files of a new site (`explainer init`): `Content/site.yml`, every key in it explained
/// in a comment and set to its default; a short sample explainer; a `.gitignore` for what
/// builds make. Pure: the caller writes them (`ScaffoldWriter`).
enum SiteScaffold {
    /// The site's files, paths relative to its folder; the sample is dated `today`.
    static func files(today: ArticleDate) -> [ScaffoldFile] {
        [
            ScaffoldFile(path: "Content/site.yml", text: siteYML),
            ScaffoldFile(path: "Content/\(SampleExplainer.fileName)", text: SampleExplainer.text(date: today)),
            ScaffoldFile(path: ".gitignore", text: gitignore),
        ]
    }

    /// The title a new site has until its `site.yml` is edited.
    static let title = "My explainers"

    /// `Content/site.yml`: each key with a comment saying what it does, the values the defaults
    /// (from the constants the decoder uses) but for the site's own name, address and author.
    static var siteYML: String {
        let widths = VariantPlan.defaultWidths.map(String.init).joined(separator: ", ")
        return """
            # The site's settings, read by `explainer build`, `preview` and `publish`.
            # A line starting with # is a comment. Only title and baseURL are required;
            # every other line below is set to its default, to show what it does.

            # The site's name: in every page's title and header, and in the feed.
            title: \(YAMLEscaping.doubleQuoted(title))

            # The address the site is published at, https:// and no trailing slash; with a
            # path if it lives in a folder of another site (https://example.org/explainers).
            # Links in the feed, the sitemap and link previews start with it, and pages are
            # served below its path. `--base-url` overrides it for one build or publish.
            baseURL: https://example.org

            # The language the explainers are written in, as a BCP 47 tag: en, en-GB, fr, pt-BR.
            language: en

            # The site's other languages (docs/languages.md): each has its pages below its tag
            # (/de/…), an explainer's translation being Content/<slug>.<tag>.md beside it.
            # Languages with translations are found anyway; here each may get its own title
            # and description:  de: { title: "Erklärt", description: "…" }
            languages: {}

            # Who publishes the site: shown at the foot of every page, named as the
            # publisher in search engines' data and as the author of the feed.
            author: "Newsroom name"

            # What the site is, in one sentence: under the title of the home page, and its
            # description in search results and link previews.
            description: "Long stories, told as short linked pages."

            # How many explainers the home page lists, newest first; more go on /page/2/, ….
            homePageSize: \(SiteConfig.defaultHomePageSize)

            # The files of explainers kept in a folder of their own (Content/<slug>/index.md
            # with images beside it, made by `explainer new --bundle`).
            media:
              # The largest file such a folder may hold, in MB.
              maxFileSize: \(SiteConfig.defaultMaxMediaFileMB)
              # The widths, in pixels, of the copies made of each image (browsers pick one).
              widths: [\(widths)]
              # The most pixels an image may have, in millions.
              maxMegapixels: \(ImageLimits.defaultMaxPixels / 1_000_000)

            # Embeds: ```embed blocks may show frames from Datawrapper, Flourish, YouTube,
            # Vimeo, Spotify and Apple Podcasts. Add other providers here (docs/embeds.md):
            #   - name: Our charts
            #     hosts: [charts.example.org]
            #     ratio: "4:3"
            embeds: []

            # Search: the explainers' pages indexed by Pagefind (it must be installed: see
            # Scripts/setup.sh) and a search page at /search/. Set it to false to leave it out.
            search: true

            # How `explainer publish --to s3://bucket` serves the site's files from the bucket.
            publish:
              # The Cache-Control header of each kind of file.
              cacheControl:
                # Files named by their content (the stylesheet, resized images, the search
                # index): they never change, so a browser or CDN may keep them for a year.
                immutable: \(YAMLEscaping.doubleQuoted(ObjectHeaderRules.defaultImmutable))
                # Pages, feeds, the sitemap and robots.txt: they change in place.
                pages: \(YAMLEscaping.doubleQuoted(ObjectHeaderRules.defaultPages))
                # Every other file (images under their own name, scripts, fonts).
                other: \(YAMLEscaping.doubleQuoted(ObjectHeaderRules.defaultOther))
              # HTML, CSS, XML, SVG, JavaScript and JSON stored gzipped (Content-Encoding:
              # gzip); false stores them as they are.
              gzip: true

            # Curly quotes, en and em dashes and ellipses (' " -- ... become ’ “ ” – …) in the
            # explainers' text. Set it to false to print what was typed.
            smartPunctuation: true

            # Lets raw HTML, and javascript: and data: links, through the Markdown of the
            # explainers. Keep it false unless you trust every author of the site.
            unsafeHTML: false

            """
    }

    /// `.gitignore`: the output folder and the media cache, both made anew by any build.
    /// (No `.build/`: a site's folder holds no Swift package.)
    static var gitignore: String {
        let paths = BuildRunner.Paths()
        return """
            # Made by `explainer build` and `preview`: the built site, and the media cache
            # (resized images, kept between builds; safe to delete).
            \(paths.output)/
            \(paths.cache ?? BuildRunner.Paths.defaultCacheFolder)/

            """
    }
}
