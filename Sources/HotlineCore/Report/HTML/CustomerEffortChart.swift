/// Customers by the calls each needed per useful contact: most are helped at
/// their first or second dial, and the bars on the right are the customers
/// who redial again and again, or are never helped at all.
enum CustomerEffortChart {
    static let id = "chart-customer-effort"
    static let title = "Calls per useful contact, customer by customer"

    static func html(_ distributions: ReportDistributions?) -> String {
        var frame = ChartFrame(width: 480, height: 300)
        frame.top = 36
        frame.bottom = 46
        guard let distributions else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("Not available: the report is not detailed"))
        }
        let effort = EffortBins(distributions.customerEfforts)
        let total = effort.customers
        guard total > 0 else {
            return SVG.chart(id: id, title: title, width: frame.width, height: frame.height,
                             content: frame.message("No data: no identified customer"))
        }
        let scale = NiceScale(maximum: Double(effort.bins.map(\.customers).max() ?? 0), minimumStep: 1)
        var content = frame.valueAxis(scale, title: "Customers")
        // The two bins without a ratio stand apart, one slot to the right.
        let gap = 0.6
        let slot = frame.plotWidth / (Double(effort.bins.count) + gap)
        for (index, bin) in effort.bins.enumerated() {
            let x = frame.plotLeft + (Double(index) + (index >= EffortBins.ratioBinCount ? gap : 0)) * slot
            let top = frame.y(Double(bin.customers), on: scale)
            content.append(SVG.rect(x: x + slot * 0.12, y: top, width: slot * 0.76, height: frame.plotBottom - top,
                                    cssClass: "bin \(bin.cssClass)",
                                    tooltip: "\(bin.label) (\(bin.meaning)): "
                                        + HumanNumberText.counted(bin.customers, "customer", "customers")
                                        + " (\(ChartText.share(bin.customers, of: total)))"))
            content.append(SVG.text(HumanNumberText.grouped(bin.customers), x: x + slot / 2, y: top - 5, anchor: .middle,
                                    cssClass: "value"))
            // "never helped" on two lines; "≤ 1" stays whole.
            let words = index >= EffortBins.ratioBinCount ? bin.label.split(separator: " ").map(String.init) : [bin.label]
            for (line, word) in words.enumerated() {
                content.append(SVG.text(word, x: x + slot / 2, y: frame.plotBottom + 16 + Double(line) * 14, anchor: .middle,
                                        cssClass: "tick"))
            }
        }
        content.append(SVG.text("Calls per useful contact", x: frame.plotLeft + 3 * slot, y: frame.height - 4, anchor: .middle,
                                cssClass: "axis-title"))
        var notes = [
            "\(ChartText.share(effort.callersAboveThree, of: effort.callers)) of callers needed more than 3 calls per useful contact;"
                + " \(ChartText.share(effort.bins[EffortBins.neverHelped].customers, of: effort.callers)) were never helped.",
        ]
        if let worst = effort.worst {
            notes.append("Most dials: \(ChartText.calls(worst.attempts)) for "
                         + HumanNumberText.counted(worst.usefulVoiceContacts, "useful contact", "useful contacts")
                         + (worst.customers > 1 ? " (\(HumanNumberText.grouped(worst.customers)) customers each)."
                                                : " (one customer)."))
        }
        return SVG.chart(id: id, title: title, width: frame.width, height: frame.height, content: content) + HTMLPage.notes(notes)
    }
}
