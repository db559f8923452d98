/// Where cases end up, by the level they started at: one bar per starting
/// level, split by the highest level the case reached, so that "stayed at
/// level 1", "went to level 2" and "went to level 3" read as shares of one whole.
enum EscalationChart {
    static let id = "chart-escalation"
    static let title = "Escalation: highest level reached by cases, by starting level"

    static func html(_ distributions: ReportDistributions?, overall: ScopeMetrics) -> String {
        let starts = Array(Set(distributions?.escalationPaths.map(\.from) ?? [])).sorted()
        let rowHeight = 58.0
        var frame = ChartFrame(width: 480, height: 48 + rowHeight * Double(max(1, starts.count)))
        frame.left = 136
        frame.top = 40
        frame.bottom = 8
        guard let distributions else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("Not available: the report is not detailed"))
        }
        guard distributions.escalationPaths.contains(where: { $0.cases > 0 }) else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("No data: no case"))
        }
        let levels = Array(Set(distributions.escalationPaths.map(\.to))).sorted()
        var content = SVG.legend(levels.map { (levelClass($0), "Highest level \($0)") }, x: 4, y: 18)
        for (row, start) in starts.enumerated() {
            let paths = distributions.escalationPaths.filter { $0.from == start }
            let cases = paths.reduce(0) { $0 + $1.cases }
            let y = frame.plotTop + Double(row) * rowHeight
            content.append(SVG.text("Started at level \(start)", x: frame.plotLeft - 8, y: y + 16, anchor: .end, cssClass: "row-label"))
            content.append(SVG.text(HumanNumberText.counted(cases, "case", "cases"), x: frame.plotLeft - 8, y: y + 32, anchor: .end,
                                    cssClass: "tick"))
            var x = frame.plotLeft
            for path in paths {
                let width = cases > 0 ? Double(path.cases) / Double(cases) * frame.plotWidth : 0
                let share = ChartText.share(path.cases, of: cases)
                let movement = path.to == start ? "stayed at level \(start)" : "level \(start) → \(path.to)"
                content.append(SVG.rect(x: x, y: y + 4, width: width, height: 34, cssClass: levelClass(path.to),
                                        tooltip: "\(movement): \(HumanNumberText.counted(path.cases, "case", "cases")) (\(share))"))
                // A label only where it fits; the tooltip and the summary below hold every number.
                let label = "\(HumanNumberText.grouped(path.cases)) · \(share)"
                if width >= Double(label.count) * 7.5 + 8 {
                    content.append(SVG.text(label, x: x + width / 2, y: y + 26,
                                            anchor: .middle, cssClass: "on-bar on-\(levelClass(path.to))"))
                }
                x += width
            }
        }
        let escalations = distributions.escalationPaths.filter { $0.to != $0.from && $0.cases > 0 }.map { path in
            let cases = distributions.escalationPaths.filter { $0.from == path.from }.reduce(0) { $0 + $1.cases }
            return "L\(path.from) → L\(path.to): \(HumanNumberText.grouped(path.cases)) (\(ChartText.share(path.cases, of: cases)))"
        }
        let timing = "\(Metric.timeToEscalationP50Seconds.title) \(HumanNumberText.value(of: .timeToEscalationP50Seconds, in: overall))"
            + ", p90 \(HumanNumberText.value(of: .timeToEscalationP90Seconds, in: overall))"
            + "; \(Metric.caseEscalationRate.title.lowercased()) \(HumanNumberText.value(of: .caseEscalationRate, in: overall))."
        return SVG.chart(id: id, title: title, width: frame.width, height: frame.height, content: content)
            + HTMLPage.notes([escalations.isEmpty ? "No case escalated." : escalations.joined(separator: " · "), timing])
    }

    /// Levels above 3 (not in SPEC) share the darkest colour.
    private static func levelClass(_ level: UInt8) -> String {
        "level-\(min(max(level, 1), 3))"
    }
}
