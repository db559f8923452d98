#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The canonical call log `hotline convert` writes: rows arrive in input
/// order from the collector, under a temporary name renamed at the end, so
/// a failed run never leaves a file that looks complete.
final class ConvertedCallsFile {
    private let output: OutputFile
    private let path: String
    private let temporaryPath: String
    private var writeError: Error?

    init(path: String, compression: OutputCompression) throws {
        self.path = path
        temporaryPath = "\(path).partial-\(getpid())"
        output = try OutputFile(path: temporaryPath, compression: compression)
        try output.write(CanonicalCallRows.header)
    }

    func write(_ rows: [UInt8]) {
        guard !rows.isEmpty, writeError == nil else { return }
        do {
            try rows.withUnsafeBytes { try output.write($0) }
        } catch {
            writeError = error
        }
    }

    func close() throws {
        try output.close()
        if let writeError { throw writeError }
        guard rename(temporaryPath, path) == 0 else {
            throw InputError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    func discard() {
        try? output.close()
        unlink(temporaryPath)
    }
}
