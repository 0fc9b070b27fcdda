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

    /// `nil` when fewer than two entries carry a year.
    static func svg(_ entries: [TimelineEntry]) -> String? {
        let dated = entries.enumerated().compactMap { index, entry in entry.year.map { (index, $0, entry) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard dated.count >= 2, let first = dated.first?.1, let last = dated.last?.1 else { return nil }
        let span = max(1, last - first)
        let top = 24
        let axisLength = max(240, dated.count * 56)
        func y(_ year: Int) -> Int { top + (year - first) * axisLength / span }

        var body = ""
        var nextFree = 0
        var bottom = y(last)
        for (_, year, entry) in dated {
            let dotY = y(year)
            let lines = wrap(entry.event, width: charsPerLine)
            let labelTop = max(dotY - 6, nextFree)
            let height = (lines.count + 1) * lineHeight
            body += "<circle class=\"tl-dot\" cx=\"\(axisX)\" cy=\"\(dotY)\" r=\"5\"/>"
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
        }
        let height = bottom + 16
        var svg = "<svg class=\"timeline-graphic\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\" focusable=\"false\">"
        svg += "<line class=\"tl-axis\" x1=\"\(axisX)\" y1=\"\(top - 12)\" x2=\"\(axisX)\" y2=\"\(y(last) + 12)\"/>"
        svg += body
        svg += "</svg>"
        return svg
    }

    /// Greedy word wrap at `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
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
}
