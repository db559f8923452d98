/// The canonical call log `hotline convert` writes: rows arrive in input
/// order from the collector into an `OutputFile`, which replaces a regular
/// file only at the end, so a failed run never leaves a file that looks complete.
final class ConvertedCallsFile {
    private let output: OutputFile
    private var writeError: Error?

    init(path: String, compression: OutputCompression) throws {
        output = try OutputFile(path: path, compression: compression)
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
        if let writeError {
            output.discard()
            throw writeError
        }
        try output.close()
    }

    func discard() {
        output.discard()
    }
}
