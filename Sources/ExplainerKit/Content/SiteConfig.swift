/// The site-wide settings of `Content/site.yml`.
package struct SiteConfig: Sendable, Hashable {
    var title: String
    /// Absolute URL the site is published at, without a trailing slash: `https://example.org`,
    /// `https://example.org/explainers` (see `BaseURL`).
    var baseURL: String
    /// BCP 47 language tag for `<html lang>` (as `languageTag` cases it).
    var language: String
    var author: String
    /// Describes the whole site (home page meta description).
    var description: String
    /// Lets raw HTML and `javascript:`/`data:` links through cmark. Off by default: turning it
    /// on means trusting every author of the site.
    var unsafeHTML: Bool
    /// Curly quotes, en and em dashes and ellipses (cmark's smart punctuation) in the body and in
    /// the front matter shown as text (`SmartText`). On by default: `smartPunctuation: false`.
    var smartPunctuation: Bool
    /// How many explainers each home page lists (newest first); more make `/page/2/`, … .
    var homePageSize: Int
    /// The largest a bundle file may be, in bytes: `media: { maxFileSize: 50 }` (in MB, MiB).
    var maxMediaFileSize: Int
    /// The widths of images' resized copies: `media: { widths: [480, 960, 1600] }`.
    var imageWidths: [Int]
    /// The most pixels an image may have: `media: { maxMegapixels: 100 }`.
    var maxImagePixels: Int
    /// Whether the build indexes the explainers with Pagefind and makes `/search/`: on by
    /// default, `search: false` turns it off.
    var search: Bool
    /// The providers `embed` blocks may show frames of: the built-in ones and those `embeds:` adds.
    var embeds = EmbedProviders.standard
    /// `languages:`: the site's other languages, each with its own space (`/de/`), in the order
    /// written (a language with translations in the content folder has one anyway).
    var languages: [SiteLanguage] = []
    /// How a publish to a bucket serves the objects: `publish: { cacheControl: {…}, gzip: true }`.
    var publish = ObjectHeaderRules.standard

    /// The default `homePageSize`.
    static let defaultHomePageSize = 50
    /// The site's language: that of every explainer that names none, and of its listings.
    var languageTag: LanguageTag { LanguageTag(language) ?? .english }

    /// The default `media.maxFileSize`, in MB (MiB): a photo straight from a camera fits.
    static let defaultMaxMediaFileMB = 50

    init(
        title: String, baseURL: String, language: String = "en", author: String = "",
        description: String = "", unsafeHTML: Bool = false, smartPunctuation: Bool = true,
        homePageSize: Int = SiteConfig.defaultHomePageSize,
        maxMediaFileSize: Int = SiteConfig.defaultMaxMediaFileMB << 20, imageWidths: [Int] = VariantPlan.defaultWidths,
        maxImagePixels: Int = ImageLimits.defaultMaxPixels, search: Bool = true
    ) {
        self.search = search
        self.imageWidths = imageWidths
        self.maxImagePixels = maxImagePixels
        self.maxMediaFileSize = maxMediaFileSize
        self.title = title
        self.baseURL = BaseURL.trimmingTrailingSlashes(baseURL)
        self.language = language
        self.author = author
        self.description = description
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.homePageSize = max(1, homePageSize)
    }
}
