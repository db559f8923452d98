import HotlineCore

/// Formats instants (seconds since 1970-01-01T00:00:00Z) as the SPEC's
/// `YYYY-MM-DDTHH:MM:SS` followed by `Z` or a fixed `±hh:mm` offset.
///
/// Rows come in time order, so the date part changes rarely: it is computed
/// once per day and copied, and only the clock is formatted per row.
struct TimestampWriter {
    /// Offset from UTC, in seconds, of the wall clock that is written.
    let offsetSeconds: Int
    private let suffix: ByteToken
    private var cachedDay = Int.min
    private var datePrefix: (UInt64, UInt64) = (0, 0)

    init(offsetSeconds: Int) {
        self.offsetSeconds = offsetSeconds
        suffix = ByteToken(Self.suffixText(offsetSeconds))
    }

    mutating func write(_ instant: Int, to sink: ByteSink) {
        let local = instant + offsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - day * 86_400
        if day != cachedDay { cacheDate(day) }
        withUnsafeBytes(of: &datePrefix) { prefix in
            sink.append(UnsafeBufferPointer(start: prefix.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 11))
        }
        sink.appendTwoDigits(secondOfDay / 3600)
        sink.append(UInt8(ascii: ":"))
        sink.appendTwoDigits(secondOfDay / 60 % 60)
        sink.append(UInt8(ascii: ":"))
        sink.appendTwoDigits(secondOfDay % 60)
        sink.append(suffix)
    }

    private mutating func cacheDate(_ day: Int) {
        let date = CivilDate.date(fromDays: Int64(day))
        let text =
            Self.digits(date.year, width: 4) + "-" + Self.digits(date.month, width: 2) + "-"
                + Self.digits(date.day, width: 2) + "T"
        withUnsafeMutableBytes(of: &datePrefix) { prefix in
            for (index, character) in text.utf8.enumerated() { prefix[index] = character }
        }
        cachedDay = day
    }

    private static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func suffixText(_ offsetSeconds: Int) -> String {
        if offsetSeconds == 0 { return "Z" }
        let minutes = abs(offsetSeconds) / 60
        return (offsetSeconds < 0 ? "-" : "+") + digits(minutes / 60, width: 2) + ":" + digits(minutes % 60, width: 2)
    }
}
