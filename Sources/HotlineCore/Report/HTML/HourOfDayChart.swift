/// Offered calls by local hour of day, each bar split into answered,
/// abandoned and timed out (which add up to offered, SPEC §3): when the
/// hotline is busy and when callers give up.
enum HourOfDayChart {
    static let id = "chart-by-hour"
    static let title = "Offered, answered and abandoned calls by hour of day"

    private static let series: [(metric: Metric, cssClass: String)] = [
        (.answered, "answered"), (.abandoned, "abandoned"), (.timeout, "timeout"),
    ]

    static func html(_ byHour: [NamedScope]?) -> String {
        var frame = ChartFrame(width: 600, height: 290)
        frame.top = 52
        guard let byHour else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("Not available: the report is not detailed"))
        }
        let hours = (0..<24).map { hour in
            let name = (hour < 10 ? "0" : "") + String(hour)
            return (name, byHour.first { $0.name == name }?.metrics ?? ScopeMetrics())
        }
        let peak = hours.map { $0.1.count(.offered) }.max() ?? 0
        guard peak > 0 else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("No data: no call was offered"))
        }
        let scale = NiceScale(maximum: Double(peak), minimumStep: 1)
        var content = frame.valueAxis(scale, title: "Offered calls")
        content += SVG.legend(series.map { ($0.cssClass, $0.metric.title) }, x: frame.plotLeft, y: 18)
        let slot = frame.plotWidth / 24
        for (index, (name, metrics)) in hours.enumerated() {
            let x = frame.plotLeft + Double(index) * slot
            var bottom = frame.plotBottom
            var bars: [String] = []
            for entry in series {
                let count = metrics.count(entry.metric)
                let top = frame.y(Double(count), on: scale) - (frame.plotBottom - bottom)
                bars.append(SVG.rect(x: x + slot * 0.15, y: top, width: slot * 0.7, height: bottom - top, cssClass: entry.cssClass,
                                     tooltip: "\(name):00 \(entry.metric.title.lowercased()): \(HumanNumberText.grouped(count))"))
                bottom = top
            }
            let offered = metrics.count(.offered)
            let tooltip = "\(name):00–\(name):59 · offered \(HumanNumberText.grouped(offered))"
                + series.map { " · \($0.metric.title.lowercased()) \(HumanNumberText.grouped(metrics.count($0.metric)))" }.joined()
            content.append(SVG.group(cssClass: "hour", tooltip: tooltip, content: bars))
            content.append(SVG.text(name, x: x + slot / 2, y: frame.plotBottom + 16, anchor: .middle, cssClass: "tick"))
        }
        content.append(SVG.text("Hour of day (local)", x: frame.plotLeft + frame.plotWidth / 2, y: frame.height - 6,
                                anchor: .middle, cssClass: "axis-title"))
        return SVG.chart(id: id, title: title, width: frame.width, height: frame.height, content: content)
    }
}
