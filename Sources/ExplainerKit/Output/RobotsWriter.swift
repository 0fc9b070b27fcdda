/// Writes `robots.txt`: everything may be crawled, and the sitemap is at its absolute URL.
public enum RobotsWriter {
    public static let path = "robots.txt"

    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)/\(SitemapWriter.path)\n"
    }
}
