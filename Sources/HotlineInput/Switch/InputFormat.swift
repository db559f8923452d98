import HotlineCore

/// The formats `--input-format` can force (docs/asterisk.md).
public enum InputFormatName: String, CaseIterable, Sendable {
    case calls, contacts
    case queueLog = "queue-log"
    case queueLogTable = "queue-log-table"
    case cdr
    case cdrTable = "cdr-table"

    /// The canonical log of `kind`.
    public init(_ kind: LogKind) {
        self = kind == .calls ? .calls : .contacts
    }
}

/// A file's format, with where its fields are.
public enum InputFormat: Sendable, Equatable {
    /// A canonical call or contact log (SPEC §2.1).
    case canonical(ColumnLayout)
    case queueLog(QueueLogLayout)
    /// A CDR: `Master.csv` or an export with a header.
    case cdr(CDRColumns)

    /// The kind of row the file's rejected lines count as.
    public var logKind: LogKind {
        if case .canonical(let layout) = self { return layout.kind }
        return .calls
    }

    /// `calls`, `contacts`, `queue-log` or `cdr`: what a file was read as, for people and manifests.
    public var kindName: String {
        switch self {
        case .canonical(let layout): layout.kind.rawValue
        case .queueLog: InputFormatName.queueLog.rawValue
        case .cdr: InputFormatName.cdr.rawValue
        }
    }

    /// Whether the file is a switch log whose rows are derived (not canonical).
    public var isSwitchLog: Bool {
        if case .canonical = self { return false }
        return true
    }

    /// Reads a file's format from its first line (without its line ending, BOM
    /// removed). Returns the format and whether that line is a header.
    static func detect(firstLine: UnsafeRawBufferPointer, path: String,
                       forced: InputFormatName?) throws -> (format: InputFormat, isHeader: Bool) {
        switch forced {
        case .calls?, .contacts?:
            let kind: LogKind = forced == .calls ? .calls : .contacts
            return (.canonical(try ColumnLayout(headerLine: firstLine, path: path, forcedKind: kind)), true)
        case .queueLog?:
            return (.queueLog(.raw), false)
        case .queueLogTable?:
            let names = try ColumnLayout.headerNames(firstLine, path: path)
            guard let columns = QueueLogTableColumns(header: names) else {
                throw InputError.notAQueueLogTable(path: path)
            }
            return (.queueLog(.table(columns)), true)
        case .cdr?:
            guard let columns = CDRColumns(masterRow: try ColumnLayout.headerNames(firstLine, path: path)) else {
                throw InputError.notAMasterCSV(path: path)
            }
            return (.cdr(columns), false)
        case .cdrTable?:
            guard let columns = try CDRColumns(header: ColumnLayout.headerNames(firstLine, path: path), path: path) else {
                throw InputError.notACDRTable(path: path)
            }
            return (.cdr(columns), true)
        case nil:
            break
        }
        if QueueLogLayout.isRawLine(firstLine) { return (.queueLog(.raw), false) }
        guard !firstLine.isEmpty else { throw InputError.emptyHeader(path: path) }
        let names = try ColumnLayout.headerNames(firstLine, path: path)
        if let columns = CDRColumns(masterRow: names) { return (.cdr(columns), false) }
        if CDRColumns.isCustomMasterRow(names) { throw InputError.customCDROrder(path: path) }
        guard UTF8Validation.isValid(firstLine) else { throw InputError.headerNotUTF8(path: path) }
        if LogKind.detect(from: names) != nil {
            return (.canonical(try ColumnLayout(headerLine: firstLine, path: path, forcedKind: nil)), true)
        }
        if let columns = QueueLogTableColumns(header: names) { return (.queueLog(.table(columns)), true) }
        if let columns = try CDRColumns(header: names, path: path) { return (.cdr(columns), true) }
        throw InputError.unknownLogKind(path: path, header: String(decoding: firstLine, as: UTF8.self))
    }
}
