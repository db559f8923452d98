/// The top of the page: what the report covers (day, time zone), how it was
/// computed (thresholds) and what it was computed from (files, rows, rejects).
enum PageHeader {
    static func html(_ report: Report, title: String) -> String {
        let parameters = report.parameters
        let input = report.input
        var facts: [(String, String)] = [
            ("Parameters", "service level = answered within \(parameters.thresholds.serviceLevelSeconds) s"
                + " · short abandon = under \(parameters.thresholds.shortAbandonSeconds) s"),
            ("Input", HumanNumberText.counted(input.files, "file", "files") + " · " + HumanNumberText.bytes(input.bytesRead)
                + " read · " + HumanNumberText.bytes(input.bytesDecoded) + " decoded"),
            ("Calls", TableReportWriter.rowCounts(input.calls)
                + (input.day.map { " · " + HumanNumberText.grouped($0.callsOutside) + " on other days" } ?? "")),
            ("Contacts", TableReportWriter.rowCounts(input.contacts)
                + (input.day.map { " · " + HumanNumberText.grouped($0.contactsOutside) + " on other days" } ?? "")),
        ]
        if !input.notRecorded.isEmpty {
            facts.append(("Not recorded", input.notRecorded.map(\.name).joined(separator: ", ") + " (no input logs them)"))
        }
        return "<header class=\"page-header\">\n<h1>\(HTMLText.escaped(title))</h1>\n"
            + "<p class=\"subtitle\">\(HTMLText.escaped(covered(report))) · time zone \(HTMLText.escaped(parameters.timeZone))</p>\n"
            + "<dl class=\"facts\">" + facts.map { "<div><dt>\($0.0)</dt><dd>\(HTMLText.escaped($0.1))</dd></div>" }.joined()
            + "</dl>\n</header>"
    }

    /// `Day 2026-11-20`, `2026-11-02 to 2026-11-08`, or `No data`.
    private static func covered(_ report: Report) -> String {
        if let day = report.input.day { return "Day " + day.date }
        guard let first = report.byDay.first?.name, let last = report.byDay.last?.name else { return "No data" }
        return first == last ? "Day " + first : first + " to " + last
    }
}
