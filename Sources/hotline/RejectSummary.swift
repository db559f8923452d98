import HotlineCore
import HotlineInput

/// The summary of rejected lines and switch-log gaps that `report` and
/// `convert` print on stderr.
enum RejectSummary {
    static func write(_ result: ReportResult, rejectsPath: String?) {
        let input = result.report.input
        let gaps = (input.switchLogs?.incompleteCalls ?? 0) + (input.switchLogs?.duplicateLines ?? 0)
        guard result.rejectedRows > 0 || gaps > 0 else { return }
        var parts: [String] = []
        if result.rejectedRows > 0 {
            parts.append("\(HumanNumberText.counted(result.rejectedRows, "row", "rows")) rejected (calls: \(input.calls.rejected), "
                         + "contacts: \(input.contacts.rejected))")
        }
        if let switchLogs = input.switchLogs, gaps > 0 {
            parts.append(HumanNumberText.counted(switchLogs.incompleteCalls, "incomplete call", "incomplete calls") + " and "
                         + HumanNumberText.counted(switchLogs.duplicateLines, "duplicate line", "duplicate lines")
                         + " in switch logs")
        }
        let total = result.rejectedRows + gaps
        var text = "hotline: " + parts.joined(separator: "; ")
        text += Int64(result.rejectNotices.count) < total ? "; the first \(result.rejectNotices.count):\n" : ":\n"
        for notice in result.rejectNotices {
            text += "  \(notice.path):\(notice.line): \(notice.reason)\n"
        }
        if rejectsPath == nil { text += "  (--rejects FILE writes every one of them with its reason)\n" }
        standardError.write(text)
    }
}
