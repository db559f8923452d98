import HotlineCore

/// A honest gap in a switch log, at its place in the input: an incomplete
/// call or a duplicate line, for the counts and for `--rejects`.
struct SwitchNote: Sendable {
    let fileIndex: Int
    let line: Int64
    let reason: RejectReason
    let text: [UInt8]?
    /// An attempt that cannot be a call-log row: counted with the call logs'
    /// rejected lines, as the same row in a canonical file would be.
    var rejectsRow = false
}

/// What the queue_log and CDR adapters saw, summed chunk by chunk: the
/// counts of the report's `input.switch_logs`, and whether some line could
/// record busy or closed attempts (which decides `not_recorded` at the end).
public struct SwitchLogCounts: Equatable, Sendable {
    /// The switch-log counts of the report's input section.
    public var summary = SwitchLogSummary()
    /// Whether a `FULL`/`JOINEMPTY`/`JOINUNAVAIL` or a `CLOSED` line was seen.
    public var sawRefusal = false
    public var sawClosed = false

    public init() {}

    mutating func add(_ other: SwitchLogCounts) {
        summary.add(other.summary)
        sawRefusal = sawRefusal || other.sawRefusal
        sawClosed = sawClosed || other.sawClosed
    }
}

/// Finishes the queue_log calls that cross chunk and file boundaries. Each
/// chunk's findings come in input order (one chunk at a time, at its turn),
/// so a call's events are applied exactly as if the input were one piece;
/// the state kept is the calls still open, the timeouts that may overflow,
/// and one fingerprint per `ENTERQUEUE` line for the whole run. Calls that
/// log time passes the ``OpenCallHorizon`` of are given up line by line, so
/// that memory follows the calls in progress, not the calls ever opened.
final class CallStitcher {
    typealias Owned = PackedText
    typealias View = UnsafeRawBufferPointer

    /// A call in progress across chunks. It does not change while held: a new
    /// event takes it out and puts the result back under a new `generation`,
    /// which tells its deadline from those of the call it replaced.
    private struct PendingCall {
        let call: CallProgress<Owned>
        let generation: UInt64
    }

    /// Calls in progress across chunks, by uniqueid hash (collisions kept apart by bytes).
    private var pending: [UInt64: [PendingCall]] = [:]
    private var pendingCount = 0
    private var nextGeneration: UInt64 = 0
    /// When log time gives up each pending call; entries of calls since taken out are skipped.
    private var deadlines = DeadlineQueue<(callHash: UInt64, generation: UInt64)>()
    /// Calls a chunk's worker carried out of it, whose deadlines wait until the
    /// stitcher has scanned the chunk's line times: the worker already applied
    /// the lines after their last event, and lines before it do not count.
    private var unscheduled: [(callHash: UInt64, generation: UInt64, deadline: Int64)]?
    private var entryLines = FingerprintSet()
    /// The queue_log's uniqueids, kept only when a CDR in the run must be checked against them.
    private(set) var queueLogCalls: FingerprintSet?
    private let keepText: Bool
    private(set) var counts = SwitchLogCounts()

    init(keepText: Bool, remembersCallIDs: Bool) {
        self.keepText = keepText
        queueLogCalls = remembersCallIDs ? FingerprintSet() : nil
    }

    /// What the worker must count after a turn.
    struct TurnResult {
        /// `aggregate[i]`: finding `i` is a settled attempt the worker counts itself.
        var aggregate: [Bool] = []
        /// Attempts that the stitcher settled (calls from earlier chunks).
        var settled: [CallProgress<Owned>] = []
        var notes: [SwitchNote] = []
    }

    /// Applies one chunk's findings and deferred events. `firstLine` is the
    /// file line number of the chunk's line 0; `lineTimes` and `clock` are the
    /// assembler's (``QueueLogChunkAssembler/lineTimes``, ``QueueLogChunkAssembler/clock``).
    func stitch(findings: [LocalFinding], calls: [CallProgress<View>],
                deferred: [(callHash: UInt64, event: QueueEvent<View>)], lineTimes: [Int64], clock: [Int64],
                firstLine: Int64, into result: inout TurnResult) {
        result.aggregate = Array(repeating: false, count: findings.count)
        unscheduled = []
        for (index, finding) in findings.enumerated() {
            // A worker's first attempt of a uniqueid may continue a call held
            // from earlier chunks: unless log time gave that call up before
            // the attempt's first line. Every line of the chunk up to there
            // came after the held call's last event.
            switch finding {
            case .incomplete(let local) where local.isFirst, .attempt(let local) where local.isFirst:
                expireIfDue(local.callHash, calls[local.index].callID, at: clock[Int(calls[local.index].entryLine)],
                            into: &result)
            default:
                break
            }
            switch finding {
            case .duplicate(let event):
                note(duplicate: event.packed(lineOffset: firstLine), into: &result)
            case .orphan(let event):
                handle(.orphan(event.packed(lineOffset: firstLine)), into: &result)
            case .incomplete(let local):
                if local.isFirst, let merged = continueRepeat(of: calls[local.index], callHash: local.callHash,
                                                              firstLine: firstLine, into: &result) {
                    note(incomplete: merged, into: &result)
                    continue
                }
                guard isNew(calls[local.index].entryFingerprint) else {
                    reread(calls[local.index].packed(lineOffset: firstLine), into: &result)
                    continue
                }
                var owned = calls[local.index].packed(lineOffset: firstLine)
                if local.isFirst, var earlier = takePending(local.callHash, owned.callID) {
                    if earlier.phase == .timedOut {
                        earlier.absorbOverflow(owned)
                        owned = earlier
                    } else if !earlier.isReread {
                        note(incomplete: earlier, into: &result)
                    }
                }
                remember(local.callHash)
                note(incomplete: owned, into: &result)
            case .attempt(let local) where calls[local.index].isReread:
                // A re-read the worker recognised itself; it reported its lines.
                if local.isCarried {
                    setPending(local.callHash, calls[local.index].packed(lineOffset: firstLine))
                }
            case .attempt(let local):
                guard settle(local, calls: calls, firstLine: firstLine, into: &result) else { continue }
                if let problem = calls[local.index].rowProblem {
                    note(rejected: calls[local.index], lineOffset: firstLine, problem, into: &result)
                } else {
                    result.aggregate[index] = true
                }
            }
        }
        let carried = unscheduled ?? []
        unscheduled = nil
        // The other held calls meet the chunk's lines in order, between its deferred events.
        var scanned = 0
        for (callHash, event) in deferred {
            scan(lineTimes, from: &scanned, through: Int(event.line), into: &result)
            apply(event.packed(lineOffset: firstLine), callHash: callHash, into: &result)
        }
        scan(lineTimes, from: &scanned, through: lineTimes.count - 1, into: &result)
        for call in carried { deadlines.insert((call.callHash, call.generation), deadline: call.deadline) }
        if deadlines.count > 2 * pendingCount + 1_024 {
            deadlines.removeAll { entry in pending[entry.callHash]?.contains { $0.generation == entry.generation } ?? false }
        }
        // In line order, however the worker and the stitcher shared the chunk's calls.
        result.notes.sort { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
    }

    /// Applies an attempt the worker assembled; returns whether the worker
    /// counts it itself (it is settled, new, and continues nothing).
    private func settle(_ local: LocalCall, calls: [CallProgress<View>], firstLine: Int64,
                        into result: inout TurnResult) -> Bool {
        if local.isFirst, let merged = continueRepeat(of: calls[local.index], callHash: local.callHash,
                                                      firstLine: firstLine, into: &result) {
            if local.isCarried { setPending(local.callHash, merged) } else { count(merged, into: &result) }
            return false
        }
        guard isNew(calls[local.index].entryFingerprint) else {
            let owned = calls[local.index].packed(lineOffset: firstLine)
            reread(owned, into: &result)
            if local.isCarried { setPending(local.callHash, owned.reread()) }
            return false
        }
        remember(local.callHash)
        if local.isFirst, var earlier = takePending(local.callHash, calls[local.index].callID) {
            if earlier.phase == .timedOut {
                earlier.absorbOverflow(calls[local.index].packed(lineOffset: firstLine))
                if local.isCarried { setPending(local.callHash, earlier) } else { count(earlier, into: &result) }
                return false
            }
            if !earlier.isReread { note(incomplete: earlier, into: &result) }
        }
        guard local.isCarried else { return true }
        setPending(local.callHash, calls[local.index].packed(lineOffset: firstLine))
        return false
    }

    /// Settles what is left once the input is over: timeouts that did not
    /// overflow count as timeouts, calls still open are incomplete.
    func finish(into result: inout TurnResult) {
        // In input order, each call taken out as it is settled: a copy of
        // every held call at once would double the memory of a log whose
        // calls never close.
        let order = pending.flatMap { callHash, held in
            held.map { (fileIndex: $0.call.entryFileIndex, line: $0.call.entryLine, callHash, $0.generation) }
        }.sorted { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
        deadlines.removeAll()
        for (_, _, callHash, generation) in order {
            give(up: takePending(callHash, generation: generation)!, into: &result)
        }
    }

    /// Settles a call as the end of the input would: a timeout that did not
    /// overflow is final, a call still waiting or talking is incomplete.
    private func give(up call: CallProgress<Owned>, into result: inout TurnResult) {
        var slot = CallSlot(current: call)
        slot.finish { finding in handle(finding, into: &result) }
    }

    /// Gives up the held calls whose deadlines the times of lines
    /// `scanned...last` pass, line by line.
    private func scan(_ lineTimes: [Int64], from scanned: inout Int, through last: Int, into result: inout TurnResult) {
        while scanned <= last {
            while let due = deadlines.popDue(before: lineTimes[scanned]) {
                guard let call = takePending(due.item.callHash, generation: due.item.generation) else { continue }
                give(up: call, into: &result)
            }
            scanned += 1
        }
    }

    /// Gives up the held call of this uniqueid if log time reached `time` past its deadline.
    private func expireIfDue(_ callHash: UInt64, _ callID: View, at time: Int64, into result: inout TurnResult) {
        guard let held = pending[callHash]?.first(where: { $0.call.callID.elementsEqual(callID) }),
              OpenCallHorizon.deadline(after: held.call.lastEventTime) < time,
              let call = takePending(callHash, generation: held.generation)
        else { return }
        give(up: call, into: &result)
    }

    private func apply(_ event: QueueEvent<Owned>, callHash: UInt64, into result: inout TurnResult) {
        var slot = CallSlot(current: takePending(callHash, event.callID))
        slot.apply(event, isReread: { !entryLines.insert($0) }) { finding in handle(finding, into: &result) }
        if let call = slot.current, call.phase != .ended {
            if !call.isReread { remember(callHash) }
            setPending(callHash, call)
        }
    }

    private func handle(_ finding: CallFinding<Owned>, into result: inout TurnResult) {
        switch finding {
        case .settled(let call):
            count(call, into: &result)
        case .incomplete(let call):
            note(incomplete: call, into: &result)
        case .orphan(let event):
            counts.summary.incompleteCalls += 1
            result.notes.append(SwitchNote(fileIndex: event.fileIndex, line: event.line,
                                           reason: .incompleteCall("final event without its ENTERQUEUE"),
                                           text: keepText ? event.text.withBytes(Array.init) : nil))
        case .duplicate(let event):
            note(duplicate: event, into: &result)
        case .stray:
            counts.summary.eventsIgnored += 1
        case .passive(let event):
            if event.kind == .unknown { counts.summary.eventsUnknown += 1 } else { counts.summary.eventsIgnored += 1 }
        }
    }

    /// A settled attempt, for the worker to count if it can be a call-log row.
    private func count(_ call: CallProgress<Owned>, into result: inout TurnResult) {
        guard let problem = call.rowProblem else { return result.settled.append(call) }
        note(rejected: call, problem, into: &result)
    }

    /// An attempt refused as a call-log row, listed at its first line.
    private func note<Text>(rejected call: CallProgress<Text>, lineOffset: Int64 = 0, _ problem: RejectReason,
                            into result: inout TurnResult) {
        result.notes.append(SwitchNote(fileIndex: call.entryFileIndex, line: call.entryLine + lineOffset,
                                       reason: problem, text: keepText ? call.entryText.withBytes(Array.init) : nil,
                                       rejectsRow: true))
    }

    /// Whether an entry line is read for the first time (and remembers it).
    private func isNew(_ fingerprint: UInt64) -> Bool { entryLines.insert(fingerprint) }

    private func remember(_ callHash: UInt64) {
        _ = queueLogCalls?.insert(callHash)
    }

    /// An attempt a worker assembled whose entry line was read before: every
    /// line of it is a duplicate, the ringing and unknown events the worker
    /// counted as such included.
    private func reread(_ call: CallProgress<Owned>, into result: inout TurnResult) {
        for index in 0..<call.lines.count {
            note(duplicate: call.lines[index], text: call.lines.text(of: index), into: &result)
        }
    }

    /// A worker's attempt that opens with a repeat of a line of a call still
    /// waiting from an earlier chunk is that call's line written twice, not a
    /// re-read (docs/asterisk.md: a re-read is a call with no attempt open):
    /// the call goes on with the attempt's events, the repeated lines are duplicates.
    private func continueRepeat(of call: CallProgress<View>, callHash: UInt64, firstLine: Int64,
                                into result: inout TurnResult) -> CallProgress<Owned>? {
        guard let earlier = pending[callHash]?.first(where: { $0.call.callID.elementsEqual(call.callID) })?.call,
              earlier.phase == .waiting, !earlier.isReread, earlier.hasLine(call.entryFingerprint),
              var merged = takePending(callHash, earlier.callID)
        else { return nil }
        for (line, text) in merged.absorbRepeat(of: call.packed(lineOffset: firstLine)) {
            note(duplicate: line, text: text, into: &result)
        }
        return merged
    }

    /// A line of an attempt a worker assembled: the worker counted an ignored
    /// or unknown event as such, but as a duplicate it counts only as that.
    private func note(duplicate line: CallLines.Line, text: [UInt8], into result: inout TurnResult) {
        if line.kind == .ignored { counts.summary.eventsIgnored -= 1 }
        if line.kind == .unknown { counts.summary.eventsUnknown -= 1 }
        note(duplicateAt: Int(line.fileIndex), line: line.number, text: text, into: &result)
    }

    private func note(duplicate event: QueueEvent<Owned>, into result: inout TurnResult) {
        note(duplicateAt: event.fileIndex, line: event.line, text: event.text.withBytes(Array.init), into: &result)
    }

    private func note(duplicateAt fileIndex: Int, line: Int64, text: [UInt8], into result: inout TurnResult) {
        counts.summary.duplicateLines += 1
        result.notes.append(SwitchNote(fileIndex: fileIndex, line: line,
                                       reason: .duplicateLine("repeats a line of the same call"),
                                       text: keepText ? text : nil))
    }

    private func note(incomplete call: CallProgress<Owned>, into result: inout TurnResult) {
        counts.summary.incompleteCalls += 1
        let detail = call.phase == .headless ? "CONNECT without its ENTERQUEUE or a final event"
                                             : "no final event after this ENTERQUEUE"
        result.notes.append(SwitchNote(fileIndex: call.entryFileIndex, line: call.entryLine,
                                       reason: .incompleteCall(detail),
                                       text: keepText ? call.entryText.withBytes(Array.init) : nil))
    }

    /// The call in progress with this uniqueid, taken out of `pending`. The id
    /// is compared as bytes, whichever way it is carried: nearly every
    /// attempt of a chunk asks, and copying its view into an array just to
    /// ask cost a sixteenth of a queue_log report.
    private func takePending(_ callHash: UInt64, _ callID: some SwitchText) -> CallProgress<Owned>? {
        guard let held = pending[callHash],
              let index = callID.withBytes({ id in held.firstIndex { $0.call.callID.elementsEqual(id) } })
        else { return nil }
        return take(callHash, at: index)
    }

    /// The held call of this deadline entry, taken out, if it is still held.
    private func takePending(_ callHash: UInt64, generation: UInt64) -> CallProgress<Owned>? {
        guard let index = pending[callHash]?.firstIndex(where: { $0.generation == generation }) else { return nil }
        return take(callHash, at: index)
    }

    private func take(_ callHash: UInt64, at index: Int) -> CallProgress<Owned> {
        let call = pending[callHash]!.remove(at: index).call
        if pending[callHash]!.isEmpty { pending[callHash] = nil }
        pendingCount -= 1
        return call
    }

    /// Holds `call` until a later chunk continues it, log time gives it up or the input ends.
    private func setPending(_ callHash: UInt64, _ call: CallProgress<Owned>) {
        let generation = nextGeneration
        nextGeneration += 1
        pending[callHash, default: []].append(PendingCall(call: call, generation: generation))
        pendingCount += 1
        let deadline = OpenCallHorizon.deadline(after: call.lastEventTime)
        if unscheduled != nil {
            unscheduled!.append((callHash, generation, deadline))
        } else {
            deadlines.insert((callHash, generation), deadline: deadline)
        }
    }
}
