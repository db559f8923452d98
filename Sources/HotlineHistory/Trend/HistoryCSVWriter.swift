import HotlineCore

/// Writes a ``HistoryTrend`` as CSV: `day,<metric>,…`, one line per night,
/// values as in `hotline report --format csv` (`null` an empty field).
/// With no night in range, the header alone, so a loader still sees the columns.
public enum HistoryCSVWriter {
    public static func render(_ trend: HistoryTrend) -> String {
        var text = CSVField.line(["day"] + trend.metrics.map(\.key))
        for day in trend.days {
            text += CSVField.line([day.day] + trend.metrics.map { day[$0].machineText ?? "" })
        }
        return text
    }
}
