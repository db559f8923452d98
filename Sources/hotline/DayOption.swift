import ArgumentParser
import HotlineCore

/// A day option's value (`nightly --date`, `history --from` and `--to`): a
/// strict `YYYY-MM-DD` that names a day of the calendar.
enum DayOption {
    /// The day number of `text`; a usage error that says whether the text is
    /// not shaped like a day or names a day that does not exist (2026-11-31).
    static func days(_ text: String, option: String) throws -> Int64 {
        if let days = CivilDate.days(fromISODate: text) { return days }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
           let day = Int(parts[2]), year >= 1, (1...12).contains(month), day >= 1 {
            throw ValidationError("\(option) \(text): no such day, \(monthNames[month - 1]) \(year) has "
                                  + "\(CivilDate.daysInMonth(year: year, month: month)) days")
        }
        throw ValidationError("\(option) \(text): expected a day as YYYY-MM-DD")
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]
}
