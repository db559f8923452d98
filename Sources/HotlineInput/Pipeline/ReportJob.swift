import Dispatch
import HotlineCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A log file to read, with its format when the user named it (`--calls`,
/// `--contacts`, `--input-format`); otherwise the format is read from its first line.
public struct InputFileSpec: Sendable, Equatable {
    public var path: String
    public var format: InputFormatName?

    public init(path: String, format: InputFormatName? = nil) {
        self.path = path
        self.format = format
    }
}

/// How a report is computed, beyond the metric parameters.
public struct ReportJobOptions: Sendable {
    public var parameters: ReportParameters
    public var zone: ZoneOffsets
    /// Parsing workers; one more thread reads and decompresses.
    public var threads: Int
    /// Decoded bytes per chunk handed to a worker.
    public var chunkBytes: Int
    /// Where to write every rejected line, if anywhere.
    public var rejectsPath: String?
    /// Leave the rejects file finished but not in place: the caller gets it
    /// as `ReportResult.unpublishedRejects` and publishes it once a later
    /// step (a nightly job's database commit) has succeeded.
    public var defersRejectsPublishing: Bool
    /// Checksum each input's bytes as they are read (`FileSummary.checksum`).
    public var checksumsInputs: Bool
    /// How many rejected lines to keep for the summary.
    public var rejectNoticeLimit: Int
    /// A longer line is rejected without being held in memory (a longer
    /// header is fatal). At most 64 MiB, the longest id the tables can hold.
    public var maxLineBytes: Int
    /// The zone of the naive local times some switch logs write (`--switch-tz`).
    public var switchZone: ZoneOffsets
    /// Where `hotline convert` writes the attempts derived from switch logs, if anywhere.
    public var convertedCalls: (path: String, compression: OutputCompression)?
    /// The dialplan contexts where a CDR's inbound calls start (`--inbound-context`);
    /// empty: a call is inbound unless the CDR says otherwise.
    public var inboundContexts: [String]
    /// The service catalogue to check the data against (`--sla`), if any.
    public var sla: SLACatalogue?
    /// The one local day to report (days since 1970-01-01 in `zone`); `nil`: every day.
    public var onlyDay: Int64?
    /// Add the `by_hour` scope and the distributions behind the HTML charts.
    public var detailed: Bool
    /// The largest zstd window a frame may ask for, as a power of two
    /// (``ZstdWindow``, `--max-window`): the memory a decoder may allocate.
    public var maxWindowLog: Int

    /// The processors online: the most workers that can run at once (more
    /// wait their turn in the Dispatch pool).
    public static var onlineCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// One worker per core but the reader's: the reader thread decompresses
    /// all the time, and a worker more than the free cores only duplicates
    /// the customer and case tables. On two hardware threads, one worker
    /// against two measured 0.97 of the wall time, 0.88 of the CPU time and
    /// 341 instead of 411 MiB on 1 GB (Benchmarks/README.md).
    public static var defaultWorkers: Int { max(1, onlineCores - 1) }

    public init(parameters: ReportParameters = ReportParameters(), zone: ZoneOffsets = .utc, threads: Int = 1,
                chunkBytes: Int = 4 << 20, rejectsPath: String? = nil, defersRejectsPublishing: Bool = false,
                checksumsInputs: Bool = false, rejectNoticeLimit: Int = 10,
                maxLineBytes: Int = 64 << 20, switchZone: ZoneOffsets? = nil,
                convertedCalls: (path: String, compression: OutputCompression)? = nil, inboundContexts: [String] = [],
                sla: SLACatalogue? = nil, onlyDay: Int64? = nil, detailed: Bool = false,
                maxWindowLog: Int = ZstdWindow.defaultLog) {
        self.parameters = parameters
        self.zone = zone
        self.threads = max(1, threads)
        self.chunkBytes = max(1, chunkBytes)
        self.rejectsPath = rejectsPath
        self.defersRejectsPublishing = defersRejectsPublishing
        self.checksumsInputs = checksumsInputs
        self.rejectNoticeLimit = rejectNoticeLimit
        self.maxLineBytes = min(max(1, maxLineBytes), 1 << 26)
        self.switchZone = switchZone ?? zone
        self.convertedCalls = convertedCalls
        self.inboundContexts = inboundContexts
        self.sla = sla
        self.onlyDay = onlyDay
        self.detailed = detailed
        self.maxWindowLog = maxWindowLog
    }
}

/// One input file as read: what a nightly job's manifest records of it.
public struct FileSummary: Sendable, Equatable {
    public var path: String
    /// ``InputFormat/kindName``.
    public var format: String
    public var bytesRead: Int64
    public var bytesDecoded: Int64
    /// With `checksumsInputs`: the XXH64 of the bytes read, in hex.
    public var checksum: String?
    /// Data rows parsed (of every day), and lines rejected or noted as incomplete.
    public var counts: RowCounts
}

/// A finished report and the rejected lines to tell the user about.
public struct ReportResult: Sendable {
    public var report: Report
    /// The first rejected lines, in input order (at most `rejectNoticeLimit`).
    public var rejectNotices: [RejectNotice]
    /// Where the time went, for `--stats`.
    public var stages: StageTimes
    /// Each input file as it was read, in the order given.
    public var files: [FileSummary]
    /// With `defersRejectsPublishing`: the finished rejects file, to publish
    /// or discard.
    public var unpublishedRejects: StagedOutput?

    public var rejectedRows: Int64 { report.input.calls.rejected + report.input.contacts.rejected }
}

/// Reads the logs and computes the report: one reader decodes the files into
/// large buffers cut at line ends; a Dispatch pool of workers parses chunks
/// into per-worker accumulators with no lock per row; the accumulators merge
/// at the end. At most `2 × min(threads, cores) + 2` chunks are in flight, so memory
/// follows the chunk size and what the metrics must remember (see
/// `MetricsAccumulator`), never the number of rows.
public enum ReportJob {
    public static func run(files: [InputFileSpec], options: ReportJobOptions,
                           progress: PipelineProgress = PipelineProgress()) throws -> ReportResult {
        guard files.count <= InputPosition.maximumFileIndex + 1 else {
            throw InputError.tooManyFiles(count: files.count, limit: InputPosition.maximumFileIndex + 1)
        }
        for file in files { try FileSystem.checkReadable(file.path) }

        let pool = BufferPool(buffers: 2 * min(options.threads, ReportJobOptions.onlineCores) + 2,
                              capacity: options.chunkBytes)
        let queue = WorkQueue<Chunk>()
        let converted = try options.convertedCalls.map { try ConvertedCallsFile(path: $0.path, compression: $0.compression) }
        let collector = OrderedCollector(
            rejects: try RejectLog(outputPath: options.rejectsPath, noticeLimit: options.rejectNoticeLimit),
            pool: pool, progress: progress, paths: files.map(\.path), converted: converted)
        let workers = WorkerSlots(count: options.threads, keepRejectedText: options.rejectsPath != nil,
                                  switchZone: options.switchZone) {
            MetricsAccumulator(thresholds: options.parameters.thresholds, zone: options.zone, onlyDay: options.onlyDay,
                               detailed: options.detailed)
        }
        let assembly = SwitchAssembly(keepText: options.rejectsPath != nil,
                                      remembersCallIDs: InputFormat.mayReadQueueLogAndCDR(files))
        let converting = converted != nil
        let busy = WorkerBusyTime()

        let finished = DispatchGroup()
        DispatchQueue.global().async(group: finished) {
            DispatchQueue.concurrentPerform(iterations: options.threads) { worker in
                let parser = workers.parsers[worker], accumulator = workers.accumulators[worker]
                var busyNanoseconds: UInt64 = 0
                defer { busy.add(busyNanoseconds) }
                while let chunk = queue.pop() {
                    let started = MonotonicInstant.now
                    let outcome = parser.parse(
                        chunk.buffer.bytes(chunk.range), startOffset: chunk.startOffset,
                        afterSkippedLongLines: chunk.skippedLongLines, limit: options.maxLineBytes, file: chunk.file,
                        into: accumulator)
                    var delivery = OrderedCollector.Delivery(sequence: chunk.sequence, file: chunk.file, outcome: outcome)
                    if let turn = assembly.turn(for: chunk, outcome: outcome, assembler: parser.assembler) {
                        let assembler = parser.assembler
                        // Read in place: an attempt is a few hundred bytes, not worth a copy per call.
                        assembler.calls.withUnsafeBufferPointer { calls in
                            for (index, finding) in assembler.findings.enumerated() where turn.aggregate[index] {
                                if case .attempt(let local) = finding {
                                    count(calls[local.index], into: accumulator, converted: &delivery.convertedRows,
                                          converting: converting)
                                }
                            }
                        }
                        for call in turn.settled {
                            count(call, into: accumulator, converted: &delivery.convertedRows, converting: converting)
                        }
                        delivery.notes = turn.notes
                    }
                    busyNanoseconds += started.elapsedNanoseconds
                    pool.giveBack(chunk.buffer)
                    collector.deliver(delivery)
                }
            }
        }

        var reader = ChunkReader(pool: pool, queue: queue, options: options, progress: progress)
        var input = InputSummary(files: files.count)
        var formats: [InputFormat] = []
        var summaries: [FileSummary] = []
        do {
            for (index, file) in files.enumerated() {
                let sizes = try reader.read(file, index: index)
                input.bytesRead += sizes.read
                input.bytesDecoded += sizes.decoded
                if let format = sizes.format { formats.append(format) }
                summaries.append(FileSummary(path: file.path, format: sizes.format?.kindName ?? file.format?.rawValue ?? "empty",
                                             bytesRead: sizes.read, bytesDecoded: sizes.decoded, checksum: sizes.checksum,
                                             counts: RowCounts()))
            }
        } catch {
            queue.close(workers: options.threads)
            finished.wait()
            collector.finish().log.discard()
            converted?.discard()
            throw error
        }
        queue.close(workers: options.threads)
        finished.wait()
        pool.releaseBuffers()

        let (leftOpen, cdrAttempts, switchCounts) = assembly.finish(
            inboundContexts: options.inboundContexts.map { Array($0.utf8) })
        var settledAtEnd: [UInt8] = []
        let lastAccumulator = workers.accumulators[0]
        for call in leftOpen.settled {
            count(call, into: lastAccumulator, converted: &settledAtEnd, converting: converting)
        }
        for call in cdrAttempts {
            count(call, into: lastAccumulator, converted: &settledAtEnd, converting: converting)
        }
        collector.recordFinalNotes(leftOpen.notes, convertedRows: settledAtEnd)
        let collected = collector.finish()
        var rejects: StagedOutput?
        do {
            rejects = try collected.log.finish()
            try converted?.close()
            if !options.defersRejectsPublishing {
                try rejects?.publish()
                rejects = nil
            }
        } catch {
            rejects?.discard()
            converted?.discard()
            throw error
        }
        input.calls.rejected = collected.rejected[.calls, default: 0]
        input.contacts.rejected = collected.rejected[.contacts, default: 0]
        if formats.contains(where: \.isSwitchLog) {
            input.switchLogs = switchCounts.summary
        }
        input.notRecorded = InputSummary.outcomesNotRecorded(formats: formats, switchCounts: switchCounts)

        var stages = StageTimes()
        stages.decode = reader.decodeTime
        stages.parseAndAggregate = busy.total
        let merging = MonotonicInstant.now
        var accumulators = workers.takeAccumulators()
        let total = accumulators.removeFirst()
        while let other = accumulators.popLast() { total.merge(other) }
        stages.merge = merging.elapsed
        let reporting = MonotonicInstant.now
        let report = total.report(parameters: options.parameters, input: input, sla: options.sla)
        stages.report = reporting.elapsed
        for index in summaries.indices { summaries[index].counts = collected.countsByFile[index] }
        return ReportResult(report: report, rejectNotices: collected.notices, stages: stages, files: summaries,
                            unpublishedRejects: rejects)
    }
}

/// Counts one derived attempt, and writes it as a canonical row when converting.
private func count<Attempt: DerivedAttempt>(_ call: Attempt, into accumulator: MetricsAccumulator,
                                     converted rows: inout [UInt8], converting: Bool) {
    call.withRecord { accumulator.add($0) }
    if converting { CanonicalCallRows.append(call, to: &rows) }
}

/// A run of whole lines in a buffer, on its way to a worker.
struct Chunk: Sendable {
    let buffer: ChunkBuffer
    let range: Range<Int>
    /// Decoded byte offset of `range.lowerBound` in its file.
    let startOffset: Int64
    /// Lines longer than the limit that came just before `range` and were not kept.
    let skippedLongLines: Int
    let file: InputFileContext
    let sequence: Int
}

/// Each worker's accumulator and parser.
///
/// `@unchecked Sendable` because worker `i` is the only one to touch slot `i`
/// until the pool has finished; only then does the calling thread read them.
final class WorkerSlots: @unchecked Sendable {
    private(set) var accumulators: [MetricsAccumulator]
    let parsers: [ChunkParser]

    init(count: Int, keepRejectedText: Bool, switchZone: ZoneOffsets, makeAccumulator: () -> MetricsAccumulator) {
        accumulators = (0..<count).map { _ in makeAccumulator() }
        parsers = (0..<count).map { _ in ChunkParser(keepRejectedText: keepRejectedText, switchZone: switchZone) }
    }

    /// Hands the accumulators over once the workers are done, so that each
    /// is freed as soon as it has been merged.
    func takeAccumulators() -> [MetricsAccumulator] {
        defer { accumulators = [] }
        return accumulators
    }
}
