/// What the case metrics need to know about one case, however its contacts
/// are spread over chunks, threads and files: its first contact, its highest
/// level, how many contacts it had, and when it first reached levels 2 and 3.
///
/// This is the full-width view that the book's readers and its update rules
/// work on; the book stores each case packed (`PackedCase`).
struct CaseState {
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

/// A `CaseState` in 40 bytes instead of 56: there is one per distinct case,
/// millions of them, and they were the largest part of a report's memory.
///
/// The first instant takes the low 40 bits of a word (signed: ±17 000 years
/// of seconds around 1970, where SPEC timestamps need ±8 000), the levels and
/// the result its high bits; contacts are counted in 32 bits, and the
/// earliest contacts at levels 2 and 3 are seconds after the first instant in
/// 32 bits (136 years). A case whose values do not all fit is marked *wide*:
/// its exact instants and count then live in `WideCaseFields`, kept by the
/// book beside its packed cases, so every metric stays exact for any input.
struct PackedCase: BitwiseCopyable {
    /// Bits 0–39: first instant; 40–41: first level; 42–43: highest level;
    /// 44–47: first result; 48: wide.
    private var instantAndCodes: UInt64
    var firstPosition: InputPosition
    var firstContactID: ByteArena.Reference
    private var narrowContacts: UInt32
    /// Seconds from the first instant; `noContact`: none at that level.
    private var level2Offset: UInt32
    private var level3Offset: UInt32
    var firstQueue: UInt32

    private static let instantBits: UInt64 = 40
    private static let instantMask: UInt64 = 1 << instantBits - 1
    private static let wideBit: UInt64 = 1 << 48
    private static let noContact = UInt32.max

    /// Packs `state`; a state that does not fit is packed wide, and the
    /// caller keeps `WideCaseFields(state)` for it.
    init(_ state: CaseState) {
        precondition(state.firstLevel < 4 && state.highestLevel < 4, "level out of 0...3")
        let codes = UInt64(state.firstLevel) << 40 | UInt64(state.highestLevel) << 42
            | UInt64(state.firstResult.rawValue) << 44
        firstPosition = state.firstPosition
        firstContactID = state.firstContactID
        firstQueue = state.firstQueue
        if let contacts = UInt32(exactly: state.contacts), contacts != .max,
           let level2 = Self.offset(state.earliestAtLevel2, from: state.firstInstant),
           let level3 = Self.offset(state.earliestAtLevel3, from: state.firstInstant),
           state.firstInstant >> (Self.instantBits - 1) == 0 || state.firstInstant >> (Self.instantBits - 1) == -1 {
            instantAndCodes = codes | UInt64(bitPattern: state.firstInstant) & Self.instantMask
            narrowContacts = contacts
            level2Offset = level2
            level3Offset = level3
        } else {
            instantAndCodes = codes | Self.wideBit
            narrowContacts = 0
            level2Offset = Self.noContact
            level3Offset = Self.noContact
        }
    }

    /// `instant − first` in 32 bits, `noContact` for `Int64.max`; `nil` if it does not fit.
    private static func offset(_ instant: Int64, from first: Int64) -> UInt32? {
        if instant == .max { return noContact }
        let (difference, overflow) = instant.subtractingReportingOverflow(first)
        guard !overflow, let offset = UInt32(exactly: difference), offset != noContact else { return nil }
        return offset
    }

    /// Whether the exact instants and count are kept aside in `WideCaseFields`.
    var isWide: Bool { instantAndCodes & Self.wideBit != 0 }

    /// The full state; `wide` must be given for a wide case.
    func unpacked(wide: WideCaseFields? = nil) -> CaseState {
        let firstInstant: Int64, contacts: Int64, level2: Int64, level3: Int64
        if let wide {
            (firstInstant, contacts, level2, level3) =
                (wide.firstInstant, wide.contacts, wide.earliestAtLevel2, wide.earliestAtLevel3)
        } else {
            firstInstant = Int64(bitPattern: instantAndCodes << (64 - Self.instantBits)) >> (64 - Self.instantBits)
            contacts = Int64(narrowContacts)
            level2 = level2Offset == Self.noContact ? .max : firstInstant + Int64(level2Offset)
            level3 = level3Offset == Self.noContact ? .max : firstInstant + Int64(level3Offset)
        }
        return CaseState(
            firstInstant: firstInstant, firstPosition: firstPosition, firstContactID: firstContactID,
            contacts: contacts, earliestAtLevel2: level2, earliestAtLevel3: level3, firstQueue: firstQueue,
            firstLevel: UInt8(truncatingIfNeeded: instantAndCodes >> 40) & 3,
            firstResult: ContactResult(rawValue: UInt8(truncatingIfNeeded: instantAndCodes >> 44) & 15)!,
            highestLevel: UInt8(truncatingIfNeeded: instantAndCodes >> 42) & 3)
    }
}

/// The exact values of a case too wide for `PackedCase`'s narrow fields.
struct WideCaseFields {
    var firstInstant: Int64
    var contacts: Int64
    var earliestAtLevel2: Int64
    var earliestAtLevel3: Int64

    init(_ state: CaseState) {
        firstInstant = state.firstInstant
        contacts = state.contacts
        earliestAtLevel2 = state.earliestAtLevel2
        earliestAtLevel3 = state.earliestAtLevel3
    }
}

/// All cases seen by one accumulator, keyed exactly by `case_id` bytes.
final class CaseBook {
    let ids = ByteKeyTable(expectedCount: 1 << 12)
    private let states = BlockArray<PackedCase>()
    /// The exact fields of the cases packed wide, by case id: none in any
    /// realistic log (it takes a case spanning 136 years or 4 billion contacts).
    @exclusivity(unchecked) private var wideFields: [UInt32: WideCaseFields] = [:]
    /// Contact ids of first contacts, for the byte-order tie-break.
    private let contactIDs = ByteArena()

    var count: Int { states.count }

    /// The full state of case `id`.
    @inline(__always)
    func state(_ id: Int) -> CaseState {
        let packed = states[id]
        return packed.isWide ? packed.unpacked(wide: wideFields[UInt32(id)]!) : packed.unpacked()
    }

    /// Stores `state` as case `id` (`count`: a new case), keeping its exact
    /// fields aside if it does not fit the narrow ones.
    @inline(__always)
    private func store(_ state: CaseState, at id: Int) {
        let packed = PackedCase(state)
        if id == states.count { states.append(packed) } else { states[id] = packed }
        if packed.isWide {
            wideFields[UInt32(id)] = WideCaseFields(state)
        } else if !wideFields.isEmpty {
            wideFields[UInt32(id)] = nil
        }
    }

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
        let index = Int(id)
        if inserted {
            store(CaseState(
                firstInstant: contact.startedAt, firstPosition: contact.inputPosition,
                firstContactID: contactIDs.appendReplaceable(contact.contactID), contacts: 1,
                earliestAtLevel2: contact.level == 2 ? contact.startedAt : .max,
                earliestAtLevel3: contact.level == 3 ? contact.startedAt : .max,
                firstQueue: queue,
                firstLevel: contact.level, firstResult: contact.result, highestLevel: contact.level), at: index)
            return
        }
        var state = state(index)
        state.contacts += 1
        state.highestLevel = max(state.highestLevel, contact.level)
        if contact.level == 2 { state.earliestAtLevel2 = min(state.earliestAtLevel2, contact.startedAt) }
        if contact.level == 3 { state.earliestAtLevel3 = min(state.earliestAtLevel3, contact.startedAt) }
        if precedesFirst(state, instant: contact.startedAt, contactID: contact.contactID, position: contact.inputPosition) {
            replaceFirst(of: &state, instant: contact.startedAt, contactID: contact.contactID,
                         position: contact.inputPosition, queue: queue, level: contact.level, result: contact.result)
        }
        store(state, at: index)
    }

    /// Folds `other`'s cases in; `queueMap` maps `other`'s queue ids to this accumulator's.
    func merge(_ other: CaseBook, queueMap: [UInt32]) {
        for otherIndex in 0..<other.states.count {
            let theirs = other.state(otherIndex)
            let (id, inserted) = other.ids.withKey(UInt32(otherIndex)) { ids.idInsertingIfNeeded($0) }
            let index = Int(id)
            let mappedQueue = queueMap[Int(theirs.firstQueue)]
            other.contactIDs.withBytes(theirs.firstContactID) { contactID in
                if inserted {
                    var copy = theirs
                    copy.firstContactID = contactIDs.appendReplaceable(contactID)
                    copy.firstQueue = mappedQueue
                    store(copy, at: index)
                    return
                }
                var state = state(index)
                state.contacts += theirs.contacts
                state.highestLevel = max(state.highestLevel, theirs.highestLevel)
                state.earliestAtLevel2 = min(state.earliestAtLevel2, theirs.earliestAtLevel2)
                state.earliestAtLevel3 = min(state.earliestAtLevel3, theirs.earliestAtLevel3)
                if precedesFirst(state, instant: theirs.firstInstant, contactID: contactID, position: theirs.firstPosition) {
                    replaceFirst(of: &state, instant: theirs.firstInstant, contactID: contactID, position: theirs.firstPosition,
                                 queue: mappedQueue, level: theirs.firstLevel, result: theirs.firstResult)
                }
                store(state, at: index)
            }
        }
    }

    /// SPEC §3: the first contact is the earliest instant, then the smaller
    /// contact id in byte order, then the earlier input position.
    @inline(__always)
    private func precedesFirst(_ current: CaseState, instant: Int64, contactID: UnsafeRawBufferPointer,
                               position: InputPosition) -> Bool {
        if instant != current.firstInstant { return instant < current.firstInstant }
        let order = contactIDs.compare(current.firstContactID, contactID)
        if order != 0 { return order > 0 }
        return position < current.firstPosition
    }

    private func replaceFirst(of state: inout CaseState, instant: Int64, contactID: UnsafeRawBufferPointer,
                              position: InputPosition, queue: UInt32, level: UInt8, result: ContactResult) {
        state.firstInstant = instant
        state.firstPosition = position
        state.firstContactID = contactIDs.replace(state.firstContactID, with: contactID)
        state.firstQueue = queue
        state.firstLevel = level
        state.firstResult = result
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
