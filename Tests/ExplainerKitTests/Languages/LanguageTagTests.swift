import Testing

@testable import ExplainerKit

@Suite("Languages: tags and tables")
struct LanguageTagTests {
    @Test("Tags are read and cased as BCP 47 recommends; what is not a tag is refused")
    func tagsAreCased() {
        #expect(LanguageTag("de_de")?.identifier == "de-DE")
        #expect(LanguageTag("ZH-hant-tw")?.identifier == "zh-Hant-TW")
        #expect(LanguageTag("es-419")?.identifier == "es-419")
        #expect(LanguageTag("en")?.identifier == "en")
        for bad in ["", "e", "english language", "de-", "-de", "d3", "de/DE", "toolongtag"] {
            #expect(LanguageTag(bad) == nil, "\(bad)")
        }
    }

    @Test("Right-to-left languages are those the platform's locale data says")
    func direction() {
        for tag in ["ar", "ar-EG", "he", "fa", "ur"] { #expect(LanguageTag(tag)?.direction == "rtl", "\(tag)") }
        for tag in ["en", "de-DE", "fr", "es", "ru", "zh-Hant"] { #expect(LanguageTag(tag)?.direction == "ltr", "\(tag)") }
    }

    @Test("Tables are read most specific first, English last")
    func fallbacks() {
        #expect(LanguageTag("de-CH")?.fallbacks == ["de-CH", "de", "en"])
        #expect(LanguageTag.english.fallbacks == ["en"])
        let strings = Translations.embedded.strings(for: LanguageTag("de-AT")!)
        #expect(strings.text("next") == "Weiter")
        #expect(Translations.embedded.strings(for: LanguageTag("ja")!).text("next") == "Next")
    }

    @Test("The theme ships tables for English, German, French, Spanish and Arabic")
    func shippedTables() {
        let tables = Translations.embedded.tables
        for tag in ["en", "de", "fr", "es", "ar"] { #expect(tables[tag]?.isEmpty == false, "\(tag)") }
        #expect(LocalizedStrings.fill("{count} of {total} {missing}", ["count": "2", "total": "3"]) == "2 of 3 {missing}")
    }
}
