#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HotlineCore

/// What one queue_log line is.
enum QueueLogLine {
    /// An event of a call: one that concerns its attempt, or one that changes
    /// nothing (kind `ignored` or `unknown`) but still counts as one of its
    /// lines, which a repeat duplicates.
    case event(QueueEvent<UnsafeRawBufferPointer>)
    /// An event of no call (`NONE`, `MANAGER`): nothing to repeat, so never
    /// a duplicate. Its time still moves log time on (``OpenCallHorizon``).
    case ignored(time: Int64)
    /// An event name hotline does not know, of no call.
    case unknown(time: Int64)
    case rejected(RejectReason)
}

/// Reads queue_log lines, raw or from a table, into events whose data fields
/// are already interpreted by event name.
///
/// Owns the reusable field spans of one worker, so a line costs no allocation.
final class QueueLogLineParser {
    /// The layout, with the row splitter a table needs.
    private enum Reading {
        case raw
        case table(QueueLogTableColumns, CSVRowFields)
    }

    private let reading: Reading
    private let switchZone: ZoneOffsets
    private let fileIndex: Int
    /// Whether events carry their line, which only `--rejects` prints: a call
    /// in progress keeps a copy of each of its lines' text.
    private let keepText: Bool
    /// Start and end of each `|`-separated field of a raw line or a joined `data` column.
    /// Written for every line: no dynamic exclusivity checks, safe as the
    /// parser belongs to one worker and is never re-entered.
    @exclusivity(unchecked) private var pipeFields: [(start: Int, end: Int)] = []
    /// A table row's `data1`…`data5` joined back into one line's data.
    private let numberedData = JoinedDataColumns()

    init(layout: QueueLogLayout, switchZone: ZoneOffsets, fileIndex: Int, keepText: Bool) {
        self.switchZone = switchZone
        self.fileIndex = fileIndex
        self.keepText = keepText
        switch layout {
        case .raw: reading = .raw
        case .table(let columns): reading = .table(columns, CSVRowFields(fieldCount: columns.fieldCount))
        }
        pipeFields.reserveCapacity(16)
    }

    /// Parses one non-empty line (without its line ending) at `line` within its chunk.
    func parse(_ text: UnsafeRawBufferPointer, line: Int64) -> QueueLogLine {
        guard UTF8Validation.isValid(text) else { return .rejected(.invalidUTF8) }
        switch reading {
        case .raw: return parseRaw(text, line: line)
        case .table(let columns, let rows): return parseTableRow(text, columns: columns, rows: rows, line: line)
        }
    }

    private func parseRaw(_ text: UnsafeRawBufferPointer, line: Int64) -> QueueLogLine {
        splitPipes(text, from: 0, to: text.count)
        guard pipeFields.count >= 5 else { return .rejected(.tooFewFields(found: pipeFields.count)) }
        func field(_ index: Int) -> UnsafeRawBufferPointer { slice(text, pipeFields[index]) }
        guard case .success(let time) = FieldParsing.nonNegativeInteger(field(0)) else {
            return .rejected(.switchField(name: "time", detail: "not a Unix time"))
        }
        guard ValueRanges.instantSeconds.contains(time) else { return .rejected(.switchTimeOutOfRange("time")) }
        return event(time: time, callID: field(1), queue: field(2), agent: field(3), name: field(4), text: text,
                     line: line, data: DataFields(text: text, spans: pipeFields, first: 5))
    }

    private func parseTableRow(_ text: UnsafeRawBufferPointer, columns: QueueLogTableColumns, rows: CSVRowFields,
                               line: Int64) -> QueueLogLine {
        let fields: FieldReader
        switch rows.fields(of: text) {
        case .success(let row): fields = row
        case .failure(let reason): return .rejected(reason)
        }
        guard let time = switchZone.instant(ofSwitchTime: fields.bytes(columns.time)) else {
            return .rejected(.switchField(name: "time", detail: "neither a Unix time nor YYYY-MM-DD HH:MM:SS"))
        }
        guard ValueRanges.instantSeconds.contains(time) else { return .rejected(.switchTimeOutOfRange("time")) }
        let name = fields.bytes(columns.event)
        let kind = QueueEventKind(name: name)
        let callID = fields.bytes(columns.callID)
        if let other = Self.notOfACall(callID, kind: kind, time: time) { return other }
        var waitSeconds: Int64?, talkSeconds: Int64?
        var caller = UnsafeRawBufferPointer(start: nil, count: 0)
        switch columns.data {
        case .pbxware(let params, let waitColumn, let talkColumn):
            if kind == .enterQueue, let first = params.first { caller = fields.bytes(first) }
            if kind.writesWait { waitSeconds = Self.seconds(fields.bytes(waitColumn)) }
            if kind.writesTalk { talkSeconds = Self.seconds(fields.bytes(talkColumn)) }
        case .joined(let column):
            let joined = fields.bytes(column)
            splitPipes(joined, from: 0, to: joined.count)
            (caller, waitSeconds, talkSeconds) = DataFields(text: joined, spans: pipeFields, first: 0).read(for: kind)
        case .numbered(let dataColumns):
            let joined = numberedData.join(count: dataColumns.count) { fields.bytes(dataColumns[$0]) }
            splitPipes(joined, from: 0, to: joined.count)
            (_, waitSeconds, talkSeconds) = DataFields(text: joined, spans: pipeFields, first: 0).read(for: kind)
            // The caller must outlive the joined copy, which the next row reuses:
            // it is data field 2, which only `data5` could have held more than one of.
            if kind == .enterQueue, dataColumns.count >= 2 { caller = fields.bytes(dataColumns[1]) }
        }
        return .event(QueueEvent(kind: kind, time: time, callID: callID, queue: fields.bytes(columns.queue),
                                 agent: fields.bytes(columns.agent), caller: caller, waitSeconds: waitSeconds,
                                 talkSeconds: talkSeconds, fingerprint: ByteHash.hash(text), line: line,
                                 fileIndex: fileIndex, text: keptText(text)))
    }

    private func event(time: Int64, callID: UnsafeRawBufferPointer, queue: UnsafeRawBufferPointer,
                       agent: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer,
                       line: Int64, data: DataFields) -> QueueLogLine {
        let kind = QueueEventKind(name: name)
        if let other = Self.notOfACall(callID, kind: kind, time: time) { return other }
        let (caller, waitSeconds, talkSeconds) = data.read(for: kind)
        return .event(QueueEvent(kind: kind, time: time, callID: callID, queue: queue, agent: agent, caller: caller,
                                 waitSeconds: waitSeconds, talkSeconds: talkSeconds,
                                 fingerprint: ByteHash.hash(text), line: line, fileIndex: fileIndex,
                                 text: keptText(text)))
    }

    private func keptText(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        keepText ? text : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    private func splitPipes(_ text: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        pipeFields.removeAll(keepingCapacity: true)
        guard let base = text.baseAddress else { return pipeFields.append((start, end)) }
        var fieldStart = start
        while let bar = memchr(base + fieldStart, Int32(UInt8(ascii: "|")), end - fieldStart) {
            let index = UnsafeRawPointer(bar) - base
            pipeFields.append((fieldStart, index))
            fieldStart = index + 1
        }
        pipeFields.append((fieldStart, end))
    }

    private func slice(_ text: UnsafeRawBufferPointer, _ span: (start: Int, end: Int)) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: text[span.start..<span.end])
    }

    /// What a line of no call is, or nil for a line of a call. An event that
    /// concerns an attempt with an empty call id is rejected: its attempt
    /// would be a call-log row without the `call_id` SPEC §2.1 requires.
    private static func notOfACall(_ callID: UnsafeRawBufferPointer, kind: QueueEventKind,
                                   time: Int64) -> QueueLogLine? {
        if callID.isEmpty && kind.concernsAttempt { return .rejected(.field(column: "callid", problem: .empty)) }
        guard isCall(callID) else { return kind == .unknown ? .unknown(time: time) : .ignored(time: time) }
        return nil
    }

    /// Call ids that stand for no call: system and agent events.
    static func isCall(_ callID: UnsafeRawBufferPointer) -> Bool {
        !(callID.isEmpty || CallerID.equalsIgnoringCase(callID, "none")
          || CallerID.equalsIgnoringCase(callID, "manager") || CallerID.equalsIgnoringCase(callID, "realtime"))
    }

    /// A count of seconds written by the switch, or nil when the field is empty or not a number.
    static func seconds(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        if case .success(let value) = FieldParsing.nonNegativeInteger(bytes) { return value }
        return nil
    }
}

/// Asterisk's realtime logger splits an event's data into `data1`…`data5`
/// with five slots, so the fifth holds the rest of the line, `|` included
/// (an `ATTENDEDTRANSFER … LINK` has six fields): joining the columns with
/// `|` gives back the data as a raw queue_log line has it, to be split again.
private final class JoinedDataColumns {
    private var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 1)

    deinit { storage.deallocate() }

    /// Columns `0..<count` joined by `|`, trailing empty columns dropped (a
    /// shorter event leaves them empty); valid until the next call.
    func join(count: Int, column: (Int) -> UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var used = count
        while used > 0 && column(used - 1).isEmpty { used -= 1 }
        let length = (0..<used).reduce(max(used - 1, 0)) { $0 + column($1).count }
        if length > storage.count {
            storage.deallocate()
            storage = .allocate(byteCount: length, alignment: 1)
        }
        var end = 0
        for index in 0..<used {
            if index > 0 {
                storage[end] = UInt8(ascii: "|")
                end += 1
            }
            let bytes = column(index)
            UnsafeMutableRawBufferPointer(rebasing: storage[end..<end + bytes.count]).copyMemory(from: bytes)
            end += bytes.count
        }
        return UnsafeRawBufferPointer(rebasing: storage[0..<end])
    }
}

/// The data fields after the event name, read by what each event writes
/// there in every Asterisk version (docs/asterisk.md).
private struct DataFields {
    let text: UnsafeRawBufferPointer
    let spans: [(start: Int, end: Int)]
    let first: Int

    func read(for kind: QueueEventKind) -> (caller: UnsafeRawBufferPointer, wait: Int64?, talk: Int64?) {
        Self.read(count: spans.count - first, for: kind) { position in
            let span = spans[first + position - 1]
            return UnsafeRawBufferPointer(rebasing: text[span.start..<span.end])
        }
    }

    /// Reads data fields `1...count`, where `field(n)` is data field `n`.
    static func read(count: Int, for kind: QueueEventKind, field: (Int) -> UnsafeRawBufferPointer)
        -> (caller: UnsafeRawBufferPointer, wait: Int64?, talk: Int64?) {
        func number(_ position: Int) -> Int64? {
            position >= 1 && position <= count ? QueueLogLineParser.seconds(field(position)) : nil
        }
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        switch kind {
        case .enterQueue: return (count >= 2 ? field(2) : none, nil, nil)
        case .connect: return (none, number(1), nil)
        case .complete: return (none, number(1), number(2))
        case .transfer: return (none, number(3), number(4))
        case .attendedTransfer: return (none, number(count - 2), number(count - 1))
        case .abandon, .leftByTimeout: return (none, number(3), nil)
        case .exitWithKey: return (none, number(4), nil)
        case .refusedAtEntry, .closedAtEntry, .droppedWithoutConversation, .ignored, .unknown: return (none, nil, nil)
        }
    }
}

extension QueueEventKind {
    /// Events whose PBXware `htime` is the seconds waited.
    var writesWait: Bool {
        switch self {
        case .connect, .complete, .transfer, .attendedTransfer, .abandon, .exitWithKey, .leftByTimeout: true
        default: false
        }
    }

    /// Events whose PBXware `ttime` is the seconds talked.
    var writesTalk: Bool { self == .complete || self == .transfer || self == .attendedTransfer }
}
