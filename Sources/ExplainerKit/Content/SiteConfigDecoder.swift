import Yams

/// Decodes `site.yml` into a `SiteConfig`.
package enum SiteConfigDecoder {
    /// The configuration `file` holds, or every problem it has (decoding gives no warnings).
    package static func decode(_ file: SourceFile) throws(BuildFailure) -> SiteConfig {
        let text = try TextDecoding.decode(file)
        let composed = try YAMLDocument.mapping(text, file: file.path, lineOffset: 0, what: "site configuration")
        var fields = YAMLFields(file: file.path, lineOffset: 0, composed: composed)
        let title = fields.requiredString("title", what: "\"My explainers\"")
        var baseURL = fields.requiredString("baseURL", what: "https://example.org")
        if let text = baseURL {
            do {
                baseURL = try BaseURL.validate(text)
            } catch {
                fields.error(at: fields.node("baseURL"), error.message(naming: "baseURL"), hint: BaseURL.hint)
            }
        }
        let language = (fields.languageTag("language") ?? .english).identifier
        let author = fields.optionalString("author", what: "\"Newsroom name\"") ?? ""
        let description = fields.optionalString("description", what: "\"What the site is\"") ?? ""
        let unsafeHTML = fields.bool("unsafeHTML", default: false)
        let smartPunctuation = fields.bool("smartPunctuation", default: true)
        let search = fields.bool("search", default: true)
        let homePageSize = fields.integer("homePageSize", default: SiteConfig.defaultHomePageSize, range: 1...10_000)
        var maxMediaFileMB = SiteConfig.defaultMaxMediaFileMB
        var imageWidths = VariantPlan.defaultWidths
        var maxImageMegapixels = ImageLimits.defaultMaxPixels / 1_000_000
        if var media = fields.mapping("media", what: "{ maxFileSize: \(SiteConfig.defaultMaxMediaFileMB) }") {
            maxMediaFileMB = media.integer("maxFileSize", default: SiteConfig.defaultMaxMediaFileMB, range: 1...100_000)
            imageWidths = media.integerList("widths", default: VariantPlan.defaultWidths, range: 16...8192)
            maxImageMegapixels = media.integer("maxMegapixels", default: maxImageMegapixels, range: 1...1000)
            fields.absorb(media)
        }
        let embeds = EmbedProvidersDecoder.decode(&fields, siteHost: baseURL.flatMap { EmbedAddress($0)?.host })
        let publish = ObjectHeaderRulesDecoder.decode(&fields)
        fields.refuseUnknownKeys()
        guard let title, let baseURL, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(fields.diagnostics)
        }
        var config = SiteConfig(
            title: title, baseURL: baseURL, language: language, author: author,
            description: description, unsafeHTML: unsafeHTML, smartPunctuation: smartPunctuation, homePageSize: homePageSize,
            maxMediaFileSize: maxMediaFileMB << 20, imageWidths: imageWidths, maxImagePixels: maxImageMegapixels * 1_000_000,
            search: search)
        config.embeds = embeds
        config.publish = publish
        return config
    }
}
