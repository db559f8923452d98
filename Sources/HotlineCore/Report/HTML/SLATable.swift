/// The service commitments as an HTML table, every period of every
/// commitment, the missed ones first — what an operations manager must act
/// on — then the others in catalogue order.
enum SLATable {
    static let id = "sla-table"

    static func html(_ evaluation: SLAEvaluation) -> String {
        let currency = evaluation.currency.map { " " + $0 } ?? ""
        var rows: [(missed: Bool, html: String)] = []
        for service in evaluation.services {
            for result in service.commitments {
                let unit = result.commitment.metric.unit
                for period in result.periods {
                    let notes = (period.degraded ? " (degraded)" : "") + (period.partial ? " (partial)" : "")
                    let cells = [
                        cell(service.service.name), cell(TableReportWriter.title(result)), cell(period.label + notes),
                        cell(HumanNumberText.metric(.real(period.target), unit: unit), numeric: true),
                        cell(HumanNumberText.metric(period.measured, unit: unit), numeric: true),
                        "<td><span class=\"status status-\(period.status.rawValue)\">"
                            + HTMLText.escaped(period.status.rawValue.split(separator: "_").joined(separator: " ")) + "</span></td>",
                        cell(HumanNumberText.grouped(period.penalty) + currency, numeric: true),
                    ]
                    rows.append((period.status == .missed, "<tr>" + cells.joined() + "</tr>"))
                }
            }
        }
        let ordered = rows.filter(\.missed) + rows.filter { !$0.missed }
        var html = "<p>" + HTMLText.escaped(TableReportWriter.summary(evaluation.totals, currency: currency)) + "</p>\n"
        if !evaluation.degradedDays.isEmpty {
            html += "<p>Degraded days: " + HTMLText.escaped(evaluation.degradedDays.joined(separator: ", ")) + "</p>\n"
        }
        let headers = ["Service", "Commitment", "Period", "Target", "Measured", "Status", "Penalty"]
        html += "<div class=\"table-scroll\"><table id=\"\(id)\">\n<thead><tr>"
            + headers.map { "<th" + (["Target", "Measured", "Penalty"].contains($0) ? " class=\"num\"" : "") + ">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n" + ordered.map(\.html).joined(separator: "\n") + "\n</tbody></table></div>"
        return html
    }

    private static func cell(_ text: String, numeric: Bool = false) -> String {
        (numeric ? "<td class=\"num\">" : "<td>") + HTMLText.escaped(text) + "</td>"
    }
}
