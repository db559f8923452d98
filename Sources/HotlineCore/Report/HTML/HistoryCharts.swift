/// The last 30 stored days, one small line chart per headline metric, so
/// that a bad night shows as a break in a trend or as part of one. A missing
/// day or a `null` value is a gap in the line, never a drop to zero.
enum HistoryCharts {
    static let id = "chart-history"
    static let days: Int64 = 30
    static let metrics: [Metric] = [.offered, .reachability, .serviceLevel, .abandonmentRate, .callsPerUsefulContact]

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// One chart per metric in a wrapping grid (`id` `chart-history`), each an
    /// `<svg>` with id `chart-history-<metric key>`. The report's own day is
    /// added from `report` when the history does not hold it yet, and marked.
    static func html(history: [NamedScope], report: Report) -> String {
        var byDay: [Int64: ScopeMetrics] = [:]
        for scope in history {
            if let day = day(scope.name) { byDay[day] = scope.metrics }
        }
        let reportDay = report.input.day.flatMap { day($0.date) }
        if let reportDay, byDay[reportDay] == nil { byDay[reportDay] = report.overall }
        let last = byDay.keys.max()
        let first = last.map { last in max(byDay.keys.min() ?? last, last - days + 1) }
        let charts = metrics.map { metric in
            chart(metric, byDay: byDay, range: first.flatMap { first in last.map { first...$0 } }, marked: reportDay)
        }
        return "<div id=\"\(id)\" class=\"small-multiples\">\n" + charts.joined(separator: "\n") + "\n</div>"
    }

    private static func chart(_ metric: Metric, byDay: [Int64: ScopeMetrics], range: ClosedRange<Int64>?,
                              marked: Int64?) -> String {
        let frame = ChartFrame(width: 320, height: 190, left: 50, right: 14, top: 58, bottom: 26)
        let chartID = "\(id)-\(metric.key)"
        let title = "\(metric.title), last \(days) days"
        let points = range.map { range in
            range.compactMap { day in byDay[day].flatMap { $0.plotted(metric) }.map { (day, $0) } }
        } ?? []
        guard let range, !points.isEmpty else {
            return SVG.chart(id: chartID, title: title, width: frame.width, height: frame.height,
                             content: [SVG.text(metric.title, x: 4, y: 18, cssClass: "panel-title")] + frame.message("No history yet"))
        }
        let maximum = points.map(\.1).max() ?? 0
        let scale = metric.unit == .fraction
            ? NiceScale(maximum: 1, ticks: 2)
            : NiceScale(maximum: maximum, ticks: 3, minimumStep: metric.unit == .count ? 1 : 0)
        let span = Double(range.upperBound - range.lowerBound)
        func x(_ day: Int64) -> Double {
            span == 0 ? frame.plotLeft + frame.plotWidth / 2 : frame.plotLeft + Double(day - range.lowerBound) / span * frame.plotWidth
        }
        var content = [SVG.text(metric.title, x: 4, y: 18, cssClass: "panel-title")]
        if let latest = points.last, let metrics = byDay[latest.0] {
            content.append(SVG.text("\(shortDate(latest.0)): \(HumanNumberText.value(of: metric, in: metrics))",
                                    x: 4, y: 38, cssClass: "panel-value"))
        }
        content += frame.valueAxis(scale, title: "", label: metric.unit == .fraction
            ? { HumanNumberText.fixed($0 * 100, fractionDigits: 0) + " %" } : nil)
        if let marked, range.contains(marked) {
            content.append(SVG.line(x1: x(marked), y1: frame.plotTop - 4, x2: x(marked), y2: frame.plotBottom, cssClass: "marker"))
        }
        var runs: [[(x: Double, y: Double)]] = [[]]
        for day in range {
            if let value = byDay[day]?.plotted(metric) {
                runs[runs.count - 1].append((x(day), frame.y(value, on: scale)))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        content.append(SVG.path(runs: runs, cssClass: "trend"))
        for (day, value) in points {
            let text = byDay[day].map { HumanNumberText.value(of: metric, in: $0) } ?? HumanNumberText.noValue
            content.append(SVG.circle(x: x(day), y: frame.y(value, on: scale), radius: day == marked ? 4 : 2.5,
                                      cssClass: day == marked ? "point current" : "point",
                                      tooltip: "\(CivilDate.isoDate(fromDays: day)): \(text)"))
        }
        content.append(SVG.text(shortDate(range.lowerBound), x: frame.plotLeft, y: frame.height - 6, anchor: .start, cssClass: "tick"))
        if span > 0 {
            content.append(SVG.text(shortDate(range.upperBound), x: frame.plotRight, y: frame.height - 6, anchor: .end,
                                    cssClass: "tick"))
        }
        return SVG.chart(id: chartID, title: title, width: frame.width, height: frame.height, content: content)
    }

    /// The day number of a `YYYY-MM-DD` name; `nil` for anything else.
    static func day(_ name: String) -> Int64? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard name.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return CivilDate.days(year: year, month: month, day: day)
    }

    /// `2 Nov`.
    private static func shortDate(_ day: Int64) -> String {
        let date = CivilDate.date(fromDays: day)
        return "\(date.day) \(months[date.month - 1])"
    }
}
