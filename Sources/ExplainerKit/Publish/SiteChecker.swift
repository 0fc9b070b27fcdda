import Foundation

/// Checks a built site before it goes out, entirely in memory: every internal link and
/// `#anchor` leads somewhere, no page repeats an id, every page has a title and a meta
/// description, every frame is one the page's CSP allows (`FrameSourceCheck`), and the sitemap
/// and feed are well-formed XML. External links are not fetched.
///
/// Each problem is a `Diagnostic` naming the page (as a path inside `folder`) and the link.
///
/// A site served under a sub-path (`https://host/explainers`) links to its pages as
/// `/explainers/…`: links from the host's root resolve below the base path, and one that is
/// not below it leads outside the site.
public enum SiteChecker {
    /// XML files that must be present and well-formed.
    static let requiredXML = [SitemapWriter.path, FeedWriter.path]

    /// - Parameter basePath: the site's `SiteURLs.basePath`; by default, the one the site's
    ///   own `robots.txt` names (see `basePath(of:)`).
    public static func check(_ files: [OutputFile], folder: String = "", basePath: String? = nil) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        let htmlFiles = files.filter { $0.path.hasSuffix(".html") }
        let scans = ParallelMap.map(htmlFiles) { file in
            HTMLTagScanner.scan(file.bytes)
        }
        var anchors: [String: Set<String>] = [:]
        for (file, scan) in zip(htmlFiles, scans) {
            var ids = Set<String>()
            for tag in scan.tags {
                if let id = tag.attribute("id") { ids.insert(id) }
                if tag.name == "a", let name = tag.attribute("name") { ids.insert(name) }
            }
            anchors[file.path] = ids
        }
        let site = Site(paths: paths, anchors: anchors, basePath: basePath ?? Self.basePath(of: files))

        var problems: [Diagnostic] = []
        for (file, scan) in zip(htmlFiles, scans) {
            problems += checkPage(file.path, scan, site: site, display: display(file.path, in: folder))
        }
        for path in requiredXML where !paths.contains(path) {
            problems.append(
                Diagnostic(
                    file: display(path, in: folder), message: "The site has no \(path).",
                    hint: "Build the site again with this version of Explainer; it writes \(path) on every build."))
        }
        for file in files where file.path.hasSuffix(".xml") {
            if let problem = xmlProblem(file.bytes, display: display(file.path, in: folder)) { problems.append(problem) }
        }
        return problems
    }

    /// The files and element ids of the site being checked.
    struct Site {
        var paths: Set<String>
        var anchors: [String: Set<String>]
        /// `""`, or e.g. `/explainers`: where links from the host's root find the site.
        var basePath = ""
    }

    /// The base path of a built site, from the sitemap address its `robots.txt` gives (every
    /// build writes it from the base URL): `""` when there is none.
    static func basePath(of files: [OutputFile]) -> String {
        guard let robots = files.first(where: { $0.path == RobotsWriter.path }) else { return "" }
        let prefix = "Sitemap: "
        let suffix = "/" + SitemapWriter.path
        for line in String(decoding: robots.bytes, as: UTF8.self).split(separator: "\n")
        where line.hasPrefix(prefix) && line.hasSuffix(suffix) {
            return SiteURLs(baseURL: String(line.dropFirst(prefix.count).dropLast(suffix.count))).basePath
        }
        return ""
    }

    static func checkPage(_ path: String, _ scan: HTMLTagScanner.Result, site: Site, display: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if (scan.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                Diagnostic(
                    file: display, message: "The page has no <title> (or an empty one).",
                    hint: "Give the page a title: the layout template writes {{page.documentTitle}} in <title>."))
        }
        let description = scan.tags.first { $0.name == "meta" && $0.attribute("name")?.lowercased() == "description" }
        if (description?.attribute("content") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                Diagnostic(
                    file: display, message: "The page has no meta description (or an empty one).",
                    hint: "Give the article a `summary:` in its front matter, or the site a `description:` in site.yml."))
        }
        var seen: Set<String> = []
        var reported: Set<String> = []
        for tag in scan.tags {
            guard let id = tag.attribute("id") else { continue }
            if !seen.insert(id).inserted && reported.insert(id).inserted {
                problems.append(
                    Diagnostic(
                        file: display, message: "The id `\(id)` is used by more than one element of this page.",
                        hint: "Give each heading different text, or change the template so each id appears once."))
            }
        }
        problems += FrameSourceCheck.problems(scan, display: display)
        for tag in scan.tags {
            for attribute in ["href", "src"] {
                guard let link = tag.attribute(attribute) else { continue }
                if let problem = linkProblem(link, on: path, site: site) {
                    problems.append(
                        Diagnostic(
                            file: display, message: "The link `\(link)` (\(tag.name) \(attribute)) \(problem).",
                            hint: "Fix the link in the article or template that makes this page, or remove it."))
                }
            }
        }
        return problems
    }

    /// Why an internal `link` on page `path` is broken, or `nil` when it resolves (or is external).
    static func linkProblem(_ link: String, on path: String, site: Site) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("//") || hasScheme(trimmed) { return nil }
        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        if rest.hasPrefix("/") && !site.basePath.isEmpty {
            let below = rest.hasPrefix(site.basePath) ? rest.dropFirst(site.basePath.count) : "?"
            guard below.isEmpty || below.hasPrefix("/") else {
                return "leads outside the site, whose pages are below \(site.basePath)/"
            }
            rest = below.isEmpty ? "/" : below
        }

        let target: String
        if rest.isEmpty {
            target = path
        } else {
            guard let decoded = String(rest).removingPercentEncoding else { return "is not a valid URL" }
            var segments: [Substring] = decoded.hasPrefix("/") ? [] : path.split(separator: "/").dropLast()
            let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if part == "." || (part.isEmpty && index < parts.count - 1) { continue }
                if part == ".." {
                    if segments.isEmpty { return "leads outside the site" }
                    segments.removeLast()
                    continue
                }
                if !part.isEmpty { segments.append(part) }
            }
            let joined = segments.joined(separator: "/")
            let isFolder = decoded.hasSuffix("/") || joined.isEmpty || parts.last == "." || parts.last == ".."
            let index = FolderPath(joined).appending("index.html")
            let candidates = isFolder ? [index] : [joined, index]
            guard let found = candidates.first(where: site.paths.contains) else {
                return "leads to no file of the site (looked for \(candidates.map { "`\($0)`" }.joined(separator: " and ")))"
            }
            target = found
        }
        guard let fragment, !fragment.isEmpty, !HeadingIDs.htmlReserved.contains(fragment) else { return nil }
        let id = fragment.removingPercentEncoding ?? fragment
        guard let ids = site.anchors[target] else { return "points at `#\(id)` in \(target), which is not an HTML page" }
        return ids.contains(id) ? nil : "points at `#\(id)`, but \(target) has no element with that id"
    }

    /// `mailto:`, `https:`, `data:`… (a scheme is letters, digits, `+`, `-`, `.` before `:`).
    static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isASCII, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    static func xmlProblem(_ bytes: [UInt8], display: String) -> Diagnostic? {
        guard let problem = XMLWellFormedness.problem(in: bytes) else { return nil }
        return Diagnostic(
            file: display, line: problem.line,
            message: "The file is not well-formed XML (\(problem.reason)).",
            hint: "Build the site again; if it persists, report it: Explainer writes this file itself.")
    }

    static func display(_ path: String, in folder: String) -> String {
        FolderPath(folder).appending(path)
    }
}
