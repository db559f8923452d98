/// A fatal problem with an input file: the run stops and no report is printed
/// (exit status 1). Every case names the file so that a nightly job's log says
/// which of its many inputs to look at.
public enum InputError: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotCreateDirectory(path: String, reason: String)
    case corruptZstd(path: String, detail: String)
    case truncatedZstd(path: String)
    /// `windowLog`: the frame's window as a power of two, nil when its header could not be read again.
    case zstdWindowTooLarge(path: String, windowLog: Int?, limitLog: Int)
    case emptyHeader(path: String)
    case headerNotUTF8(path: String)
    case unknownLogKind(path: String, header: String)
    case malformedHeader(path: String, detail: String)
    case missingColumn(path: String, column: String, kind: String)
    case duplicateColumn(path: String, column: String)
    case lineTooLong(path: String, byteOffset: Int64, limit: Int)
    case tooManyFiles(count: Int, limit: Int)
    case notAQueueLogTable(path: String)
    case notAMasterCSV(path: String)
    case notACDRTable(path: String)
    case customCDROrder(path: String)
    case notASwitchLog(path: String)
    case noMatch(pattern: String)
    case busy(path: String, waitedSeconds: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason): "\(path): read failed: \(reason)"
        case .writeFailed(let path, let reason): "\(path): write failed: \(reason)"
        case .cannotCreateDirectory(let path, let reason): "\(path): cannot create directory: \(reason)"
        case .corruptZstd(let path, let detail): "\(path): corrupt zstd data: \(detail)"
        case .truncatedZstd(let path): "\(path): truncated zstd data: the file ends inside a frame"
        case .zstdWindowTooLarge(let path, let windowLog, let limitLog):
            "\(path): a zstd frame needs a window of "
                + (windowLog.map { "\(ZstdWindow.text(log: $0)) (2^\($0))" } ?? "more than \(ZstdWindow.text(log: limitLog))")
                + ", more than the \(ZstdWindow.text(log: limitLog)) allowed (--max-window \(limitLog)); "
                + "the file is valid (zstd --long): read it with --max-window "
                + (windowLog.map(String.init) ?? "\(ZstdWindow.logRange.upperBound)")
                + " if the machine can spare that much memory"
        case .emptyHeader(let path): "\(path): line 1: empty header; the first line must name the columns"
        case .headerNotUTF8(let path): "\(path): line 1: the header is not valid UTF-8"
        case .unknownLogKind(let path, let header):
            "\(path): line 1: not a format hotline knows (\(header)): expected a call-log or contact-log header, "
                + "a queue_log line (epoch|callid|queue|agent|EVENT) or a queue_log / CDR header; "
                + "use --calls, --contacts or --input-format"
        case .malformedHeader(let path, let detail): "\(path): line 1: malformed header: \(detail)"
        case .missingColumn(let path, let column, let kind):
            "\(path): line 1: required \(kind) column '\(column)' is missing from the header"
        case .duplicateColumn(let path, let column):
            "\(path): line 1: column '\(column)' is named twice in the header"
        case .tooManyFiles(let count, let limit): "\(count) input files: at most \(limit) can be read in one report"
        case .notAQueueLogTable(let path):
            "\(path): line 1: not a queue_log table header (needs callid, event, queuename or queue_name, "
                + "agent or type, and time or date_time)"
        case .notAMasterCSV(let path):
            "\(path): line 1: not a Master.csv row (16 to 21 fields in cdr_csv order: start time in field 10, "
                + "disposition in field 15)"
        case .notACDRTable(let path):
            "\(path): line 1: not a CDR header (needs src, dst, lastapp, start, billsec and disposition, "
                + "or Grandstream's Caller Number, Callee Number, Last app., Start Time, Talk Time, Disposition)"
        case .customCDROrder(let path):
            "\(path): line 1: a CDR without a header whose columns are not in cdr_csv's order (a cdr_custom "
                + "mapping?): export it with a header naming the columns, and read it with --input-format cdr-table"
        case .noMatch(let pattern): "\(pattern): no file matches this pattern"
        case .busy(let path, let waited):
            "\(path): another job holds this lock (waited \(waited) s); run again once it has finished"
        case .notASwitchLog(let path):
            "\(path): already a canonical log; convert reads switch logs (queue_log, CDR) only"
        case .lineTooLong(let path, let byteOffset, let limit):
            "\(path): the line starting at decoded byte \(byteOffset) is longer than \(limit / (1 << 20)) MiB; no log line is that long"
        }
    }
}
