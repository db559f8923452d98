#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics and progress go to stderr, so that stdout carries nothing but the report.
struct StandardError: Sendable {
    var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func write(_ text: String) { writeAll(text, to: STDERR_FILENO) }
}

let standardError = StandardError()

func writeStandardOutput(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

/// Ends the process with `status` (inside a command, `exit` names ArgumentParser's method).
func terminateProcess(_ status: Int32) -> Never { exit(status) }

/// Writes every byte, retrying short writes; a closed pipe simply ends the output.
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
