import Yams

/// Decodes `site.yml` into a `SiteConfig`.
public enum SiteConfigDecoder {
    public static func decode(_ file: SourceFile) -> Result<(SiteConfig, [Diagnostic]), BuildFailure> {
        let text: String
        switch TextDecoding.decode(file) {
        case .failure(let f): return .failure(f)
        case .success(let t): text = t
        }
        let composed: YAMLDocument.Composed
        switch YAMLDocument.mapping(text, file: file.path, lineOffset: 0, what: "site configuration") {
        case .failure(let f): return .failure(f)
        case .success(let value): composed = value
        }
        var fields = YAMLFields(file: file.path, lineOffset: 0, composed: composed)
        fields.refuseUnknownKeys(known: SiteConfig.knownKeys)
        let title = fields.requiredString("title", what: "\"My explainers\"")
        var baseURL = fields.requiredString("baseURL", what: "https://example.org")
        if let text = baseURL {
            switch BaseURL.validate(text) {
            case .success(let url): baseURL = url
            case .failure(let problem): fields.error(at: fields.node("baseURL"), problem.message(naming: "baseURL"), hint: BaseURL.hint)
            }
        }
        let language = fields.optionalString("language", what: "en") ?? "en"
        let author = fields.optionalString("author", what: "\"Newsroom name\"") ?? ""
        let description = fields.optionalString("description", what: "\"What the site is\"") ?? ""
        let unsafeHTML = fields.bool("unsafeHTML", default: false)
        let homePageSize = fields.integer("homePageSize", default: SiteConfig.defaultHomePageSize, range: 1...10_000)
        guard let title, let baseURL, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(BuildFailure(fields.diagnostics))
        }
        let config = SiteConfig(
            title: title, baseURL: baseURL, language: language, author: author,
            description: description, unsafeHTML: unsafeHTML, homePageSize: homePageSize)
        return .success((config, fields.diagnostics))
    }
}
