import ArgumentParser
import Foundation
import HotlineCore
import HotlineInput

/// `hotline convert`: the call attempts derived from switch logs, written as
/// a canonical call log, so an analyst can see and audit every one.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the call attempts derived from Asterisk queue_log or CDR files as a canonical call log.",
        discussion: """
            Reads switch logs exactly as `hotline report` does (docs/asterisk.md) and writes one canonical \
            call-log row (docs/formats.md) per derived attempt, in the order the input settled them. \
            `hotline report` on the written file gives the same call metrics as on the switch logs. \
            Incomplete calls and duplicate lines are summarised on stderr and, with --rejects, listed. \
            Exit status: 0 written; 1 a fatal input error (no file is left behind); 2 a usage error.
            """)

    @Argument(help: ArgumentHelp("Switch logs, oldest first.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The call log to write; - for standard output.", valueName: "file"))
    var out: String

    @Flag(help: "Compress the output with zstd (level 3).")
    var zstd = false

    @OptionGroup var switchLogs: SwitchLogOptions

    @OptionGroup var decompression: DecompressionOptions

    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "Default zone of the switch's local times when --switch-tz is not given.", valueName: "zone"))
    var timeZone = "UTC"

    @Option(help: ArgumentHelp("Write every rejected line, incomplete call and duplicate line to this TSV file (- for standard output).",
                               valueName: "file"))
    var rejects: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Parsing workers, \(OptionRange.threadsText) (default: one per core but the reader's, at least 1).",
        valueName: "n"))
    var threads: Int?

    @Flag(name: .shortAndLong, help: "No summary on stderr.")
    var quiet = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("no input: give one or more switch logs") }
        try OptionRange.check("--threads", threads, in: OptionRange.threads)
        for (option, output) in [("--out", out), ("--rejects", rejects)] {
            guard let output else { continue }
            if let input = files.first(where: { FileSystem.isSameFile($0, output) }) {
                throw ValidationError("\(option) \(output) is the input \(input): it would be overwritten")
            }
        }
        if rejects == "-" && out == "-" {
            throw ValidationError("--out - and --rejects - would both write to standard output")
        }
        _ = try switchLogs.zone(default: timeZone)
    }

    func run() throws {
        let zone = try switchLogs.zone(default: timeZone)
        let options = ReportJobOptions(
            zone: zone, threads: threads ?? ReportJobOptions.defaultWorkers, rejectsPath: rejects, switchZone: zone,
            convertedCalls: (out, zstd ? .zstd(level: 3) : .none), inboundContexts: switchLogs.inboundContexts,
            maxWindowLog: decompression.maxWindowLog)
        let result: ReportResult
        do {
            result = try ReportJob.run(files: files.map { InputFileSpec(path: $0, format: switchLogs.inputFormat?.name) },
                                       options: options)
        } catch {
            throw CommandFailure(message: "\(error)", status: 1)
        }
        guard !quiet else { return }
        let overall = result.report.overall
        let outcomes = CallOutcome.allCases.compactMap { outcome -> String? in
            guard let metric = Metric(outcome: outcome), case .integer(let count) = overall[metric] else { return nil }
            return "\(outcome.name) \(count)"
        }
        standardError.write("hotline: wrote \(result.report.input.calls.rows) attempts to \(out) ("
                            + outcomes.joined(separator: ", ") + ")\n")
        RejectSummary.write(result, rejectsPath: rejects)
    }
}

extension Metric {
    /// The count metric of an outcome.
    init?(outcome: CallOutcome) {
        switch outcome {
        case .answered: self = .answered
        case .abandoned: self = .abandoned
        case .timeout: self = .timeout
        case .busy: self = .busy
        case .closed: self = .closed
        }
    }
}
