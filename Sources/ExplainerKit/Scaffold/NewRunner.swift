import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `explainer new` as one call: checks the slug is free, then writes the explainer's file
/// (`ExplainerScaffold`) into the content folder (`ScaffoldWriter`). The command is a thin
/// wrapper around this.
public struct NewRunner: Sendable {
    /// What to make.
    public struct Request: Sendable, Hashable {
        /// The title, as typed (any text: it is quoted for YAML).
        public var title: String
        /// The slug to use instead of the title's.
        public var slug: String?
        /// A bundle, `<slug>/index.md`, rather than `<slug>.md`.
        public var bundle: Bool
        /// `YYYY-MM-DD`; nil is today.
        public var date: String?

        public init(title: String, slug: String? = nil, bundle: Bool = false, date: String? = nil) {
            self.title = title
            self.slug = slug
            self.bundle = bundle
            self.date = date
        }
    }

    /// What was made.
    public struct Report: Sendable, Hashable {
        /// The file written, as the content folder is spelled: `Content/leap-years.md`.
        public var path: String
        public var slug: String
    }

    var content: String
    /// The date of an explainer made without `--date`.
    var today: ArticleDate?

    /// - Parameter now: the moment it runs (`Date()`): its day in UTC is the date of an
    ///   explainer made without `--date`.
    public init(content: String = "Content", now: Date) {
        self.init(content: content, today: ArticleDate(utcDayOf: now))
    }

    init(content: String = "Content", today: ArticleDate?) {
        self.content = content
        self.today = today
    }

    /// What is wrong with the request as flags (for the command's `validate()`), or nil.
    public static func problem(with request: Request) -> String? {
        let title = request.title.trimmingWhitespace()
        if title.isEmpty {
            return "The title is empty: write it in quotes, e.g. explainer new \"Leap years, explained\"."
        }
        if let bad = title.unicodeScalars.first(where: { $0.value < 0x20 || UnsafeCharacters.isUnsafe($0) }) {
            return "The title holds \(UnsafeCharacters.code(bad)), a control or invisible character: a title is one line of text."
        }
        if let slug = request.slug {
            guard Slug.isValid(slug) else {
                let suggestion = Slug.make(slug).isEmpty ? "my-explainer" : Slug.make(slug)
                return
                    "`--slug \(UnsafeCharacters.printable(slug))` is not a valid slug: use lowercase letters, digits and hyphens, e.g. --slug \(suggestion)."
            }
        } else if Slug.make(title).isEmpty {
            return "The title has no letters or digits to make a slug of: pass one, e.g. --slug my-explainer."
        }
        if let date = request.date, date.utf8.count != 10 || ArticleDate(iso: date) == nil {
            return "`--date \(UnsafeCharacters.printable(date))` is not a date: write it YYYY-MM-DD, e.g. --date 2025-07-04."
        }
        return nil
    }

    /// Writes the new explainer; throws when the request is wrong, the slug is taken (naming
    /// the file that has it) or the file cannot be written.
    public func run(_ request: Request) throws(BuildFailure) -> Report {
        if let problem = Self.problem(with: request) {
            throw BuildFailure(Diagnostic(file: content, message: problem))
        }
        guard FileSystem.isDirectory(content) else {
            throw BuildFailure(
                Diagnostic(
                    file: content, message: "The content folder does not exist.",
                    hint: "Run explainer new in the site's folder (explainer init makes one), or pass --content PATH."))
        }
        let title = request.title.trimmingWhitespace()
        let slug = request.slug ?? Slug.make(title)
        guard let date = request.date.flatMap({ ArticleDate(iso: $0) }) ?? today else {
            throw BuildFailure(Diagnostic(file: content, message: "The clock gives no date.", hint: "Pass --date YYYY-MM-DD."))
        }
        let folder = FolderPath(content)
        // What the file would replace, in either form, then any article with the slug.
        for path in [folder.appending(slug + ".md"), folder.appending(slug)] {
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            let shown = (st.st_mode & S_IFMT) == S_IFDIR ? "\(path)/" : path
            throw BuildFailure(
                Diagnostic(file: shown, message: "The slug `\(slug)` is taken: \(shown) is already there.", hint: Self.otherSlug))
        }
        let root = FileSystem.Root(content)
        let listing = SiteSourceReader.scanArticles(in: content) { path throws(FileSystem.Failure) in
            try FileSystem.read(path, limit: TextDecoding.maxBytes, inside: root)
        }
        if let conflict = SlugConflict.find(slug, among: listing.articles, contentFolder: content) {
            throw BuildFailure(conflict)
        }
        let file = ExplainerScaffold.file(title: title, slug: slug, date: date, bundle: request.bundle)
        let path = folder.appending(file.path)
        try checkAddress(of: SourceFile(path: path, text: file.text))
        let outcome = ScaffoldWriter.write([file], into: content)
        if let skipped = outcome.skipped.first {
            throw BuildFailure(Diagnostic(file: path, message: "The explainer was not written: \(skipped.reason).", hint: Self.otherSlug))
        }
        if !outcome.failures.isEmpty { throw BuildFailure(outcome.failures) }
        return Report(path: path, slug: slug)
    }

    /// Checks the new explainer as the build will: it parses and renders, and its folder is
    /// not one of the paths Explainer makes itself (`/page/`: `SitePlanner.claimPaths`).
    private func checkAddress(of file: SourceFile) throws(BuildFailure) {
        let article = try ArticleRenderer.render(try ArticleParser.parse(file, contentFolder: content))
        let problems = SitePlanner.claimPaths(articles: [article], assets: [], production: false)
        guard problems.isEmpty else {
            throw BuildFailure(problems.map { Diagnostic(file: $0.file, message: $0.message, hint: Self.otherSlug) })
        }
    }

    private static let otherSlug = "Choose another slug with --slug, or another title."
}
