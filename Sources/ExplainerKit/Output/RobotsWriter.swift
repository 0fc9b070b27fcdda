/// Writes `robots.txt`: everything of the site may be crawled, and the sitemap is at its
/// absolute URL.
enum RobotsWriter {
    static let path = "robots.txt"

    static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: \(urls.home())\n\nSitemap: \(urls.absolute(urls.sitemap))\n"
    }
}
