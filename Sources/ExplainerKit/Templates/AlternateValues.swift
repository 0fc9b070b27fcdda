import Foundation

/// One language of a page on a multilingual site, as templates see it (`page.alternates[]`):
/// for `<link rel="alternate" hreflang>` and the language switcher
/// (`partials/language-switcher.mustache`).
final class AlternateValues: TemplateObject {
    let alternate: PageAlternate
    let absoluteURL: String
    let isCurrent: Bool

    init(_ alternate: PageAlternate, urls: SiteURLs, currentURL: String) {
        self.alternate = alternate
        absoluteURL = urls.absolute(alternate.url)
        isCurrent = alternate.url == currentURL
    }

    /// The language's name in itself, as the platform's locale data spells it, its first
    /// letter in capitals where the script has them: `Deutsch`, `Français`, `العربية`.
    static func name(of language: LanguageTag) -> String {
        let locale = language.locale
        let name = locale.localizedString(forIdentifier: language.identifier) ?? language.identifier
        return name.prefix(1).uppercased(with: locale) + name.dropFirst()
    }

    static let templateFields = TemplateFields<AlternateValues>([
        .field("language", "its BCP 47 tag, for `hreflang` and `lang`", \.alternate.language.identifier),
        .field(
            "name", "the language's name in itself (`Deutsch`, `Français`, `العربية`)", { AlternateValues.name(of: $0.alternate.language) }),
        .field("url", "the page's URL in that language", \.alternate.url),
        .field("absoluteURL", "the same, absolute (for `<link rel=\"alternate\">`)", \.absoluteURL),
        .field("isCurrent", "whether it is this page", \.isCurrent),
        .field("isDefault", "whether it is the site's own language's page (the `x-default` one)", \.alternate.isDefault),
    ])
}
