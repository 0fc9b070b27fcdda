import Foundation

/// How a build is made: what goes in and how production-ready the output is.
public struct BuildSettings: Sendable, Hashable {
    /// Build articles marked `draft: true` too (`--drafts`; never in production).
    var includeDrafts: Bool
    /// Build explainers dated after `today` too (`--future`; never in production).
    var includeFuture: Bool
    /// The day of the build, a calendar date in UTC: an explainer dated after it is scheduled.
    /// An input like any other, never the clock (the command line reads the clock), so that a
    /// build is the same bytes on any day it is given the same day; part of the memo's
    /// environment, so a new day rebuilds everything.
    var today: ArticleDate
    /// Overrides `site.yml`'s `baseURL` (for publishing to another address). Must pass
    /// `BaseURL.validate`, as `site.yml`'s does (`publish` and `PublishRunner` check it).
    package var baseURL: String?
    /// Production output: fingerprinted stylesheet, gzip copies; never drafts or scheduled
    /// explainers, whatever the flags say.
    var production: Bool

    /// - Parameter today: the build's day (year, month, day, UTC); nil: the last day there is,
    ///   so no explainer is scheduled (for builds that do not schedule, as tests).
    public init(
        includeDrafts: Bool = false, includeFuture: Bool = false, today: (year: Int, month: Int, day: Int)? = nil,
        baseURL: String? = nil, production: Bool = false
    ) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.today = today.flatMap { ArticleDate(year: $0.year, month: $0.month, day: $0.day) } ?? Self.lastDay
        self.baseURL = baseURL
        self.production = production
    }

    /// The calendar day, in UTC, of the moment `now` (the command line passes `Date()`): the
    /// `today` of a build, by the same rule that dates a new explainer (`ArticleDate(utcDayOf:)`).
    public static func day(of now: Date) -> (year: Int, month: Int, day: Int)? {
        ArticleDate(utcDayOf: now).map { ($0.year, $0.month, $0.day) }
    }

    /// The latest date there is: with it as `today`, nothing is scheduled.
    static let lastDay = ArticleDate(year: 9999, month: 12, day: 31)!  // a valid constant date

    /// Whether an explainer of `status` is built: a published one always; a draft with
    /// `includeDrafts`, a scheduled one with `includeFuture`, and neither in production.
    func includes(_ status: PublicationStatus) -> Bool {
        switch status {
        case .published: true
        case .draft: includeDrafts && !production
        case .scheduled: includeFuture && !production
        }
    }
}
