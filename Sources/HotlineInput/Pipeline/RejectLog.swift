import HotlineCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
/// The file is written under a temporary name beside its final one and
/// renamed when the run completes, so a failed run never leaves a partial
/// list that looks complete. Used by the collector only, one chunk at a
/// time, in input order.
final class RejectLog {
    private let output: OutputFile?
    private let outputPath: String?
    private let temporaryPath: String?
    private let noticeLimit: Int
    private(set) var notices: [RejectNotice] = []
    private(set) var rejected: [LogKind: Int64] = [:]
    private(set) var writeError: InputError?

    init(outputPath: String?, noticeLimit: Int) throws {
        self.outputPath = outputPath
        self.noticeLimit = noticeLimit
        if let outputPath {
            let temporaryPath = "\(outputPath).partial-\(getpid())"
            let file = try OutputFile(path: temporaryPath, compression: .none)
            try file.write("file\tline\treason\ttext\n")
            output = file
            self.temporaryPath = temporaryPath
        } else {
            output = nil
            temporaryPath = nil
        }
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
            writeError = error as? InputError ?? .writeFailed(path: outputPath ?? "", reason: "\(error)")
        }
    }

    /// Completes the file under its final name.
    func close() throws {
        guard let output, let outputPath, let temporaryPath else { return }
        do {
            try output.close()
            if let writeError { throw writeError }
            guard rename(temporaryPath, outputPath) == 0 else {
                throw InputError.writeFailed(path: outputPath, reason: String(cString: strerror(errno)))
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the unfinished file after a failed run.
    func discard() {
        try? output?.close()
        if let temporaryPath { unlink(temporaryPath) }
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
