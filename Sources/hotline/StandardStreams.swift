#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics and progress go to stderr, so that stdout carries nothing but the report.
struct StandardError: Sendable {
    var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Best effort: there is nowhere left to report a failure to write a diagnostic.
    func write(_ text: String) { _ = writeAll(text, to: STDERR_FILENO) }
}

let standardError = StandardError()

/// Writes the report; a report that could not be written whole (full disk,
/// closed pipe) fails the run rather than leaving a silently partial output.
func writeStandardOutput(_ text: String) throws {
    if let failure = writeAll(text, to: STDOUT_FILENO) {
        throw CommandFailure(message: "cannot write the report to standard output: \(failure)", status: 1)
    }
}

/// Ends the process with `status` (inside a command, `exit` names ArgumentParser's method).
func terminateProcess(_ status: Int32) -> Never { exit(status) }

/// Writes every byte, retrying short and interrupted writes; returns the
/// system's message for the first error, or `nil` once everything is written.
private func writeAll(_ text: String, to descriptor: Int32) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return String(cString: strerror(written < 0 ? errno : EIO)) }
            offset += written
        }
        return nil
    }
}
