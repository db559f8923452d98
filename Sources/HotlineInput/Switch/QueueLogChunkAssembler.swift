import HotlineCore

/// An attempt a worker assembled, kept in its assembler's ``QueueLogChunkAssembler/calls``
/// so that the attempt itself (a few hundred bytes) is neither copied into
/// the findings nor out of them: the stitcher and the worker read it in place.
struct LocalCall {
    /// Where the attempt is in the assembler's `calls`.
    let index: Int
    let callHash: UInt64
    /// The first attempt of its uniqueid in the chunk, which may continue a
    /// call from an earlier chunk.
    let isFirst: Bool
    /// Still open (or timed out, so it may overflow) at the chunk's end.
    let isCarried: Bool
}

/// What a worker found in its chunk of a queue_log, in line order, for the
/// stitcher to finish at the chunk's turn.
enum LocalFinding {
    /// An attempt assembled in the chunk.
    case attempt(LocalCall)
    /// An attempt that entered again before any final event.
    case incomplete(LocalCall)
    case duplicate(QueueEvent<UnsafeRawBufferPointer>)
    /// A final event of a uniqueid whose attempt log time gave up (``OpenCallHorizon``).
    case orphan(QueueEvent<UnsafeRawBufferPointer>)
}

/// A worker's assembly of the queue_log calls of one chunk. The uniqueids of
/// a chunk are looked up in a small table reset per chunk, so the state stays
/// in cache; a uniqueid whose first event in the chunk needs an earlier one
/// (a `CONNECT`, a final event) is deferred whole to the stitcher.
///
/// Log time gives up the chunk's open calls line by line
/// (``OpenCallHorizon``); the chunk's line times go to the stitcher, which
/// applies the same rule to the calls it holds from earlier chunks.
final class QueueLogChunkAssembler {
    typealias View = UnsafeRawBufferPointer

    private struct Slot {
        var calls = CallSlot<View>()
        let callID: View
        let callHash: UInt64
        let firstEntryLine: Int64
        let deferred: Bool
        /// The earliest deadline the slot has in ``deadlines`` (`Int64.max`: none).
        var scheduled = Int64.max
    }

    // Every line reads and writes these: they opt out of dynamic exclusivity
    // checks (a tenth of the line time), which is safe because an assembler
    // belongs to one worker and none of its methods re-enters another.
    @exclusivity(unchecked) private var slots: [Slot] = []
    /// Open addressing over `slots`: slot index + 1, 0 for empty.
    @exclusivity(unchecked) private var positions: [Int32] = Array(repeating: 0, count: 1 << 12)

    @exclusivity(unchecked) private(set) var findings: [LocalFinding] = []
    /// The attempts that ``findings`` name.
    @exclusivity(unchecked) private(set) var calls: [CallProgress<View>] = []
    @exclusivity(unchecked) private(set) var deferred: [(callHash: UInt64, event: QueueEvent<View>)] = []
    /// Events that changed no attempt: stray ones and lines of ringing, agents… (`ignored`), or unknown names.
    @exclusivity(unchecked) private(set) var ignoredEvents: Int64 = 0
    @exclusivity(unchecked) private(set) var unknownEvents: Int64 = 0
    /// Each line's time by line index in the chunk, `Int64.min` for a line without one (rejected, empty).
    @exclusivity(unchecked) private(set) var lineTimes: [Int64] = []
    /// `clock[i]`: the latest time of lines `0...i` (set by ``finishChunk(lineCount:)``).
    @exclusivity(unchecked) private(set) var clock: [Int64] = []
    /// The open calls of the chunk's slots, by slot index, earliest deadline first.
    @exclusivity(unchecked) private var deadlines = DeadlineQueue<Int>()

    /// Forgets the previous chunk; capacity is kept.
    func startChunk() {
        if !slots.isEmpty {
            for index in positions.indices { positions[index] = 0 }
        }
        slots.removeAll(keepingCapacity: true)
        findings.removeAll(keepingCapacity: true)
        calls.removeAll(keepingCapacity: true)
        deferred.removeAll(keepingCapacity: true)
        lineTimes.removeAll(keepingCapacity: true)
        clock.removeAll(keepingCapacity: true)
        deadlines.removeAll()
        ignoredEvents = 0
        unknownEvents = 0
    }

    /// An event that changes no attempt opens no slot: with no attempt of its
    /// uniqueid in the chunk, it goes to the stitcher, which may hold one from
    /// an earlier chunk whose lines it could repeat.
    func add(_ event: QueueEvent<View>) {
        advanceClock(to: event.time, line: Int(event.line))
        let callHash = ByteHash.hash(event.callID)
        guard let index = slotIndex(for: event, callHash: callHash, opening: event.kind.concernsAttempt),
              !slots[index].deferred
        else {
            deferred.append((callHash, event))
            return
        }
        guard event.kind.concernsAttempt else {
            switch slots[index].calls.applyPassive(event) {
            case .duplicate: findings.append(.duplicate(event))
            case .event: if event.kind == .unknown { unknownEvents += 1 } else { ignoredEvents += 1 }
            }
            return scheduleExpiry(of: index, after: event)
        }
        let slot = (callHash: callHash, firstEntryLine: slots[index].firstEntryLine)
        slots[index].calls.apply(event, isReread: { _ in false }) { finding in record(finding, of: slot) }
        scheduleExpiry(of: index, after: event)
    }

    /// Log time has reached `time` at chunk line `line` (the lines in
    /// between had none): the open calls it passes the deadline of are given up.
    func advanceClock(to time: Int64, line: Int) {
        while lineTimes.count < line { lineTimes.append(.min) }
        lineTimes.append(time)
        while let due = deadlines.popDue(before: time) {
            guard slots[due.item].scheduled == due.deadline else { continue }
            slots[due.item].scheduled = .max
            guard let phase = slots[due.item].calls.current?.phase, phase != .ended,
                  let lastEventTime = slots[due.item].calls.current?.lastEventTime
            else { continue }
            let deadline = OpenCallHorizon.deadline(after: lastEventTime)
            guard deadline == due.deadline else {
                // Refreshed by later lines since: checked again at its deadline.
                slots[due.item].scheduled = deadline
                deadlines.insert(due.item, deadline: deadline)
                continue
            }
            let slot = (callHash: slots[due.item].callHash, firstEntryLine: slots[due.item].firstEntryLine)
            slots[due.item].calls.finish { finding in record(finding, of: slot) }
        }
    }

    /// Schedules the slot's check after `event`, its latest line, unless a
    /// check is due no later: then that check finds the call refreshed and
    /// schedules the next one, so a call costs one entry, not one a line.
    /// A slot's check never comes later than its call's deadline, because a
    /// line (even one dated back) gets an entry when its deadline is earlier.
    /// Reading the slot to see whether the event kept an attempt open would
    /// copy the attempt on every line; a check of a call that ended is skipped.
    private func scheduleExpiry(of index: Int, after event: QueueEvent<View>) {
        let deadline = OpenCallHorizon.deadline(after: event.time)
        guard deadline < slots[index].scheduled else { return }
        slots[index].scheduled = deadline
        deadlines.insert(index, deadline: deadline)
    }

    /// What applying a line to a slot found, for the stitcher.
    private func record(_ finding: CallFinding<View>, of slot: (callHash: UInt64, firstEntryLine: Int64)) {
        let (callHash, firstEntryLine) = slot
        switch finding {
        case .settled(let call):
            findings.append(.attempt(keep(call, callHash: callHash, isFirst: call.entryLine == firstEntryLine,
                                          isCarried: false)))
        case .incomplete(let call):
            findings.append(.incomplete(keep(call, callHash: callHash, isFirst: call.entryLine == firstEntryLine,
                                             isCarried: false)))
        case .duplicate(let line):
            findings.append(.duplicate(line))
        case .orphan(let line):
            findings.append(.orphan(line))
        case .stray:
            ignoredEvents += 1
        case .passive(let line):
            if line.kind == .unknown { unknownEvents += 1 } else { ignoredEvents += 1 }
        }
    }

    /// Hands the attempts still open at the chunk's end to the stitcher, and
    /// completes the chunk's line times and ``clock`` over its `lineCount` lines.
    func finishChunk(lineCount: Int) {
        while lineTimes.count < lineCount { lineTimes.append(.min) }
        var latest = Int64.min
        for time in lineTimes {
            latest = max(latest, time)
            clock.append(latest)
        }
        // By index: binding each slot would copy every call of the chunk, most of them ended.
        for index in slots.indices where !slots[index].deferred {
            guard let phase = slots[index].calls.current?.phase, phase != .ended else { continue }
            let call = slots[index].calls.current!
            findings.append(.attempt(keep(call, callHash: slots[index].callHash,
                                          isFirst: call.entryLine == slots[index].firstEntryLine, isCarried: true)))
        }
    }

    private func keep(_ call: CallProgress<View>, callHash: UInt64, isFirst: Bool, isCarried: Bool) -> LocalCall {
        calls.append(call)
        return LocalCall(index: calls.count - 1, callHash: callHash, isFirst: isFirst, isCarried: isCarried)
    }

    /// The slot of the event's uniqueid; a new one if `opening`, else nil when there is none.
    private func slotIndex(for event: QueueEvent<View>, callHash: UInt64, opening: Bool) -> Int? {
        if slots.count * 2 >= positions.count { grow() }
        let mask = positions.count - 1
        var position = Int(truncatingIfNeeded: callHash) & mask
        while true {
            let stored = Int(positions[position])
            if stored == 0 {
                guard opening else { return nil }
                let startsHere = event.kind.startsAttempt
                slots.append(Slot(callID: event.callID, callHash: callHash, firstEntryLine: startsHere ? event.line : -1,
                                  deferred: !startsHere))
                positions[position] = Int32(slots.count)
                return slots.count - 1
            }
            let slot = slots[stored - 1]
            if slot.callHash == callHash, slot.callID.elementsEqual(event.callID) { return stored - 1 }
            position = (position + 1) & mask
        }
    }

    private func grow() {
        positions = Array(repeating: 0, count: positions.count * 2)
        let mask = positions.count - 1
        for (index, slot) in slots.enumerated() {
            var position = Int(truncatingIfNeeded: slot.callHash) & mask
            while positions[position] != 0 { position = (position + 1) & mask }
            positions[position] = Int32(index + 1)
        }
    }
}
