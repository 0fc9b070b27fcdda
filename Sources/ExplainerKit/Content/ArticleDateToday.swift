import Foundation

extension ArticleDate {
    /// The calendar day, in UTC, of the moment `date` (the clock is read by the command line
    /// only, which passes `Date()`; tests pass a fixed date or an `ArticleDate`). Nil outside
    /// the years 1 to 9999.
    package init?(utcDayOf date: Date) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        // Days since 1970-01-01 to the proleptic Gregorian calendar (Howard Hinnant's
        // `civil_from_days`), in whole numbers: no time zone, no locale.
        let z = Int((seconds / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
