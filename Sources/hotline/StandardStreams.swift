import HotlineInput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics and progress go to stderr, so that stdout carries nothing but the report.
struct StandardError: Sendable {
    var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Best effort: there is nowhere left to report a failure to write a diagnostic.
    func write(_ text: String) { try? StandardStream.error.write(text) }
}

let standardError = StandardError()

/// Writes the report; a report that could not be written whole (full disk,
/// closed pipe) fails the run rather than leaving a silently partial output.
func writeStandardOutput(_ text: String) throws {
    do {
        try StandardStream.output.write(text)
    } catch {
        throw CommandFailure(message: "cannot write the report: \(error)", status: 1)
    }
}

/// A reader that goes away (`hotline report | head -1`) must end the run
/// with status 1 and one line on stderr, as for any other write error, not
/// kill it with `SIGPIPE` (status 141): writes then fail with `EPIPE` instead.
func ignoreBrokenPipeSignals() {
    signal(SIGPIPE, SIG_IGN)
}

/// Ends the process with `status` (inside a command, `exit` names ArgumentParser's method).
func terminateProcess(_ status: Int32) -> Never { exit(status) }
