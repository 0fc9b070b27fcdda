import Foundation
import Testing

@testable import ExplainerKit

/// The seam between `SiteBuilder` and what it may reuse: the builder asks the memo at every
/// place, and any memo that answers from values it was given gives the same bytes.
@Suite struct BuildMemoTests {
    /// A memo that remembers everything by value keys alone (no object identity), as a cache
    /// on disk would, and counts how often each operation had to make its answer.
    final class ValueMemo: BuildMemo, @unchecked Sendable {
        private let lock = NSLock()
        private var environment: MemoEnvironment?
        /// The version of each source that `article` was given in this build.
        private var versions: [String: ArticleInput] = [:]
        private var articles: [ArticleInput: LoadedArticle] = [:]
        /// The links each source's plan was given in this build.
        private var links: [String: ExplainerLinks] = [:]
        private var plans: [PlanKey: [Page]] = [:]
        private var files: [PlanKey: [OutputFile]] = [:]
        private var bundles: [ArticleInput: [OutputFile]] = [:]
        private var parts: [String: [ArticleInput: String]] = [:]
        private var listings: [ListingKey: [OutputFile]] = [:]
        private var siteFiles: [SiteFileKey: OutputFile] = [:]
        /// How many times each operation called `make`, and was called, in the last build.
        private(set) var made: [String: Int] = [:]
        private(set) var asked: [String: Int] = [:]

        func begin(_ environment: MemoEnvironment, articlePaths: [String]) {
            lock.withLock {
                made = [:]
                asked = [:]
                versions = [:]
                links = [:]
                if self.environment != environment {
                    self.environment = environment
                    (articles, plans, files, bundles, parts, listings, siteFiles) = ([:], [:], [:], [:], [:], [:], [:])
                }
            }
        }

        private func remembered<Key: Hashable, Value>(
            _ operation: String, _ table: ReferenceWritableKeyPath<ValueMemo, [Key: Value]>, _ key: Key?, make: () -> Value
        ) -> Value {
            lock.withLock { asked[operation, default: 0] += 1 }
            if let key, let value = lock.withLock({ self[keyPath: table][key] }) { return value }
            let value = make()
            lock.withLock {
                made[operation, default: 0] += 1
                if let key { self[keyPath: table][key] = value }
            }
            return value
        }

        private func version(_ source: String) -> ArticleInput? { lock.withLock { versions[source] } }

        /// An explainer's plan and templated files belong to its source's version and to what
        /// they show of the rest of the site.
        struct PlanKey: Hashable {
            var input: ArticleInput
            var links: ExplainerLinks
        }

        private func planKey(_ source: String) -> PlanKey? {
            lock.withLock { versions[source].map { PlanKey(input: $0, links: links[source] ?? .none) } }
        }

        func article(_ input: ArticleInput, make: () -> LoadedArticle) -> LoadedArticle {
            lock.withLock { versions[input.file.path] = input }
            return remembered("article", \.articles, input, make: make)
        }
        func plan(ofSource source: String, links: ExplainerLinks, make: () -> [Page]) -> [Page] {
            lock.withLock { self.links[source] = links }
            return remembered("plan", \.plans, planKey(source), make: make)
        }
        func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] {
            remembered("explainerFiles", \.files, planKey(source), make: make)
        }
        func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] {
            remembered("bundleFiles", \.bundles, version(source), make: make)
        }
        func part(of path: String, forSource source: String, make: () -> String) -> String {
            lock.withLock { asked["part", default: 0] += 1 }
            if let version = version(source), let part = lock.withLock({ parts[path]?[version] }) { return part }
            let part = make()
            lock.withLock {
                made["part", default: 0] += 1
                if let version = versions[source] { parts[path, default: [:]][version] = part }
            }
            return part
        }
        func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] {
            remembered("listing", \.listings, key, make: make)
        }
        func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile {
            remembered("siteFile", \.siteFiles, key, make: make)
        }
    }

    func sources(_ titles: [String]) -> SiteSources {
        Fixtures.sources(
            articles: titles.enumerated().map { index, title in
                ("a\(index).md", Fixtures.article(title: title, date: "2025-01-0\(index + 1)"))
            })
    }

    @Test func theBuilderAsksTheMemoAtEveryPlace() throws {
        let memo = ValueMemo()
        let built = try SiteBuilder.build(sources(["One", "Two"]), memo: memo)
        #expect(built.files == (try SiteBuilder.build(sources(["One", "Two"]))).files)
        // Each explainer: its article, plan, templated files, and its part of the sitemap and
        // the feed; each listing page (home, 404, topic pages); each site-wide file (sitemap,
        // feed, and the feed of each topic: `One`, `Two`).
        #expect(memo.asked["article"] == 2)
        #expect(memo.asked["plan"] == 2)
        #expect(memo.asked["explainerFiles"] == 2)
        #expect(memo.asked["bundleFiles"] == 2)
        #expect(memo.asked["part"] == 4)
        #expect(memo.asked["listing"] == built.pages.filter { $0.article == nil }.count)
        #expect(memo.asked["siteFile"] == 4)
        #expect(memo.made == memo.asked)
    }

    @Test func aMemoOfValuesAloneReplaysABuildAndRemakesOnlyWhatChanged() throws {
        let memo = ValueMemo()
        let first = try SiteBuilder.build(sources(["One", "Two", "Three"]), memo: memo)
        // The same sources again: every answer comes from the memo, and the bytes are the same.
        let again = try SiteBuilder.build(sources(["One", "Two", "Three"]), memo: memo)
        #expect(again.files == first.files)
        #expect(memo.made.isEmpty, "\(memo.made)")
        // One title changes: that explainer is made again, and what lists it: the listings,
        // and the two others, whose related lists show it (the fixtures share their tags).
        let retitled = try SiteBuilder.build(sources(["One", "Deux", "Three"]), memo: memo)
        #expect(retitled.files == (try SiteBuilder.build(sources(["One", "Deux", "Three"]))).files)
        #expect(memo.made["article"] == 1)
        #expect(memo.made["explainerFiles"] == 3)
        #expect(memo.made["plan"] == 3)
        // Its sitemap entries are the same (same URLs, same date): only the feeds it is in (the
        // site's, and its two topics') are joined again.
        #expect(memo.made["siteFile"] == 3)
        #expect(memo.made["listing"] ?? 0 >= 1)
    }

    @Test func thePreviewCacheAndThePassThroughGiveTheSameBytes() throws {
        let cache = BuildCache()
        for titles in [["One", "Two"], ["One", "Two"], ["One", "Zwei"], ["Zwei"]] {
            let cached = try SiteBuilder.build(sources(titles), memo: cache)
            let plain = try SiteBuilder.build(sources(titles))
            #expect(cached.files == plain.files, "\(titles)")
            #expect(cached.fileCount == plain.files.count)
        }
        #expect(cache.statistics.articlesReused == 0)  // the last source, a0.md, changed
        #expect(cache.statistics.articlesRendered == 1)
    }
}
