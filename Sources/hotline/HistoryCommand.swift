import ArgumentParser
import HotlineCore
import HotlineHistory

/// `hotline history`: the trend of stored nights, one row per day.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the metrics of the nights stored by hotline nightly, one row per day.",
        discussion: """
            Reads the history database (SQLite, docs/history.md) that hotline nightly writes and prints \
            one row per stored night between --from and --to (inclusive; both optional), oldest first: \
            the day's overall metrics, or one queue's with --queue (a night when the queue had no \
            traffic shows no value). Without --metric the columns are offered, answered, reachability, \
            service_level, abandonment_rate, asa_s, calls_per_useful_contact, case_escalation_rate and \
            fcr; --metric (repeatable, JSON keys of docs/metrics.md) chooses them and their order.

            The database is only read: it is never created nor changed, and reading does not block a \
            nightly job writing to it. Exit status: 0 the history is printed (a range with no night \
            included: the table says so, CSV and JSON have no row); 1 the database is missing, is not a \
            hotline history, or cannot be read, or no stored night has the --queue; 2 a usage error \
            (unknown metric, bad date).
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("The history database written by hotline nightly.", valueName: "file"))
    var database: String

    @Option(help: ArgumentHelp("First day to show, YYYY-MM-DD (default: the first stored).", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("Last day to show, YYYY-MM-DD (default: the last stored).", valueName: "day"))
    var to: String?

    @Option(help: ArgumentHelp("Show this queue's metrics instead of the whole day's.", valueName: "name"))
    var queue: String?

    @Option(name: .customLong("metric"), help: ArgumentHelp(
        "A metric to show, by its JSON key (repeatable; default: a headline set).", valueName: "key"))
    var metricKeys: [String] = []

    @Option(help: "Output format: table (for people), json or csv (day, then one column per metric).")
    var format: ReportCommand.OutputFormat = .table

    func validate() throws {
        for (option, day) in [("--from", from), ("--to", to)] {
            if let day { _ = try DayOption.days(day, option: option) }
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if queue == "" { throw ValidationError("--queue needs a queue name") }
        _ = try metrics()
    }

    func run() throws {
        let metrics = try metrics()
        let scope: HistoryScope = queue.map(HistoryScope.queue) ?? .overall
        let trend: HistoryTrend, storedQueues: [String]
        do {
            let store = try HistoryStore(path: database, access: .readOnly)
            storedQueues = try store.queueNames()
            trend = HistoryTrend(database: database, scope: scope, from: from, to: to, metrics: metrics,
                                 days: try store.series(from: from, to: to, scope: scope, metrics: metrics))
        } catch {
            throw CommandFailure(message: "\(error)", status: 1)
        }
        if let queue { try requireStored(queue, among: storedQueues) }
        switch format {
        case .table: try writeStandardOutput(HistoryTableWriter.render(trend))
        case .json: try writeStandardOutput(HistoryJSONWriter.render(trend))
        case .csv: try writeStandardOutput(HistoryCSVWriter.render(trend))
        }
    }

    /// A `--queue` that no stored night has is a mistyped name or the wrong
    /// database, not a quiet queue: a table of dashes would hide that.
    private func requireStored(_ queue: String, among stored: [String]) throws {
        guard !stored.contains(queue) else { return }
        let hint = ClosestName.to(queue, among: stored).map { " (did you mean '\($0)'?)" } ?? ""
        throw CommandFailure(message: "\(database): no stored night has queue '\(queue)'\(hint); stored queues: "
                             + (stored.isEmpty ? "none" : stored.joined(separator: ", ")), status: 1)
    }

    /// The `--metric` keys as metrics, in the order given, or the headline set.
    private func metrics() throws -> [Metric] {
        guard !metricKeys.isEmpty else { return HistoryTrend.headlineMetrics }
        return try metricKeys.map { key in
            guard let metric = Metric(rawValue: key) else {
                throw ValidationError("--metric \(key) is not a metric; valid keys (docs/metrics.md): "
                    + Metric.allCases.map(\.key).joined(separator: ", "))
            }
            return metric
        }
    }
}
