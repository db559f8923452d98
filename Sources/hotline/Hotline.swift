import ArgumentParser

/// The `hotline` command. Exit status contract for scripts: 0 success,
/// 1 a fatal input error (or rejected rows under `--strict`, or a closed
/// standard output), 2 a usage error (an invalid `--sla` catalogue included),
/// 3 a missed commitment under `--fail-on-breach`, 4 (`nightly`) another job
/// held the history database too long, 5 (`nightly`) the day is stored but
/// its report files or summary could not be written.
@main
struct Hotline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotline",
        abstract: "Turn hotline call logs and CRM contact logs into the numbers a support organisation is judged by.",
        discussion: """
            Reads call logs and contact logs (canonical CSV, plain or zstd-compressed) and reports \
            reachability, calls per useful contact, abandonment, service level, speed of answer, \
            handle time and escalation — overall, by queue and by day. `nightly` stores one day's             report in a history database every night; `history` prints the trend.
            """,
        version: "0.1.0",
        subcommands: [ReportCommand.self, NightlyCommand.self, ConvertCommand.self, GenerateCommand.self, HistoryCommand.self])

    /// A bare `hotline` is a usage error: a script that forgot the subcommand must not see success.
    func run() throws {
        throw ValidationError("a subcommand is required: report, nightly, history, convert or generate")
    }

    static func main() {
        ignoreBrokenPipeSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            standardError.write("hotline: error: \(failure.message)\n")
            terminateProcess(failure.status)
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            standardError.write(fullMessage(for: error) + "\n")
            terminateProcess(2)
        }
    }
}

/// A failure that ends the run with a message and a specific exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32
}
