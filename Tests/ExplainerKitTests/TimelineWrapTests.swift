import Testing

@testable import ExplainerKit

@Suite("Timeline wrap")
struct TimelineWrapTests {
    @Test func countedWrapIsTheCharacterWrap() {
        let texts = [
            "", " ", "   ", "a", "one two three four five six seven eight nine ten eleven twelve",
            "  leading and trailing  ", "averyveryverylongwordthatexceedsthewidthonitsown next",
            "tab\tinside words and\nnewline", "exactly ten chars here ok", "a b c d e f g h i j k l m n o p",
        ]
        for text in texts {
            for width in [1, 5, 10, 28, 40] {
                #expect(
                    TimelineGraphic.wrap(text, width: width) == Reference.wrap(text, width: width),
                    "\(text.debugDescription) \(width)")
            }
        }
        for text in ["café au lait", "naïve façade déjà vu", "日本語 の テキスト と 言葉"] {
            #expect(TimelineGraphic.wrap(text, width: 5) == Reference.wrap(text, width: 5), "\(text)")
        }
    }
}
