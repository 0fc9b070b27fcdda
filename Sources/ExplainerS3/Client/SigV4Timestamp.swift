import ExplainerKit
import Foundation

/// The time a request is signed at, in the two forms Signature Version 4 uses (UTC):
/// `20130524T000000Z` (`x-amz-date`) and `20130524` (the credential scope's day).
struct SigV4Timestamp: Sendable, Hashable {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    let basic: String

    /// `yyyyMMdd`.
    var day: Substring { basic.prefix(8) }

    /// The timestamp of `date`: the UTC day by the kit's one calendar rule
    /// (`ArticleDate(utcDayOf:)`), the time from the seconds since 1970 (no formatter, no
    /// locale). A date outside the years 1 to 9999 is signed as 1970-01-01 (S3 refuses it).
    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        let day = ArticleDate(utcDayOf: date)
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let ymd = day.map { pad($0.year, 4) + pad($0.month, 2) + pad($0.day, 2) } ?? "19700101"
        basic = "\(ymd)T\(pad(inDay / 3600, 2))\(pad(inDay / 60 % 60, 2))\(pad(inDay % 60, 2))Z"
    }
}
