/// What the case metrics need to know about one case, however its contacts
/// are spread over chunks, threads and files: its first contact, its highest
/// level, how many contacts it had, and when it first reached levels 2 and 3.
///
/// Fields are ordered and sized so that a case takes 56 bytes: there is one
/// per distinct case, millions of them.
struct CaseState: BitwiseCopyable {
    /// The earliest contact so far, ordered by (instant, contact id bytes, input position).
    var firstInstant: Int64
    var firstPosition: InputPosition
    var firstContactID: ByteArena.Reference
    var contacts: Int64
    /// Earliest `started_at` of a contact at level 2 and at level 3 (`Int64.max`: none).
    /// Only levels above the first contact's count as an escalation, and no
    /// first contact is above level 3, so levels 2 and 3 are all that matter.
    var earliestAtLevel2: Int64
    var earliestAtLevel3: Int64
    var firstQueue: UInt32
    var firstLevel: UInt8
    var firstResult: ContactResult
    var highestLevel: UInt8

    /// Seconds from the first contact to the first contact above its level; `nil` if never escalated.
    var escalationDelay: Int64? {
        guard highestLevel > firstLevel else { return nil }
        let reached = firstLevel < 2 ? min(earliestAtLevel2, earliestAtLevel3) : earliestAtLevel3
        return reached - firstInstant
    }
}

/// All cases seen by one accumulator, keyed exactly by `case_id` bytes.
final class CaseBook {
    let ids = ByteKeyTable(expectedCount: 1 << 12)
    private let states = BlockArray<CaseState>()
    /// Contact ids of first contacts, for the byte-order tie-break.
    private let contactIDs = ByteArena()

    var count: Int { states.count }

    func state(_ id: Int) -> CaseState { states[id] }

    /// Hints the state of case `id`, which a contact is about to update.
    @inline(__always)
    func prefetchState(_ id: UInt32) {
        states.prefetch(Int(id))
    }

    /// Records one contact of a case; `queue` is the accumulator's queue id,
    /// `caseHash` is `ByteHash.hash(contact.caseID)`.
    @inline(__always)
    func add(_ contact: ContactRecord, queue: UInt32, caseHash: UInt64) {
        let (id, inserted) = ids.idInsertingIfNeeded(contact.caseID, hash: caseHash)
        if inserted {
            states.append(CaseState(
                firstInstant: contact.startedAt, firstPosition: contact.inputPosition,
                firstContactID: contactIDs.appendReplaceable(contact.contactID), contacts: 1,
                earliestAtLevel2: contact.level == 2 ? contact.startedAt : .max,
                earliestAtLevel3: contact.level == 3 ? contact.startedAt : .max,
                firstQueue: queue,
                firstLevel: contact.level, firstResult: contact.result, highestLevel: contact.level))
            return
        }
        let index = Int(id)
        states.update(index) { state in
            state.contacts += 1
            state.highestLevel = max(state.highestLevel, contact.level)
            if contact.level == 2 { state.earliestAtLevel2 = min(state.earliestAtLevel2, contact.startedAt) }
            if contact.level == 3 { state.earliestAtLevel3 = min(state.earliestAtLevel3, contact.startedAt) }
        }
        if precedesFirst(of: index, instant: contact.startedAt, contactID: contact.contactID, position: contact.inputPosition) {
            replaceFirst(of: index, instant: contact.startedAt, contactID: contact.contactID,
                         position: contact.inputPosition, queue: queue, level: contact.level, result: contact.result)
        }
    }

    /// Folds `other`'s cases in; `queueMap` maps `other`'s queue ids to this accumulator's.
    func merge(_ other: CaseBook, queueMap: [UInt32]) {
        for otherIndex in 0..<other.states.count {
            let theirs = other.states[otherIndex]
            let (id, inserted) = other.ids.withKey(UInt32(otherIndex)) { ids.idInsertingIfNeeded($0) }
            let mappedQueue = queueMap[Int(theirs.firstQueue)]
            other.contactIDs.withBytes(theirs.firstContactID) { contactID in
                if inserted {
                    var copy = theirs
                    copy.firstContactID = contactIDs.appendReplaceable(contactID)
                    copy.firstQueue = mappedQueue
                    states.append(copy)
                    return
                }
                let index = Int(id)
                states.update(index) { state in
                    state.contacts += theirs.contacts
                    state.highestLevel = max(state.highestLevel, theirs.highestLevel)
                    state.earliestAtLevel2 = min(state.earliestAtLevel2, theirs.earliestAtLevel2)
                    state.earliestAtLevel3 = min(state.earliestAtLevel3, theirs.earliestAtLevel3)
                }
                if precedesFirst(of: index, instant: theirs.firstInstant, contactID: contactID, position: theirs.firstPosition) {
                    replaceFirst(of: index, instant: theirs.firstInstant, contactID: contactID, position: theirs.firstPosition,
                                 queue: mappedQueue, level: theirs.firstLevel, result: theirs.firstResult)
                }
            }
        }
    }

    /// SPEC §3: the first contact is the earliest instant, then the smaller
    /// contact id in byte order, then the earlier input position.
    private func precedesFirst(of index: Int, instant: Int64, contactID: UnsafeRawBufferPointer,
                               position: InputPosition) -> Bool {
        let current = states[index]
        if instant != current.firstInstant { return instant < current.firstInstant }
        let order = contactIDs.compare(current.firstContactID, contactID)
        if order != 0 { return order > 0 }
        return position < current.firstPosition
    }

    private func replaceFirst(of index: Int, instant: Int64, contactID: UnsafeRawBufferPointer, position: InputPosition,
                              queue: UInt32, level: UInt8, result: ContactResult) {
        var state = states[index]
        state.firstInstant = instant
        state.firstPosition = position
        state.firstContactID = contactIDs.replace(state.firstContactID, with: contactID)
        state.firstQueue = queue
        state.firstLevel = level
        state.firstResult = result
        states[index] = state
    }
}

extension CaseTally {
    /// Counts one case, with everything its state knows, in this scope.
    mutating func add(_ state: CaseState) {
        cases += 1
        contactsOfCases += state.contacts
        if state.highestLevel == 3 { reachingLevel3 += 1 }
        if state.firstResult == .resolved && state.contacts == 1 { resolvedAtFirstContact += 1 }
        if let delay = state.escalationDelay {
            escalated += 1
            escalationDelays.add(delay)
        }
    }
}
