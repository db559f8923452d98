#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, with the few ways
/// the targets cut them up.
public struct FuzzInput {
    public let bytes: UnsafeRawBufferPointer

    public init(_ start: UnsafeRawPointer, _ count: Int) {
        bytes = UnsafeRawBufferPointer(start: count == 0 ? nil : start, count: count)
    }

    /// The first byte, which picks a variant of the target (a layout, a
    /// chunk size), and the bytes after it; nil for an empty input.
    public var selectorAndRest: (selector: UInt8, rest: UnsafeRawBufferPointer)? {
        guard let first = bytes.first else { return nil }
        return (first, UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
    }

    /// `bytes` cut at the first `\n`: the line before it (without the `\n`)
    /// and everything after it (empty if there is no `\n`).
    public static func splitFirstLine(_ bytes: UnsafeRawBufferPointer) -> (line: UnsafeRawBufferPointer, rest: UnsafeRawBufferPointer) {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            return (bytes, UnsafeRawBufferPointer(rebasing: bytes[bytes.endIndex...]))
        }
        return (UnsafeRawBufferPointer(rebasing: bytes[..<newline]),
                UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...]))
    }
}

/// A file that holds the current input, for the code under test that reads
/// files by path (the zstd reader, the report pipeline).
///
/// The file is unlinked as soon as it is created and named through
/// `/proc/self/fd/N`: opening that path opens the same file afresh, and
/// nothing is left behind when libFuzzer exits or a crash kills the process.
public final class ScratchFile: Sendable {
    public let path: String
    private let descriptor: Int32

    public init() {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(directory)/hotline-fuzz-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(descriptor >= 0, "cannot create a scratch file in \(directory)")
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        path = "/proc/self/fd/\(descriptor)"
    }

    /// Makes `bytes` the whole content of the file.
    public func replaceContents(with bytes: UnsafeRawBufferPointer) {
        precondition(ftruncate(descriptor, 0) == 0, "cannot truncate the scratch file")
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(written))
            precondition(count > 0, "cannot write the scratch file")
            written += count
        }
    }
}
