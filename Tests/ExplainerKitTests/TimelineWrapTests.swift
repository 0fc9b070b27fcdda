import Testing
@testable import ExplainerKit

@Suite("Timeline wrap")
struct TimelineWrapTests {
    /// The `Character` version (the one non-ASCII text still takes).
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

    @Test func asciiWrapIsTheCharacterWrap() {
        let texts = [
            "", " ", "   ", "a", "one two three four five six seven eight nine ten eleven twelve",
            "  leading and trailing  ", "averyveryverylongwordthatexceedsthewidthonitsown next",
            "tab\tinside words and\nnewline", "exactly ten chars here ok", "a b c d e f g h i j k l m n o p",
        ]
        for text in texts {
            for width in [1, 5, 10, 28, 40] {
                #expect(TimelineGraphic.wrapASCII(text, width: width) == Self.characterWrap(text, width: width),
                        "\(text.debugDescription) \(width)")
                #expect(TimelineGraphic.wrap(text, width: width) == Self.characterWrap(text, width: width))
            }
        }
        #expect(TimelineGraphic.wrap("café au lait", width: 5) == Self.characterWrap("café au lait", width: 5))
    }
}
