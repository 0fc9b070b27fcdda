import Foundation

/// The language a site, an explainer or a page is written in: a BCP 47 tag (`en`, `en-GB`,
/// `de-DE`, `ar`, `pt-BR`, `zh-Hant-TW`), checked and cased as BCP 47 recommends (language in
/// lower case, script in title case, region in upper case).
///
/// The one owner of what a language tag means to the site: which translation tables it reads
/// (`fallbacks`), which way its text runs (`direction`), its URL segment (`/de/`) and the
/// platform locale its dates and numbers are written with (`locale`).
package struct LanguageTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The tag, canonically cased: `de-DE`, `zh-Hant-TW`.
    package let identifier: String

    /// English, the language of the theme's reference table: every key has its English text.
    package static let english = LanguageTag(checked: "en")

    /// The tag `text` spells (`de_de` and `DE-de` are read as `de-DE`), or nil when it is not
    /// one: a language of 2–3 letters (or 4–8), then subtags of 1–8 letters or digits.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return nil }
        guard first.count != 4 else { return nil }
        var cased = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) else { return nil }
            switch part.count {
            case 4 where part.allSatisfy(\.isASCIILetter) && cased.count == 1:
                cased.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            case 2 where part.allSatisfy(\.isASCIILetter), 3 where part.allSatisfy(\.isASCIIDigit):
                cased.append(part.uppercased())
            default:
                cased.append(part.lowercased())
            }
        }
        identifier = cased.joined(separator: "-")
        isRightToLeft = Self.runsRightToLeft(identifier)
    }

    private init(checked identifier: String) {
        self.identifier = identifier
        isRightToLeft = Self.runsRightToLeft(identifier)
    }

    /// The primary language subtag: `de` of `de-DE`.
    package var languageCode: String {
        String(identifier.prefix { $0 != "-" })
    }

    /// The tags whose translation tables are read, most specific first, English last:
    /// `de-CH` → `de-CH`, `de`, `en`.
    package var fallbacks: [String] {
        var out: [String] = []
        var tag = identifier
        while true {
            out.append(tag)
            guard let dash = tag.lastIndex(of: "-") else { break }
            tag = String(tag[..<dash])
        }
        if !out.contains(Self.english.identifier) { out.append(Self.english.identifier) }
        return out
    }

    /// Whether its text runs right to left (Arabic, Hebrew, Persian, Urdu…), as the platform's
    /// locale data says (ICU's likely script of the language).
    /// (Asked once, when the tag is read: every page asks for its direction.)
    package let isRightToLeft: Bool

    /// `rtl` or `ltr`: the value of `<html dir>`.
    package var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The folder of its URL space on a multilingual site: the tag in lower case (`de`, `pt-br`).
    package var urlSegment: String { identifier.lowercased() }

    /// The platform locale its dates and numbers are written in (`LocaleFormat`, `PluralRules`).
    /// English without a region is CLDR's international English (`en-001`: "4 July 2025", the
    /// theme's form), not ICU's default for `en`, which is American ("July 4, 2025", as `en-US`
    /// asks for).
    package var locale: Locale { Locale(identifier: identifier == Self.english.identifier ? "en-001" : identifier) }

    package var description: String { identifier }

    private static func runsRightToLeft(_ identifier: String) -> Bool {
        Locale.Language(identifier: identifier).characterDirection == .rightToLeft
    }

    package static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        lhs.identifier.utf8.lexicographicallyPrecedes(rhs.identifier.utf8)
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
