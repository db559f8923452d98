import HotlineCore

/// A rejected line at its final place: the file as named on the command line
/// and its physical line number (the header is line 1).
public struct RejectNotice: Sendable, Equatable {
    public let path: String
    public let line: Int64
    public let reason: String
}

/// Counts every rejected line, keeps the first few for the summary on
/// stderr, and writes them all to the `--rejects` file when one was asked for.
///
/// The file is an `OutputFile`: a regular file is written under a
/// temporary name and only replaced once the run has completed (and, for a
/// nightly job, once the day is stored), so a failed run never leaves a
/// partial list that looks complete. Used by the collector only, one chunk
/// at a time, in input order.
final class RejectLog {
    private let output: OutputFile?
    private let noticeLimit: Int
    private(set) var notices: [RejectNotice] = []
    private(set) var rejected: [LogKind: Int64] = [:]
    private(set) var writeError: InputError?

    init(outputPath: String?, noticeLimit: Int) throws {
        self.noticeLimit = noticeLimit
        output = try outputPath.map { try OutputFile(path: $0, compression: .none) }
        try output?.write("file\tline\treason\ttext\n")
    }

    /// Records a line that `kind`'s rows do not count; `kind` nil for a
    /// switch log's incomplete call or duplicate line, which have counts of their own.
    func record(_ rejectedLine: RejectedLine, path: String, line: Int64, kind: LogKind?) {
        if let kind { rejected[kind, default: 0] += 1 }
        let reason = rejectedLine.reason.description
        if notices.count < noticeLimit {
            notices.append(RejectNotice(path: path, line: line, reason: reason))
        }
        guard let output, writeError == nil else { return }
        var row = Array("\(Self.escaped(Array(path.utf8)))\t\(line)\t\(reason)\t".utf8)
        row.append(contentsOf: Self.escapedBytes(rejectedLine.text ?? []))
        row.append(0x0A)
        do {
            try row.withUnsafeBytes { try output.write($0) }
        } catch {
            writeError = error as? InputError ?? .writeFailed(path: output.path, reason: "\(error)")
        }
    }

    /// Completes the file, not yet in place: the caller publishes it.
    func finish() throws -> StagedOutput? {
        guard let output else { return nil }
        if let writeError {
            output.discard()
            throw writeError
        }
        return try output.finish()
    }

    /// Removes the unfinished file after a failed run.
    func discard() {
        output?.discard()
    }

    private static func escaped(_ bytes: [UInt8]) -> String {
        String(decoding: escapedBytes(bytes), as: UTF8.self)
    }

    /// Tabs, carriage returns and backslashes escaped so that each reject
    /// stays one TSV line, and a leading `'` added where a spreadsheet would
    /// run the field as a formula (`CSVField.neutralised`, README).
    private static func escapedBytes(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1)
        if let first = bytes.first, CSVField.startsFormula(first) { result.append(UInt8(ascii: "'")) }
        for byte in bytes {
            switch byte {
            case 0x09: result.append(contentsOf: [0x5C, 0x74])
            case 0x0D: result.append(contentsOf: [0x5C, 0x72])
            case 0x5C: result.append(contentsOf: [0x5C, 0x5C])
            default: result.append(byte)
            }
        }
        return result
    }
}
