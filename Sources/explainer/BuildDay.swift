import Foundation

/// The day of a build, read from the clock here, at the command line's edge, as a calendar
/// date in UTC (the kit never reads the clock: `BuildSettings.today` is an input).
enum BuildDay {
    /// Today in UTC: (year, month, day).
    static func today() -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
