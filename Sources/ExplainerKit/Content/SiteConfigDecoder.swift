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
        let languages = decodeLanguages(&fields)
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
        let own = config.languageTag
        config.languages = languages.filter { $0.tag != own }
        return config
    }

    /// `languages:`, a list of tags (`[de, fr]`) or a mapping of tags to the site's title and
    /// description in each (`de: { title: "Erklärt", description: "…" }`; `{}` for neither).
    private static func decodeLanguages(_ fields: inout YAMLFields) -> [SiteLanguage] {
        guard let node = fields.field("languages") else { return [] }
        let hint = "Write `languages: [de, fr]`, or `languages:` then lines like `  de: { title: \"Erklärt\" }`."
        func tag(_ node: Node) -> LanguageTag? {
            guard let text = node.scalar?.string, let tag = LanguageTag(text) else {
                fields.error(
                    at: node, "`\(node.scalar?.string ?? fields.kind(of: node))` in `languages` is not a language tag.", hint: hint)
                return nil
            }
            return tag
        }
        var out: [SiteLanguage] = []
        switch node {
        case .sequence(let sequence):
            for item in sequence { if let tag = tag(item) { out.append(SiteLanguage(tag: tag)) } }
        case .mapping(let mapping):
            for (keyNode, valueNode) in mapping {
                guard let tag = tag(keyNode) else { continue }
                var language = SiteLanguage(tag: tag)
                if case .mapping(let settings) = valueNode {
                    var entry = YAMLFields(
                        file: fields.file, lineOffset: fields.lineOffset,
                        composed: YAMLDocument.Composed(mapping: settings, mark: valueNode.mark))
                    language.title = entry.optionalString("title", what: "\"The site's title in \(tag)\"")
                    language.description = entry.optionalString("description", what: "\"What the site is, in \(tag)\"")
                    fields.absorb(entry)
                } else if valueNode.scalar?.string.isEmpty != true, fields.tagName(valueNode) != Tag.Name.null.rawValue {
                    fields.error(at: valueNode, "`languages.\(tag)` must be a mapping (`{ title: …, description: … }`).", hint: hint)
                }
                out.append(language)
            }
        default:
            fields.error(at: node, "`languages` must be a list or a mapping of language tags, not a \(fields.kind(of: node)).", hint: hint)
        }
        var seen: Set<LanguageTag> = []
        return out.filter { seen.insert($0.tag).inserted }
    }
}
