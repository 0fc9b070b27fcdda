import Testing

@testable import ExplainerKit

/// Part B of the languages issue: quote attributions' dates read in the explainer's language
/// ("am 3. Juli", "le 3 juillet", "el 3 de julio", "في 3 يوليو"), with the locale's month names
/// and the table's connectives.
@Suite("Languages: quote dates")
struct QuoteDatesTests {
    static let published = ArticleDate(year: 2025, month: 7, day: 4)!

    static func split(_ language: String, _ context: String) -> (role: String, date: String?) {
        let reader = QuoteDateReader.of(Translations.embedded.strings(for: LanguageTag(language)!))
        let (role, date) = reader.split(context, published: published)
        return (role, date?.iso)
    }

    @Test("German: am 3. Juli, vom 3. Juli 2024, short and standalone names")
    func german() {
        #expect(Self.split("de", "in einer Erklärung am 3. Juli") == ("in einer Erklärung", "2025-07-03"))
        #expect(Self.split("de", "in einem Interview vom 30. Dezember") == ("in einem Interview", "2024-12-30"))
        #expect(Self.split("de", "vor Journalisten am 3. März 2019 in Kabul") == ("vor Journalisten in Kabul", "2019-03-03"))
        #expect(Self.split("de", "im Bundestag am 12. Okt. 2023") == ("im Bundestag", "2023-10-12"))
        #expect(Self.split("de", "am 3. Juli,") == ("", "2025-07-03"))
    }

    @Test("Dates in figures after a connective: am 3.7., le 3/7/2019; a figure alone is none")
    func figures() {
        #expect(Self.split("de", "in einer Rede am 3.7.") == ("in einer Rede", "2025-07-03"))
        #expect(Self.split("de", "im Interview vom 30.12.2023 mit der Zeitung") == ("im Interview mit der Zeitung", "2023-12-30"))
        #expect(Self.split("fr", "dans un entretien le 3/7/2019") == ("dans un entretien", "2019-07-03"))
        #expect(Self.split("de", "bei einer Inflation von 3.5") == ("bei einer Inflation von 3.5", nil))
        #expect(Self.split("de", "am 31.2.") == ("am 31.2.", nil))
        #expect(Self.split("de", "am 3.13.2020") == ("am 3.13.2020", nil))
    }

    @Test("French: le 3 juillet, le 1er mars, accents optional")
    func french() {
        #expect(Self.split("fr", "dans un communiqué le 3 juillet") == ("dans un communiqué", "2025-07-03"))
        #expect(Self.split("fr", "devant la presse le 1er mars 2024") == ("devant la presse", "2024-03-01"))
        #expect(Self.split("fr", "lors d’un discours du 15 aout") == ("lors d’un discours", "2024-08-15"))
        #expect(Self.split("fr", "à l’Assemblée, le 2 févr. 2023") == ("à l’Assemblée", "2023-02-02"))
    }

    @Test("Spanish: el 3 de julio de 2025, the pattern's own words")
    func spanish() {
        #expect(Self.split("es", "en un comunicado el 3 de julio") == ("en un comunicado", "2025-07-03"))
        #expect(Self.split("es", "ante la prensa el 3 de julio de 2019 en Kabul") == ("ante la prensa en Kabul", "2019-07-03"))
        #expect(Self.split("es", "en una entrevista del 20 de diciembre de Madrid") == ("en una entrevista de Madrid", "2024-12-20"))
    }

    @Test("Arabic: في 3 يوليو, Arabic-Indic digits, the Arabic comma")
    func arabic() {
        #expect(Self.split("ar", "في بيان في 3 يوليو") == ("في بيان", "2025-07-03"))
        #expect(Self.split("ar", "في مؤتمر صحفي بتاريخ ٣ يوليو ٢٠١٩، في كابول") == ("في مؤتمر صحفي في كابول", "2019-07-03"))
        #expect(Self.split("ar-EG", "في بيان في ١٥ مارس") == ("في بيان", "2025-03-15"))
    }

    @Test("ISO dates in every language; no date, no change; another language's month is none")
    func isoAndNone() {
        #expect(Self.split("de", "in einer Erklärung am 2025-07-03") == ("in einer Erklärung", "2025-07-03"))
        #expect(Self.split("ar", "في بيان ٢٠٢٥-٠٧-٠٣") == ("في بيان", "2025-07-03"))
        #expect(
            Self.split("de", "Direktorin des Instituts, im Gespräch mit Reportern") == (
                "Direktorin des Instituts, im Gespräch mit Reportern", nil
            ))
        #expect(Self.split("de", "in a statement on 3 July") == ("in a statement on 3 July", nil))
        #expect(Self.split("fr", "le 31 février") == ("le 31 février", nil))
        #expect(Self.split("fr", "") == ("", nil))
    }

    @Test("English reads as before, with the connectives of its table (a site may add one)")
    func englishFromTheTable() {
        #expect(Self.split("en", "in a statement on 3 July") == ("in a statement", "2025-07-03"))
        #expect(Self.split("en-GB", "told reporters on March 3, 2019, in Kabul") == ("told reporters in Kabul", "2019-03-03"))
        var messages = Translations.embedded.strings(for: .english).messages
        messages["quoteDateConnectives"] = .text("on dated of since")
        let reader = QuoteDateReader.of(LocalizedStrings(language: .english, messages: messages))
        #expect(reader.split("speaking since 3 July", published: Self.published).role == "speaking")
        #expect(Self.split("en", "speaking since 3 July").role == "speaking since")
    }

    @Test("Through a build: an Arabic attribution, split at the Arabic comma, its date read and shown in Arabic")
    func arabicQuoteCard() throws {
        let article = Fixtures.article(extraFrontMatter: "language: ar-EG").replacingOccurrences(
            of: "-- Grace Hopper, in 1985", with: "— أحمد، في بيان في ٣ يوليو ٢٠١٩")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<bdi class=\"speaker\">أحمد</bdi><span class=\"context\">في بيان</span>"))
        #expect(quotes.contains("<time class=\"quote-date\" datetime=\"2019-07-03\">٣ يوليو، ٢٠١٩</time>"))
        #expect(QuoteDetector.split("Li Wei，spokesman") == ("Li Wei", "spokesman"))
    }

    @Test("Through a build: a German explainer's quote card reads and shows its date in German")
    func germanQuoteCard() throws {
        let article = Fixtures.article(extraFrontMatter: "language: de").replacingOccurrences(
            of: "-- Grace Hopper, in 1985", with: "-- Grace Hopper, in einer Rede am 3. Juli")
        let build = try SiteBuilder.build(Fixtures.sources(articles: [("a.md", article)]))
        let quotes = try #require(build.text("a/quotes/index.html"))
        #expect(quotes.contains("<span class=\"context\">in einer Rede</span>"))
        #expect(quotes.contains("<time class=\"quote-date\" datetime=\"2024-07-03\">3. Juli 2024</time>"))
    }
}
