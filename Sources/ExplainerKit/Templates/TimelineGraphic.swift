/// Draws a timeline as an inline SVG: a vertical axis with years to scale, a dot per event,
/// and labels pushed down where they would collide (with a leader line back to their dot).
/// Sized for a 360 px phone (one SVG unit is one CSS pixel there); styled from the stylesheet
/// through classes, so it needs no inline style and follows light and dark themes.
///
/// For a language written right to left the drawing is mirrored: the axis on the right, the
/// labels to its left, each text starting at its right end (`direction="rtl"`).
enum TimelineGraphic {
    static let width = 360
    static let axisX = 40
    static let labelX = 56
    static let lineHeight = 18
    static let charsPerLine = 36

    /// `nil` when fewer than two entries are placed. The entries are drawn in the order given,
    /// which is the order the page lists them in (`TimelineEntry.chronological`, applied when
    /// the front matter is read): each at its `span.point`, to scale. An entry without a span
    /// (made in code; the decoder refuses such dates) is drawn off the scale with a hollow
    /// dot: before the first placed entry above a dashed stretch of the axis, else after the
    /// entry it follows. `rightToLeft` mirrors it (the page's language runs right to left).
    static func svg(_ entries: [TimelineEntry], rightToLeft: Bool = false) -> String? {
        /// The horizontal position `x` of the left-to-right drawing has in this one.
        func x(_ x: Int) -> Int { rightToLeft ? width - x : x }
        var leading: [TimelineEntry] = []
        var groups: [(point: Double, entry: TimelineEntry, followers: [TimelineEntry])] = []
        for entry in entries {
            if let point = entry.span?.point {
                groups.append((point, entry, []))
            } else if groups.isEmpty {
                leading.append(entry)
            } else {
                groups[groups.count - 1].followers.append(entry)
            }
        }
        let points = groups.map(\.point)
        guard groups.count >= 2, let first = points.min(), let last = points.max() else { return nil }
        let span = last > first ? last - first : 1
        let axisLength = max(240, groups.count * 56)

        var body = UTF8Builder(capacity: entries.count * 400)
        var nextFree = 12
        var bottom = 0
        var lowestDot = 0
        func draw(_ entry: TimelineEntry, dotY wanted: Int?) {
            let dotY = wanted ?? nextFree + 6
            let labelTop = max(dotY - 6, nextFree)
            body.append(wanted == nil ? "<circle class=\"tl-dot tl-undated\" cx=\"" : "<circle class=\"tl-dot\" cx=\"")
            body.append(decimal: x(axisX))
            body.append("\" cy=\"")
            body.append(decimal: dotY)
            body.append("\" r=\"5\"/>")
            if labelTop > dotY - 6 {
                body.append("<path class=\"tl-leader\" d=\"M")
                body.append(decimal: x(axisX + 5))
                body.append(byte: UInt8(ascii: " "))
                body.append(decimal: dotY)
                body.append(byte: UInt8(ascii: "L"))
                body.append(decimal: x(labelX - 4))
                body.append(byte: UInt8(ascii: " "))
                body.append(decimal: labelTop + 6)
                body.append("\"/>")
            }
            body.append("<text class=\"tl-date\" x=\"")
            body.append(decimal: x(labelX))
            body.append("\" y=\"")
            body.append(decimal: labelTop + 12)
            body.append("\">")
            HTMLEscaping.append(entry.date, to: &body)
            body.append("</text><text class=\"tl-event\" x=\"")
            body.append(decimal: x(labelX))
            body.append("\" y=\"")
            body.append(decimal: labelTop + 12 + lineHeight)
            body.append("\">")
            var lineCount = 0
            forEachLine(of: entry.event, width: charsPerLine) { line in
                body.append("<tspan x=\"")
                body.append(decimal: x(labelX))
                body.append("\" dy=\"")
                body.append(decimal: lineCount == 0 ? 0 : lineHeight)
                body.append("\">")
                HTMLEscaping.append(line, to: &body)
                body.append("</tspan>")
                lineCount += 1
            }
            body.append("</text>")
            let height = (lineCount + 1) * lineHeight
            nextFree = labelTop + height + 10
            bottom = max(bottom, labelTop + height)
            lowestDot = max(lowestDot, dotY)
        }

        for entry in leading { draw(entry, dotY: nil) }
        let top = leading.isEmpty ? 24 : nextFree + 30
        func y(_ point: Double) -> Int { top + Int(((point - first) / span * Double(axisLength)).rounded()) }
        for group in groups {
            draw(group.entry, dotY: y(group.point))
            for follower in group.followers { draw(follower, dotY: nil) }
        }

        let height = bottom + 16
        var svg = UTF8Builder(capacity: body.bytes.count + 300)
        svg.append("<svg class=\"timeline-graphic\" viewBox=\"0 0 ")
        svg.append(decimal: width)
        svg.append(byte: UInt8(ascii: " "))
        svg.append(decimal: height)
        svg.append("\" width=\"")
        svg.append(decimal: width)
        svg.append("\" height=\"")
        svg.append(decimal: height)
        if rightToLeft { svg.append("\" direction=\"rtl") }
        svg.append("\" aria-hidden=\"true\" focusable=\"false\">")
        if !leading.isEmpty {
            svg.append("<line class=\"tl-axis tl-break\" x1=\"")
            svg.append(decimal: x(axisX))
            svg.append("\" y1=\"18\" x2=\"")
            svg.append(decimal: x(axisX))
            svg.append("\" y2=\"")
            svg.append(decimal: top - 12)
            svg.append("\"/>")
        }
        svg.append("<line class=\"tl-axis\" x1=\"")
        svg.append(decimal: x(axisX))
        svg.append("\" y1=\"")
        svg.append(decimal: top - 12)
        svg.append("\" x2=\"")
        svg.append(decimal: x(axisX))
        svg.append("\" y2=\"")
        svg.append(decimal: max(y(last), lowestDot) + 12)
        svg.append("\"/>")
        svg.append(body)
        svg.append("</svg>")
        return svg.string
    }

    /// Greedy word wrap at `width` characters: words are separated by spaces, and a line takes
    /// the next word while its length (in `Character`s) stays within `width`.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        forEachLine(of: text, width: width) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Calls `body` with the UTF-8 of each line of `wrap(text, width:)`, in order: the words
    /// are the runs between spaces (`withSpaceSeparatedWords`), counted in `Character`s (in
    /// ASCII without a carriage return, which joins a following line feed, a `Character` is a
    /// byte), and each line is built as bytes. (The readable version this replaced, a
    /// `String` per line recounted for every word, is the tests' reference.)
    static func forEachLine(of text: String, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withSpaceSeparatedWords { bytes, words in
            let bytesAreCharacters = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            var line: [UInt8] = []
            line.reserveCapacity(width + 8)
            var lineCount = 0
            for range in words {
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                let wordCount = bytesAreCharacters ? word.count : String(decoding: word, as: UTF8.self).count
                if lineCount == 0 {
                    line.append(contentsOf: word)
                    lineCount = wordCount
                } else if lineCount + 1 + wordCount <= width {
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: word)
                    lineCount += 1 + wordCount
                } else {
                    line.withUnsafeBufferPointer(body)
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: word)
                    lineCount = wordCount
                }
            }
            if lineCount > 0 { line.withUnsafeBufferPointer(body) }
        }
    }
}
