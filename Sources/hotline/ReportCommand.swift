import ArgumentParser
import Foundation
import HotlineCore
import HotlineInput
import HotlineSLA

/// `hotline report`: read logs, print the metrics.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute every metric overall, by queue and by day.",
        discussion: """
            Files are plain or zstd-compressed (detected by content). Files given with --calls and \
            --contacts come first, in the order given, then positional files, whose format is read from \
            their first line: a canonical call or contact log, an Asterisk queue_log (raw or a table \
            export) or a CDR (Master.csv or an export with a header) — see docs/asterisk.md. That order breaks ties between contacts of a case that \
            start at the same instant with the same contact id, and is the order in which rotated \
            switch logs are assembled: give them oldest first.

            Rejected rows are counted in the report, summarised on stderr and, with --rejects, all \
            written to a file. A file written is replaced atomically once complete; a symlink is \
            followed, a device or FIFO (/dev/null, a named pipe) written in place. With --sla, the \
            report checks a service catalogue (docs/sla.md); a queue of the catalogue that no row has is \
            warned about on stderr. Exit status: 0 the report is complete; 1 a fatal input error (no \
            report is printed), an output that cannot be written (a closed standard output included) \
            or, with --strict, rejected rows; 2 a usage error or an invalid catalogue (file:line: \
            message, before any log is read) or, with --strict-catalogue, a catalogue queue that no row \
            has (no report); 3 with --fail-on-breach, a commitment was missed (the report is printed).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(name: .customLong("calls"), help: ArgumentHelp("A call log (repeatable).", valueName: "file"))
    var callFiles: [String] = []

    @Option(name: .customLong("contacts"), help: ArgumentHelp("A contact log (repeatable).", valueName: "file"))
    var contactFiles: [String] = []

    @Argument(help: ArgumentHelp("Logs whose format is detected from their first line.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var switchLogs: SwitchLogOptions

    @Option(help: "Output format: table (for people), json (every key in docs/metrics.md) or csv (one row per scope).")
    var format: OutputFormat = .table

    @OptionGroup var metrics: MetricOptions

    @OptionGroup var decompression: DecompressionOptions

    @Option(help: ArgumentHelp("Write every rejected line, with file, line and reason, to this TSV file.",
                               valueName: "file"))
    var rejects: String?

    @Flag(help: "Fail (exit status 1, no report) when any row is rejected.")
    var strict = false

    @Option(name: .customLong("sla"), help: ArgumentHelp(
        "Check this service catalogue (YAML, docs/sla.md) and add the result to the report.", valueName: "file"))
    var catalogue: String?

    @Flag(name: .customLong("fail-on-breach"), help: "With --sla: exit status 3 when any commitment is missed.")
    var failOnBreach = false

    @Flag(name: .customLong("strict-catalogue"), help: ArgumentHelp(
        "With --sla: a catalogue queue that no row has is an error (exit status 2, no report), not a warning."))
    var strictCatalogue = false

    @Option(name: .customLong("sla-out"), help: ArgumentHelp(
        "With --sla: also write the evaluation as CSV, one row per service, commitment and period (-: standard output, after the report).", valueName: "file"))
    var slaOut: String?

    @Flag(help: ArgumentHelp(
        "Add the by_hour scope (local hour of day) and the distributions of waits, customer effort and escalation paths."))
    var detailed = false

    @Flag(name: .shortAndLong, help: "No progress line and no reject summary on stderr (--stats still prints).")
    var quiet = false

    @Flag(help: "After the report, print on stderr bytes, rows, speed, time per stage, threads and peak memory.")
    var stats = false

    func validate() throws {
        guard !(callFiles.isEmpty && contactFiles.isEmpty && files.isEmpty) else {
            throw ValidationError("no input: give --calls FILE, --contacts FILE or files")
        }
        if failOnBreach && catalogue == nil { throw ValidationError("--fail-on-breach needs --sla CATALOGUE") }
        if slaOut != nil && catalogue == nil { throw ValidationError("--sla-out needs --sla CATALOGUE") }
        if strictCatalogue && catalogue == nil { throw ValidationError("--strict-catalogue needs --sla CATALOGUE") }
        for (option, output) in [("--rejects", rejects), ("--sla-out", slaOut)] {
            guard let output else { continue }
            if let input = (callFiles + contactFiles + files).first(where: { FileSystem.isSameFile($0, output) }) {
                throw ValidationError("\(option) \(output) is the input \(input): it would be overwritten")
            }
        }
        if rejects == "-" {
            throw ValidationError("--rejects -: standard output carries the report; name a file (or /dev/stderr)")
        }
        _ = try switchLogs.zone(default: metrics.timeZone)
    }

    func run() throws {
        let sla = try MetricOptions.loadCatalogue(catalogue)
        let inputs = callFiles.map { InputFileSpec(path: $0, format: .calls) }
            + contactFiles.map { InputFileSpec(path: $0, format: .contacts) }
            + files.map { InputFileSpec(path: $0, format: switchLogs.inputFormat?.name) }
        let options = ReportJobOptions(
            parameters: metrics.parameters,
            zone: try metrics.zone(),
            threads: metrics.workerThreads,
            rejectsPath: rejects,
            switchZone: try switchLogs.zone(default: metrics.timeZone), inboundContexts: switchLogs.inboundContexts,
            sla: sla, detailed: detailed, maxWindowLog: decompression.maxWindowLog)

        let started = ContinuousClock.now
        let result = try runReportJob(inputs, options: options, quiet: quiet)
        try CatalogueCoverage.check(sla, path: catalogue, in: result.report, strict: strictCatalogue)
        if strict && result.rejectedRows > 0 {
            throw CommandFailure(message: "\(HumanNumberText.counted(result.rejectedRows, "row", "rows")) rejected and --strict is set; no report", status: 1)
        }
        switch format {
        case .table: try writeStandardOutput(TableReportWriter.render(result.report))
        case .json: try writeStandardOutput(JSONReportWriter.render(result.report))
        case .csv: try writeStandardOutput(CSVReportWriter.render(result.report))
        }
        if let slaOut, let evaluation = result.report.sla {
            try writeOutputFile(SLACSVWriter.render(evaluation), to: slaOut, what: "the SLA evaluation")
        }
        // Asked for explicitly, so --quiet, which silences what nobody asked for, leaves it on.
        if stats {
            standardError.write(RunStatistics(result: result, threads: options.threads, wallTime: ContinuousClock.now - started,
                                              peakMemoryBytes: RunStatistics.peakResidentBytes()).text)
        }
        if failOnBreach, let missed = result.report.sla?.totals.missed, missed > 0 {
            throw CommandFailure(message: HumanNumberText.counted(missed, "commitment period", "commitment periods")
                                  + " missed (--fail-on-breach)", status: 3)
        }
    }
}
