import Testing
@testable import ExplainerKit

@Suite("Timeline wrap")
struct TimelineWrapTests {
    /// The reference: the line's `Character`s recounted for every word.
    static func characterWrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test func countedWrapIsTheCharacterWrap() {
        let texts = [
            "", " ", "   ", "a", "one two three four five six seven eight nine ten eleven twelve",
            "  leading and trailing  ", "averyveryverylongwordthatexceedsthewidthonitsown next",
            "tab\tinside words and\nnewline", "exactly ten chars here ok", "a b c d e f g h i j k l m n o p",
        ]
        for text in texts {
            for width in [1, 5, 10, 28, 40] {
                #expect(TimelineGraphic.wrap(text, width: width) == Self.characterWrap(text, width: width),
                        "\(text.debugDescription) \(width)")
            }
        }
        for text in ["café au lait", "naïve façade déjà vu", "日本語 の テキスト と 言葉"] {
            #expect(TimelineGraphic.wrap(text, width: 5) == Self.characterWrap(text, width: 5), "\(text)")
        }
    }
}
