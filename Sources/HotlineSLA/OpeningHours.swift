/// Checks one `opening_hours` entry: `DAYS HH:MM-HH:MM`, where DAYS is a
/// weekday (`mon` … `sun`), a range (`mon-fri`) or a comma list of either
/// (`mon-wed,fri`), and the times are 00:00 to 24:00 with the start first.
enum OpeningHours {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Why `entry` is not an opening-hours entry, or `nil` when it is.
    static func problem(in entry: String) -> String? {
        let parts = entry.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return "opening hours \"\(entry)\" must read DAYS HH:MM-HH:MM, e.g. mon-fri 08:00-18:00" }
        for item in parts[0].split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), ends.allSatisfy({ weekdays.contains(String($0)) }) else {
                return "opening hours \"\(entry)\": \"\(item)\" is not a weekday (mon … sun) or a range of them"
            }
        }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]) else {
            return "opening hours \"\(entry)\": \"\(parts[1])\" is not HH:MM-HH:MM"
        }
        guard start < end else { return "opening hours \"\(entry)\": the opening time must come before the closing time" }
        return nil
    }

    /// Minutes since midnight of `HH:MM`, 00:00 to 24:00.
    private static func minutes(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hours = Int(fields[0]), let minutes = Int(fields[1]), minutes < 60 else { return nil }
        let total = hours * 60 + minutes
        return total <= 24 * 60 ? total : nil
    }
}
