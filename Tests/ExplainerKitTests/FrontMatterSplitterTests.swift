import Testing

@testable import ExplainerKit

@Suite("Front matter split on bytes")
struct FrontMatterSplitBytesTests {
    /// The reference: lines split on "\n" as `Character`s and joined again (the code before
    /// `splitBytes`).
    static func characterSplit(_ text: String) -> FrontMatterSplitter.Parts? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else { return nil }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return FrontMatterSplitter.Parts(
                    yaml: yamlLines.joined(separator: "\n"), yamlStartLine: 2,
                    body: lines.joined(separator: "\n"), bodyStartLine: lineNumber + 1)
            }
            yamlLines.append(line)
        }
        return nil
    }

    @Test func sameAsCharacterSplit() {
        let texts = [
            "---\n---", "---\n---\n", "---\n\n---\n", "---\na: 1\n---\nbody\n", "--- \t\na\n... \nbody",
            "---\na\n--- x\n---\n\nbody\n\n", "---\n", "---", "...\na\n---\n", "----\na\n---\n", "---\na\n",
            "---\né: ü\n---\n# Ünïcode\n", "x\n---\n---\n", "---\na\n-- -\n---\n", "---\na\n---\u{301}\n---\nb",
            "---\na\n\t---\n---\nb", "---\r\na\r\n---\r\nb",
        ]
        for text in texts {
            let bytes = FrontMatterSplitter.splitBytes(text)
            let characters = Self.characterSplit(text)
            if let bytes {
                #expect(bytes.yaml == characters?.yaml, "\(text.debugDescription)")
                #expect(bytes.body == characters?.body, "\(text.debugDescription)")
                #expect(bytes.bodyStartLine == characters?.bodyStartLine, "\(text.debugDescription)")
            } else {
                // Nil only where the reference fails too, or for CR (normalised away before splitting).
                #expect(characters == nil || text.contains("\r"), "\(text.debugDescription)")
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
