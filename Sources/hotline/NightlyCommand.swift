import ArgumentParser
import Foundation
import HotlineCore
import HotlineHistory
import HotlineInput

/// `hotline nightly`: one day's report into the history database, and the
/// day's report files — the job a scheduler runs every night.
struct NightlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "Compute one day's report, check the SLA catalogue and store the day in a history database.",
        discussion: """
            Reads the files the --calls and --contacts patterns name (quote them: the job expands them \
            itself, in path order) and keeps the rows whose local day in --tz is --date; rows of other \
            days are counted as outside the day, so a rotated log that reaches over midnight can be \
            given whole. The day's metrics (overall, by queue, by hour), its SLA outcomes and a manifest \
            of the inputs (path, size, XXH64 checksum of the bytes as read, rows, rejected lines) replace \
            that day in the database in one transaction: running a day again never doubles it, and a job \
            killed at any point leaves the previous state. Each input is opened and read once, so a pipe \
            or FIFO (--calls /dev/stdin) works. After the day is stored, --out gets report.json, \
            report.html (charts, the last 30 days from the history), rejects.tsv and, with --sla, \
            sla.csv, each replaced atomically (see README: a symlink is followed, a device or FIFO \
            streamed into). A second job on the same database file, however --db spells it, waits for \
            the first (--lock-timeout). See docs/history.md.

            Exit status: 0 the day is stored; 1 a fatal input error, no input matched, or the database \
            cannot be written (nothing is changed, rejects.tsv included); 2 a usage error or an invalid \
            catalogue; 3 with --fail-on-breach, a commitment was missed (the day is stored); 4 another job \
            held the database longer than --lock-timeout; 5 the day is stored, but a file of --out or the \
            summary line could not be written (it takes precedence over 3); 6 no input row belongs to the day \
            (nothing is stored: usually a broken feed, the wrong --date or --tz).
            """)

    @Option(help: ArgumentHelp("The local day to report, YYYY-MM-DD (default: yesterday in --tz).", valueName: "day"))
    var date: String?

    @Option(name: .customLong("calls"), help: ArgumentHelp(
        "A pattern naming call logs, e.g. 'logs/calls-*.csv.zst' (repeatable).", valueName: "glob"))
    var callPatterns: [String] = []

    @Option(name: .customLong("contacts"), help: ArgumentHelp(
        "A pattern naming contact logs (repeatable).", valueName: "glob"))
    var contactPatterns: [String] = []

    @Option(help: ArgumentHelp(
        "The history database (SQLite), created if missing, with its directory; locked as FILE.lock beside the file a symlink names.",
        valueName: "file"))
    var db: String

    @Option(name: .customLong("sla"), help: ArgumentHelp(
        "Check this service catalogue (YAML, docs/sla.md) and store its outcomes.", valueName: "file"))
    var catalogue: String?

    @Option(help: ArgumentHelp(
        "Write report.json, report.html, rejects.tsv (and sla.csv) into this directory, created if missing.",
        valueName: "dir"))
    var out: String?

    @OptionGroup var metrics: MetricOptions

    @OptionGroup var decompression: DecompressionOptions

    @Option(name: .customLong("lock-timeout"), parsing: .unconditional, help: ArgumentHelp(
        "Seconds to wait for another job on the same database before giving up (exit status 4), "
            + "\(OptionRange.text(OptionRange.lockTimeoutSeconds)).",
        valueName: "seconds"))
    var lockTimeout = 600

    @Flag(name: .customLong("fail-on-breach"), help: "With --sla: exit status 3 when any commitment is missed.")
    var failOnBreach = false

    @Flag(name: .shortAndLong, help: "No progress line, no reject summary and no summary line.")
    var quiet = false

    func validate() throws {
        guard !(callPatterns.isEmpty && contactPatterns.isEmpty) else {
            throw ValidationError("no input: give --calls GLOB and/or --contacts GLOB")
        }
        if let date { _ = try DayOption.days(date, option: "--date") }
        try OptionRange.check("--lock-timeout", lockTimeout, in: OptionRange.lockTimeoutSeconds)
        if failOnBreach && catalogue == nil { throw ValidationError("--fail-on-breach needs --sla CATALOGUE") }
    }

    func run() throws {
        let sla = try MetricOptions.loadCatalogue(catalogue)
        let zone = try metrics.zone()
        let day = date.flatMap(CivilDate.days(fromISODate:)) ?? Self.yesterday(in: zone)
        let dayText = CivilDate.isoDate(fromDays: day)
        let inputs = try expand(callPatterns, as: .calls) + expand(contactPatterns, as: .contacts)

        try makeDirectory(FileSystem.split(db).directory)
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }

        if let out { try makeDirectory(out) }
        let options = ReportJobOptions(
            parameters: metrics.parameters, zone: zone, threads: metrics.workerThreads,
            rejectsPath: out.map { "\($0)/rejects.tsv" }, defersRejectsPublishing: true, checksumsInputs: true,
            sla: sla, onlyDay: day, detailed: true, maxWindowLog: decompression.maxWindowLog)
        let result = try runReportJob(inputs, options: options, quiet: quiet)
        try requireRows(of: result.report, day: dayText)
        // `checksumsInputs` gives every file read its checksum.
        let manifest = result.files.map { file in
            InputManifestEntry(path: file.path, format: file.format, bytesRead: file.bytesRead,
                               bytesDecoded: file.bytesDecoded, checksum: file.checksum ?? "",
                               rows: file.counts.rows, rejected: file.counts.rejected)
        }

        let store: HistoryStore
        do {
            store = try HistoryStore(path: db)
            try store.record(NightlyRecord(
                day: dayText, report: result.report, inputs: manifest,
                computedAt: ISO8601DateFormatter().string(from: Date()),
                hotlineVersion: Hotline.configuration.version, catalogue: catalogue))
        } catch {
            result.unpublishedRejects?.discard()
            throw CommandFailure(message: "\(error)", status: 1)
        }

        // The day is stored: a failure from here on must not say "nothing changed" (1).
        var failures: [String] = []
        func afterStoring(_ step: () throws -> Void) {
            do {
                try step()
            } catch let failure as CommandFailure {
                failures.append(failure.message)
            } catch {
                failures.append("\(error)")
            }
        }
        if let out {
            afterStoring { try result.unpublishedRejects?.publish() }
            afterStoring {
                try writeOutputFile(JSONReportWriter.render(result.report), to: "\(out)/report.json", what: "the report")
            }
            if let evaluation = result.report.sla {
                afterStoring {
                    try writeOutputFile(SLACSVWriter.render(evaluation), to: "\(out)/sla.csv", what: "the SLA evaluation")
                }
            }
            afterStoring {
                let history = try store.series(lastDays: 30, endingOn: dayText, metrics: Metric.allCases).map { stored in
                    var metrics = ScopeMetrics()
                    for metric in Metric.allCases { metrics[metric] = stored[metric] }
                    return NamedScope(name: stored.day, metrics: metrics)
                }
                try writeOutputFile(HTMLReportWriter.render(result.report, history: history, title: "hotline · \(dayText)"),
                                    to: "\(out)/report.html", what: "the HTML report")
            }
        }
        if !quiet { afterStoring { try writeStandardOutput(summary(of: result.report, day: dayText)) } }
        guard failures.isEmpty else {
            throw CommandFailure(message: failures.joined(separator: "; ") + " (\(dayText) is stored in \(db))",
                                 status: Self.storedButOutputFailed)
        }
        if failOnBreach, let missed = result.report.sla?.totals.missed, missed > 0 {
            throw CommandFailure(message: HumanNumberText.counted(missed, "commitment period", "commitment periods")
                                  + " missed (--fail-on-breach)", status: 3)
        }
    }

    /// Exit status: the day is stored, but a file of `--out` or the summary
    /// line could not be written (or the history for the HTML report read).
    static let storedButOutputFailed: Int32 = 5

    /// The job lock of the database file, however `--db` spells it (a
    /// symlink included): `history.sqlite.lock` beside the resolved file.
    private func takeLock() throws -> JobLock {
        do {
            return try JobLock(path: try JobLock.path(guarding: db), timeoutSeconds: lockTimeout)
        } catch {
            throw CommandFailure(message: "\(error)", status: error.isBusy ? 4 : 1)
        }
    }

    private func expand(_ patterns: [String], as format: InputFormatName) throws -> [InputFileSpec] {
        do {
            return try patterns.flatMap(InputGlob.expand).map { InputFileSpec(path: $0, format: format) }
        } catch {
            throw CommandFailure(message: "\(error)", status: 1)
        }
    }

    private func makeDirectory(_ path: String) throws {
        do {
            try FileSystem.makeDirectories(path)
        } catch {
            throw CommandFailure(message: "\(error)", status: 1)
        }
    }

    /// The local day before today in `zone`: what a job run after midnight reports.
    private static func yesterday(in zone: ZoneOffsets) -> Int64 {
        var clock = LocalClock(zone: zone)
        return clock.day(of: Int64(Date().timeIntervalSince1970.rounded(.down))) - 1
    }

    /// A day without a single accepted row is not stored: it is almost always
    /// a broken feed (an export that did not run, the wrong --tz or pattern),
    /// and an empty night in the history would pass for a quiet day.
    private func requireRows(of report: Report, day: String) throws {
        let input = report.input
        guard input.calls.rows + input.contacts.rows == 0 else { return }
        let outside = input.day.map { $0.callsOutside + $0.contactsOutside } ?? 0
        throw CommandFailure(message: "\(day): no row of this day in the inputs ("
                             + HumanNumberText.counted(outside, "row", "rows") + " of other days, "
                             + HumanNumberText.counted(input.calls.rejected + input.contacts.rejected, "line", "lines")
                             + " rejected); nothing stored in \(db): check --date, --tz and the patterns",
                             status: Self.emptyDayStatus)
    }

    /// The exit status of a day with no row, distinct so that a scheduler can alert on it.
    static let emptyDayStatus: Int32 = 6

    /// One line for the scheduler's log: what was stored, and what was left out.
    private func summary(of report: Report, day: String) -> String {
        let input = report.input
        var parts = [
            "\(HumanNumberText.grouped(input.calls.rows)) calls",
            "\(HumanNumberText.grouped(input.contacts.rows)) contacts",
            "\(HumanNumberText.grouped(input.calls.rejected + input.contacts.rejected)) rejected",
        ]
        if let outside = input.day, outside.callsOutside + outside.contactsOutside > 0 {
            parts.append("\(HumanNumberText.grouped(outside.callsOutside + outside.contactsOutside)) rows of other days left out")
        }
        if let totals = report.sla?.totals {
            parts.append("SLA: \(totals.met) met, \(totals.missed) missed, \(totals.notMeasurable) not measurable")
        }
        var line = "\(day) stored in \(db): " + parts.joined(separator: ", ")
        if let out { line += "; report in \(out)/report.html" }
        return line + "\n"
    }
}


extension InputError {
    var isBusy: Bool {
        if case .busy = self { return true }
        return false
    }
}
