#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HotlineCore

/// One input file as the workers see it: where it stands in the command line
/// and how its fields are laid out.
public struct InputFileContext: Sendable {
    public let index: Int
    public let path: String
    public let format: InputFormat
    /// Line number of the first data line: 2 after a header, 1 without one.
    public let firstDataLine: Int64

    /// For code that drives ``ChunkParser`` without a `ReportJob` — the
    /// benchmarks of the nested `Benchmarks` package time the parser on an
    /// in-memory chunk, the fuzz targets of `Fuzzing` feed it one. Not part
    /// of the supported API.
    @_spi(Benchmarks)
    public init(index: Int, path: String, format: InputFormat, firstDataLine: Int64) {
        self.index = index
        self.path = path
        self.format = format
        self.firstDataLine = firstDataLine
    }
}

/// A rejected line, numbered within its chunk until the collector knows the
/// chunk's first line number.
public struct RejectedLine: Sendable {
    public var lineInChunk: Int
    public var reason: RejectReason
    /// The raw line, kept only when `--rejects` asked for it.
    public var text: [UInt8]?
}

/// What parsing one chunk produced besides the accumulated metrics.
public struct ChunkOutcome: Sendable {
    /// Physical lines in the chunk (empty ones included), to number the next chunk's lines.
    public var lines = 0
    public var rows: Int64 = 0
    public var rejected: [RejectedLine] = []
    /// Lines and events of a queue_log chunk, rows of a CDR chunk.
    public var switchCounts = SwitchLogCounts()
    /// The legs of a CDR chunk, for the call book at the chunk's turn.
    var cdrLegs: [CDRLeg] = []
}

/// Parses line-aligned chunks of one worker into that worker's accumulator.
///
/// Owns the scratch state (field spans, unescape buffer) reused for every
/// line, so parsing allocates nothing per row.
///
/// A parser belongs to one worker thread, so its stored properties opt out of
/// Swift's dynamic exclusivity checks, which the per-row path cannot afford.
public final class ChunkParser {
    @exclusivity(unchecked) private var tokenizer = CSVLineTokenizer(capacity: 16)
    private let unescape = UnescapeBuffer()
    private let batcher = RowBatcher()
    private let keepRejectedText: Bool
    private let switchZone: ZoneOffsets
    /// The calls of the worker's current queue_log chunk, until the stitcher has seen them.
    let assembler = QueueLogChunkAssembler()

    public init(keepRejectedText: Bool, switchZone: ZoneOffsets = .utc) {
        self.keepRejectedText = keepRejectedText
        self.switchZone = switchZone
    }

    /// Parses every line of `chunk`, which starts at decoded byte `startOffset` of its file
    /// and follows `skipped` lines that the reader found to be `limit` bytes or longer.
    /// Every line of `limit` bytes or more (before its `\n`) is rejected. Canonical
    /// rows go into `accumulator`; queue_log events into ``assembler``; CDR
    /// legs into the outcome, since a CDR call is settled only at the end.
    public func parse(_ chunk: UnsafeRawBufferPointer, startOffset: Int64, afterSkippedLongLines skipped: Int,
                      limit: Int, file: InputFileContext, into accumulator: MetricsAccumulator) -> ChunkOutcome {
        switch file.format {
        case .canonical(let layout):
            if tokenizer.capacity <= layout.fieldCount { tokenizer = CSVLineTokenizer(capacity: layout.fieldCount + 1) }
            // Locals for the whole chunk: reading them from `self` per line would
            // retain and release each one per row.
            let tokenizer = self.tokenizer, unescape = self.unescape, batcher = self.batcher
            let rows = RowParser(layout: layout, fileIndex: file.index, reportable: accumulator.reportableInstants)
            var dates = TimestampDateMemo()
            let outcome = forEachLine(of: chunk, skipped: skipped, limit: limit) { line, offset, _, _ in
                rows.parse(line, at: startOffset + offset, tokenizer: tokenizer, unescape: unescape, dates: &dates,
                           into: batcher, of: accumulator)
            }
            batcher.flush(into: accumulator)
            return outcome
        case .queueLog(let layout):
            let events = QueueLogLineParser(layout: layout, switchZone: switchZone, fileIndex: file.index,
                                            keepText: keepRejectedText)
            let assembler = self.assembler, reportable = accumulator.reportableInstants
            assembler.startChunk()
            var counts = SwitchLogCounts()
            var outcome = forEachLine(of: chunk, skipped: skipped, limit: limit) { line, _, lineIndex, isRow in
                counts.summary.queueLogLines += 1
                switch events.parse(line, line: Int64(lineIndex)) {
                case .event(let event):
                    isRow = false
                    guard reportable.contains(event.time) else { return .unreportableSwitchTime(name: "time") }
                    if event.kind == .refusedAtEntry { counts.sawRefusal = true }
                    if event.kind == .closedAtEntry { counts.sawClosed = true }
                    assembler.add(event)
                case .ignored(let time):
                    isRow = false
                    counts.summary.eventsIgnored += 1
                    assembler.advanceClock(to: time, line: lineIndex)
                case .unknown(let time):
                    isRow = false
                    counts.summary.eventsUnknown += 1
                    assembler.advanceClock(to: time, line: lineIndex)
                case .rejected(let reason):
                    return reason
                }
                return nil
            }
            assembler.finishChunk(lineCount: outcome.lines)
            counts.summary.eventsIgnored += assembler.ignoredEvents
            counts.summary.eventsUnknown += assembler.unknownEvents
            outcome.switchCounts = counts
            return outcome
        case .cdr(let columns):
            let rows = CDRLineParser(columns: columns, switchZone: switchZone, fileIndex: file.index)
            let reportable = accumulator.reportableInstants
            var legs: [CDRLeg] = []
            var counts = SwitchLogCounts()
            var outcome = forEachLine(of: chunk, skipped: skipped, limit: limit) { line, _, lineIndex, isRow in
                isRow = false
                counts.summary.cdrRows += 1
                switch rows.parse(line, line: Int64(lineIndex)) {
                case .success(let leg):
                    guard reportable.contains(leg.order.start) else { return .unreportableSwitchTime(name: "start") }
                    legs.append(leg)
                    return nil
                case .failure(let reason):
                    return reason
                }
            }
            outcome.switchCounts = counts
            outcome.cdrLegs = legs
            return outcome
        }
    }

    /// Runs `parseLine` on each non-empty line of the chunk (content without
    /// its line ending, byte offset in the chunk, line index in the chunk, and
    /// whether the line counts as a row); collects its rejections.
    @inline(__always)
    private func forEachLine(of chunk: UnsafeRawBufferPointer, skipped: Int, limit: Int,
                             _ parseLine: (UnsafeRawBufferPointer, Int64, Int, inout Bool) -> RejectReason?)
        -> ChunkOutcome {
        var outcome = ChunkOutcome()
        for line in 0..<skipped {
            outcome.rejected.append(RejectedLine(lineInChunk: line, reason: .lineTooLong(limit: limit), text: nil))
        }
        outcome.lines = skipped
        guard let base = chunk.baseAddress else { return outcome }
        var lineStart = 0
        while lineStart < chunk.count {
            let newline = memchr(base + lineStart, 0x0A, chunk.count - lineStart)
            let lineEnd = newline.map { UnsafeRawPointer($0) - base } ?? chunk.count
            let contentEnd = LineEnding.contentEnd(base, start: lineStart, end: lineEnd, terminated: newline != nil)
            let lineIndex = outcome.lines
            outcome.lines += 1
            if lineEnd - lineStart >= limit {
                // The same rule the reader applies to lines longer than a buffer
                // may grow, so that the result does not depend on chunk sizes.
                outcome.rejected.append(RejectedLine(lineInChunk: lineIndex, reason: .lineTooLong(limit: limit), text: nil))
            } else if contentEnd > lineStart {
                let line = UnsafeRawBufferPointer(start: base + lineStart, count: contentEnd - lineStart)
                var isRow = true
                if let problem = parseLine(line, Int64(lineStart), lineIndex, &isRow) {
                    outcome.rejected.append(RejectedLine(lineInChunk: lineIndex, reason: problem,
                                                         text: keepRejectedText ? Array(line) : nil))
                } else if isRow {
                    outcome.rows += 1
                }
            }
            lineStart = lineEnd + 1
        }
        return outcome
    }
}

/// Parses one line of a file with a given layout into the accumulator.
/// Plain values only (no references), so it costs nothing to pass around.
private struct RowParser {
    let fieldCount: Int
    let fileIndex: Int
    /// The accumulator's ``MetricsAccumulator/reportableInstants``.
    let reportable: Range<Int64>
    let calls: CallRowParser?
    let contacts: ContactRowParser?

    init(layout: ColumnLayout, fileIndex: Int, reportable: Range<Int64>) {
        fieldCount = layout.fieldCount
        self.fileIndex = fileIndex
        self.reportable = reportable
        calls = layout.kind == .calls ? CallRowParser(layout: layout) : nil
        contacts = layout.kind == .contacts ? ContactRowParser(layout: layout) : nil
    }

    /// Adds one non-empty line to the batch on its way to `accumulator`, or
    /// returns why it is rejected. A row with unescaped fields is counted at
    /// once: its bytes live only until the next row.
    @inline(__always)
    func parse(_ line: UnsafeRawBufferPointer, at offset: Int64, tokenizer: CSVLineTokenizer, unescape: UnescapeBuffer,
               dates: inout TimestampDateMemo, into batcher: RowBatcher, of accumulator: MetricsAccumulator) -> RejectReason? {
        let found: Int
        switch tokenizer.tokenize(line) {
        case .success(let count): found = count
        case .failure(let problem): return .quoting(problem.description)
        }
        guard found == fieldCount else { return .fieldCount(found: found, expected: fieldCount) }
        guard UTF8Validation.isValid(line) else { return .invalidUTF8 }
        unescape.startRow(lineLength: line.count)
        let fields = FieldReader(line: line, spans: tokenizer.storage, scratch: unescape.space)
        if let calls {
            switch calls.parse(fields, dates: &dates) {
            case .success(let record):
                guard reportable.contains(record.arrivedAt) else { return .field(CallColumn.arrivedAt, .timestampOutOfRange) }
                batcher.add(record, into: accumulator)
            case .failure(let reason): return reason
            }
        } else if let contacts {
            switch contacts.parse(fields, position: InputPosition(fileIndex: fileIndex, byteOffset: offset), dates: &dates) {
            case .success(let record):
                guard reportable.contains(record.startedAt) else { return .field(ContactColumn.startedAt, .timestampOutOfRange) }
                batcher.add(record, into: accumulator)
            case .failure(let reason): return reason
            }
        }
        if unescape.space.holdsUnescapedBytes { batcher.flush(into: accumulator) }
        return nil
    }
}
