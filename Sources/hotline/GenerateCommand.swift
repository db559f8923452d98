import ArgumentParser
import Foundation
import HotlineGenerator
import HotlineInput

/// `hotline generate`: writes a deterministic synthetic call log (canonical
/// CSV or an Asterisk queue_log) and contact log, for trying the tool, for
/// tests and for benchmarks of any size.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic, realistic synthetic call log and contact log.",
        discussion: """
            Writes calls.csv and contacts.csv (calls.csv.zst and contacts.csv.zst with --zstd) \
            into the output directory; with --format queue-log, the call attempts go to a raw \
            Asterisk queue_log (queue_log or queue_log.zst) instead, with the same contacts.csv. \
            A queue_log cannot record busy or closed attempts (no queue was entered) nor agent \
            levels: those attempts are left out, and the summary says how many. The same options \
            always give byte-identical files, and the same seed the same attempts in both formats.
            """)

    /// `--format` values.
    enum CallLogChoice: String, ExpressibleByArgument, CaseIterable {
        case csv
        case queueLog = "queue-log"

        var format: CallLogFormat {
            switch self {
            case .csv: .csv
            case .queueLog: .queueLog
            }
        }
    }

    // `.unconditional` so that `--calls -1` reaches validation instead of
    // being read as an unknown option.
    @Option(name: .customLong("calls"), parsing: .unconditional, help: ArgumentHelp(
        "Number of call attempts to simulate, 0 to \(GeneratorConfiguration.maximumCalls): the rows of calls.csv.",
        valueName: "n"))
    var calls: Int

    @Option(name: .customLong("out"), help: "Output directory, created if missing.")
    var out: String

    @Option(name: .customLong("seed"), help: ArgumentHelp(
        "Seed of the random draws, \(OptionRange.text(UInt64.min...UInt64.max)).", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Call log format: csv (the canonical calls.csv) or queue-log (an Asterisk 13 queue_log).",
        valueName: "format"))
    var format: CallLogChoice = .csv

    @Flag(name: .customLong("zstd"), help: "Compress both files with zstd (level 3).")
    var zstd = false

    @Option(name: .customLong("days"), parsing: .unconditional,
            help: ArgumentHelp(
                "Length of the window in days, ≥ 1, ending before the year 10000 (default: max(7, ⌈calls / 20000⌉)).",
                valueName: "n"))
    var days: Int?

    @Option(name: .customLong("start-day"), help: "First day of the window, YYYY-MM-DD (UTC).")
    var startDay: String = GeneratorConfiguration.defaultStartDay

    /// The generator configuration these options describe.
    var generatorConfiguration: GeneratorConfiguration {
        GeneratorConfiguration(
            calls: calls, seed: seed, startDay: startDay, days: days,
            compression: zstd ? .zstd(level: 3) : .none, callLogFormat: format.format)
    }

    func validate() throws {
        do {
            try generatorConfiguration.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let dataset: GeneratedDataset
        do {
            dataset = try DatasetGenerator.write(generatorConfiguration, toDirectory: out)
        } catch {
            throw CommandFailure(message: "\(error)", status: 1)
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var summary = "generated \(dataset.callsPath) (\(dataset.callRows) \(format == .csv ? "rows" : "attempts")"
        if format == .queueLog {
            summary += "; \(dataset.omittedCalls) busy or closed attempts left out, a queue_log cannot record them"
        }
        summary += ") and "
            + "\(dataset.contactsPath) (\(dataset.contactRows) rows): \(dataset.bytesWritten) bytes of text"
        if zstd {
            summary += ", \(fileSize(dataset.callsPath) + fileSize(dataset.contactsPath)) bytes on disk"
        }
        summary += " in " + String(format: "%.2f", seconds) + " s\n"
        standardError.write(summary)
    }

    private func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
