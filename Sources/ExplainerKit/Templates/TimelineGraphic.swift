/// Draws a timeline as an inline SVG: a vertical axis with years to scale, a dot per event,
/// and labels pushed down where they would collide (with a leader line back to their dot).
/// Sized for a 360 px phone (one SVG unit is one CSS pixel there); styled from the stylesheet
/// through classes, so it needs no inline style and follows light and dark themes.
enum TimelineGraphic {
    static let width = 360
    static let axisX = 40
    static let labelX = 56
    static let lineHeight = 18
    static let charsPerLine = 36

    /// `nil` when fewer than two entries carry a year. Entries without a year ("19th century")
    /// keep their place in the author's order, drawn off the scale with a hollow dot: those
    /// before the first dated entry above a dashed stretch of the axis, the others after the
    /// dated entry they follow.
    static func svg(_ entries: [TimelineEntry]) -> String? {
        var leading: [TimelineEntry] = []
        var groups: [(index: Int, year: Int, entry: TimelineEntry, followers: [TimelineEntry])] = []
        for (index, entry) in entries.enumerated() {
            if let year = entry.year {
                groups.append((index, year, entry, []))
            } else if groups.isEmpty {
                leading.append(entry)
            } else {
                groups[groups.count - 1].followers.append(entry)
            }
        }
        groups.sort { ($0.year, $0.index) < ($1.year, $1.index) }
        guard groups.count >= 2, let first = groups.first?.year, let last = groups.last?.year else { return nil }
        let span = max(1, last - first)
        let axisLength = max(240, groups.count * 56)

        var body = ""
        var nextFree = 12
        var bottom = 0
        var lowestDot = 0
        func draw(_ entry: TimelineEntry, dotY wanted: Int?) {
            let dotY = wanted ?? nextFree + 6
            let lines = wrap(entry.event, width: charsPerLine)
            let labelTop = max(dotY - 6, nextFree)
            let height = (lines.count + 1) * lineHeight
            body += "<circle class=\"tl-dot\(wanted == nil ? " tl-undated" : "")\" cx=\"\(axisX)\" cy=\"\(dotY)\" r=\"5\"/>"
            if labelTop > dotY - 6 {
                body += "<path class=\"tl-leader\" d=\"M\(axisX + 5) \(dotY)L\(labelX - 4) \(labelTop + 6)\"/>"
            }
            body += "<text class=\"tl-date\" x=\"\(labelX)\" y=\"\(labelTop + 12)\">\(HTMLEscaping.escape(entry.date))</text>"
            body += "<text class=\"tl-event\" x=\"\(labelX)\" y=\"\(labelTop + 12 + lineHeight)\">"
            for (i, line) in lines.enumerated() {
                body += "<tspan x=\"\(labelX)\" dy=\"\(i == 0 ? 0 : lineHeight)\">\(HTMLEscaping.escape(line))</tspan>"
            }
            body += "</text>"
            nextFree = labelTop + height + 10
            bottom = max(bottom, labelTop + height)
            lowestDot = max(lowestDot, dotY)
        }

        for entry in leading { draw(entry, dotY: nil) }
        let top = leading.isEmpty ? 24 : nextFree + 30
        func y(_ year: Int) -> Int { top + (year - first) * axisLength / span }
        for group in groups {
            draw(group.entry, dotY: y(group.year))
            for follower in group.followers { draw(follower, dotY: nil) }
        }

        let height = bottom + 16
        var svg = "<svg class=\"timeline-graphic\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\" focusable=\"false\">"
        if !leading.isEmpty {
            svg += "<line class=\"tl-axis tl-break\" x1=\"\(axisX)\" y1=\"18\" x2=\"\(axisX)\" y2=\"\(top - 12)\"/>"
        }
        svg += "<line class=\"tl-axis\" x1=\"\(axisX)\" y1=\"\(top - 12)\" x2=\"\(axisX)\" y2=\"\(max(y(last), lowestDot) + 12)\"/>"
        svg += body
        svg += "</svg>"
        return svg
    }

    /// Greedy word wrap at `width` characters, keeping the current line's length as a count
    /// (rather than recounting the line's `Character`s for every word).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        for word in text.split(separator: " ") {
            let wordCount = word.count
            if currentCount == 0 {
                current = String(word)
                currentCount = wordCount
            } else if currentCount + 1 + wordCount <= width {
                current += " " + word
                currentCount += 1 + wordCount
            } else {
                lines.append(current)
                current = String(word)
                currentCount = wordCount
            }
        }
        if currentCount > 0 { lines.append(current) }
        return lines
    }
}
