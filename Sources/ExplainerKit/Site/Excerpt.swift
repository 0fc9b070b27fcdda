import Foundation

/// Plain-text excerpts from rendered HTML, for meta descriptions.
public enum Excerpt {
    /// Strips tags, decodes the five basic entities, collapses white space, and cuts at a word
    /// boundary before `limit` characters (adding `…` when cut).
    public static func plainText(fromHTML html: String, limit: Int) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { text.append(ch) }
        }
        text = text.replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var out = ""
        for word in words {
            let candidate = out.isEmpty ? String(word) : out + " " + word
            if candidate.count > limit {
                return out + "\u{2026}"
            }
            out = candidate
        }
        return out
    }
}
