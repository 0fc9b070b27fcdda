import Foundation

/// One language of a page on a multilingual site, as templates see it (`page.alternates[]`):
/// for `<link rel="alternate" hreflang>` and the language switcher
/// (`partials/language-switcher.mustache`).
final class AlternateValues: TemplateObject {
    let alternate: PageAlternate
    let absoluteURL: String
    let isCurrent: Bool
    /// The language's name in itself (`name(of:)`).
    let name: String

    init(_ alternate: PageAlternate, urls: SiteURLs, currentURL: String, withRegion: Bool = false) {
        self.alternate = alternate
        absoluteURL = urls.absolute(alternate.url)
        isCurrent = alternate.url == currentURL
        name = Self.name(of: alternate.language, withRegion: withRegion)
    }

    /// The values of `alternates`, on the page at `currentURL`: each language named without its
    /// region (`English`, not `English (United Kingdom)`) unless two share a language.
    static func list(_ alternates: [PageAlternate], urls: SiteURLs, currentURL: String) -> [AlternateValues] {
        let withRegion = Set(alternates.map(\.language.languageCode)).count < alternates.count
        return alternates.map { AlternateValues($0, urls: urls, currentURL: currentURL, withRegion: withRegion) }
    }

    /// The language's name in itself, as the platform's locale data spells it, its first
    /// letter in capitals where the script has them: `Deutsch`, `Français`, `العربية`; with
    /// `withRegion`, its region or script too (`Português (Brasil)`).
    static func name(of language: LanguageTag, withRegion: Bool = false) -> String {
        let locale = language.locale
        let name =
            (withRegion
                ? locale.localizedString(forIdentifier: language.identifier)
                : locale.localizedString(forLanguageCode: language.languageCode)) ?? language.identifier
        return name.prefix(1).uppercased(with: locale) + name.dropFirst()
    }

    static let templateFields = TemplateFields<AlternateValues>([
        .field("language", "its BCP 47 tag, for `hreflang` and `lang`", \.alternate.language.identifier),
        .field(
            "name", "the language's name in itself (`Deutsch`, `Français`, `العربية`)", \.name),
        .field("url", "the page's URL in that language", \.alternate.url),
        .field("absoluteURL", "the same, absolute (for `<link rel=\"alternate\">`)", \.absoluteURL),
        .field("isCurrent", "whether it is this page", \.isCurrent),
        .field("isDefault", "whether it is the site's own language's page (the `x-default` one)", \.alternate.isDefault),
    ])
}
