/// How long answered callers waited, with the service-level threshold drawn
/// across the distribution: the share left of the line is what the service
/// level counts, and the tail right of it is who the hotline made wait.
enum WaitTimeChart {
    static let id = "chart-wait-distribution"
    static let title = "Wait before answer, answered calls"

    static func html(_ distributions: ReportDistributions?, threshold: Int64) -> String {
        var frame = ChartFrame(width: 600, height: 290)
        frame.top = 52
        guard let distributions else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("Not available: the report is not detailed"))
        }
        guard let bins = WaitBins(distributions.answeredWaits, threshold: threshold) else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("No data: no call was answered"))
        }
        let within = distributions.answeredWaits.filter { $0.value <= threshold }.reduce(0) { $0 + $1.count }
        let slots = bins.counts.count + (bins.overflow > 0 ? 1 : 0)
        let slot = frame.plotWidth / Double(slots)
        let scale = NiceScale(maximum: Double(max(bins.counts.max() ?? 0, bins.overflow)), minimumStep: 1)
        var content = frame.valueAxis(scale, title: "Answered calls")
        content += SVG.legend([("within", "Within \(threshold) s"), ("beyond", "Longer")], x: frame.plotLeft, y: 18)

        func bar(_ slotIndex: Int, _ count: Int64, label: String, cssClass: String) {
            let top = frame.y(Double(count), on: scale)
            content.append(SVG.rect(x: frame.plotLeft + Double(slotIndex) * slot + 1, y: top, width: slot - 2,
                                    height: frame.plotBottom - top, cssClass: cssClass,
                                    tooltip: "\(label): \(ChartText.calls(count)) (\(ChartText.share(count, of: bins.total)))"))
        }
        for (index, count) in bins.counts.enumerated() {
            bar(index, count, label: bins.label(index), cssClass: bins.width * Int64(index + 1) <= threshold ? "within" : "beyond")
        }
        let labelEvery = max(1, (bins.counts.count + 5) / 6)
        // With an overflow bar, the last edges would write over its label.
        let lastEdge = bins.counts.count - (bins.overflow > 0 ? labelEvery / 2 + 1 : 0)
        for edge in stride(from: 0, through: lastEdge, by: labelEvery) {
            let x = frame.plotLeft + Double(edge) * slot
            content.append(SVG.line(x1: x, y1: frame.plotBottom, x2: x, y2: frame.plotBottom + 4, cssClass: "baseline"))
            content.append(SVG.text(HumanNumberText.duration(seconds: Double(bins.width * Int64(edge)), tenthsBelowAMinute: false),
                                    x: x, y: frame.plotBottom + 17, anchor: .middle, cssClass: "tick"))
        }
        if bins.overflow > 0 {
            let text = "> " + HumanNumberText.duration(seconds: Double(bins.cap), tenthsBelowAMinute: false)
            bar(bins.counts.count, bins.overflow, label: text, cssClass: "overflow")
            content.append(SVG.text(text, x: frame.plotRight - slot / 2, y: frame.plotBottom + 17, anchor: .middle, cssClass: "tick"))
        }
        // Waits are whole seconds and bins end at multiples of the width, so
        // the line sits at the threshold's place on the same linear axis.
        let x = frame.plotLeft + Double(threshold) / Double(bins.width) * slot
        content.append(SVG.line(x1: x, y1: frame.plotTop - 8, x2: x, y2: frame.plotBottom, cssClass: "threshold"))
        let anchor: SVG.Anchor = x > frame.plotLeft + frame.plotWidth * 0.6 ? .end : .start
        let offset = anchor == .start ? 5.0 : -5.0
        content.append(SVG.text("Service-level threshold \(threshold) s", x: x + offset, y: frame.plotTop + 6, anchor: anchor,
                                cssClass: "threshold-label"))
        content.append(SVG.text("\(ChartText.share(within, of: bins.total)) of answered calls within",
                                x: x + offset, y: frame.plotTop + 22, anchor: anchor, cssClass: "threshold-label"))
        content.append(SVG.text("Wait (whole seconds)", x: frame.plotLeft + frame.plotWidth / 2, y: frame.height - 6,
                                anchor: .middle, cssClass: "axis-title"))
        return SVG.chart(id: id, title: title, width: frame.width, height: frame.height, content: content)
    }
}
