import ArgumentParser
import HotlineCore

/// The `hotline` command. Exit status contract for scripts: 0 success,
/// 1 a fatal input error (or rejected rows under `--strict`, or a closed
/// standard output), 2 a usage error (an invalid `--sla` catalogue included),
/// 3 a missed commitment under `--fail-on-breach`, 4 (`nightly`) another job
/// held the history database too long, 5 (`nightly`) the day is stored but
/// its report files or summary could not be written, 6 (`nightly`) no input row
/// belongs to the day (nothing stored).
@main
struct Hotline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract: "Turn hotline call logs and CRM contact logs into the numbers a support organisation is judged by.",
        discussion: """
            Reads call logs and contact logs (canonical CSV, plain or zstd-compressed) and reports \
            reachability, calls per useful contact, abandonment, service level, speed of answer, \
            handle time and escalation — overall, by queue and by day. `nightly` stores one day's \
            report in a history database every night; `history` prints the trend.

            Input formats are described in docs/formats.md, every report key and metric in docs/metrics.md.
            """,
        version: "0.1.0",
        subcommands: [ReportCommand.self, NightlyCommand.self, ConvertCommand.self, GenerateCommand.self, HistoryCommand.self])

    /// A bare `hotline` is a usage error: a script that forgot the subcommand must not see success.
    func run() throws {
        throw ValidationError("a subcommand is required: report, nightly, history, convert or generate")
    }

    /// Every error, usage or runtime, begins `hotline: error:` on stderr, so
    /// that a script or a person reading a log can find it with one pattern.
    static func main() {
        ignoreBrokenPipeSignals()
        do {
            try rejectUnknownSubcommand(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            standardError.write("\(errorPrefix)\(failure.message)\n")
            terminateProcess(failure.status)
        } catch {
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            standardError.write(errorPrefix + message + "\n")
            terminateProcess(status == .validationFailure ? 2 : status.rawValue)
        }
    }

    static let errorPrefix = "hotline: error: "

    /// A first argument that is neither an option nor a subcommand is a
    /// mistyped subcommand (`hotline reprot …`): say so and name the nearest
    /// one, rather than ArgumentParser's "unexpected arguments".
    private static func rejectUnknownSubcommand(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(first) else { return }
        let hint = ClosestName.to(first, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw CommandFailure(message: "unknown subcommand '\(first)'\(hint); the subcommands are "
                             + names.dropLast().joined(separator: ", ") + " (hotline --help)", status: 2)
    }
}

/// A failure that ends the run with a message and a specific exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32
}
