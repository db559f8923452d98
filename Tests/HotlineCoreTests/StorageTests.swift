import Testing
@testable import HotlineCore

/// The core's raw-memory containers: block storage that never moves elements
/// and the byte arena that owns every interned key.
@Suite struct StorageTests {
    @Test func blockArrayKeepsEveryElementAcrossManyBlocks() {
        let array = BlockArray<UInt64>()
        for value in 0..<100_000 { array.append(UInt64(value) &* 2_654_435_761) }
        #expect(array.count == 100_000)
        #expect((0..<100_000).allSatisfy { array[$0] == UInt64($0) &* 2_654_435_761 })
        array[70_000] = 7
        array.update(16_384) { $0 += 1 }
        #expect(array[70_000] == 7)
        #expect(array[16_384] == 16_384 &* 2_654_435_761 + 1)
    }

    @Test func packedCaseStaysAtFortyBytes() {
        #expect(MemoryLayout<PackedCase>.stride == 40)
    }

    /// A case's instants and count, for the packing tests.
    struct CaseValues: Sendable {
        var first: Int64, contacts: Int64, level2: Int64, level3: Int64
    }

    /// Values at the edges of what the narrow fields hold, and past them.
    static let edgeValues: [CaseValues] = [
        CaseValues(first: 0, contacts: 1, level2: .max, level3: .max),
        CaseValues(first: -62_135_596_800 - 86_399, contacts: 7, level2: -62_135_596_800, level3: 253_402_300_799 + 86_399),
        CaseValues(first: 1 << 39 - 1, contacts: Int64(UInt32.max) - 1, level2: (1 << 39 - 1) + Int64(UInt32.max) - 1,
                   level3: .max),
        CaseValues(first: -(1 << 39), contacts: Int64(UInt32.max), level2: .max, level3: .max),
        CaseValues(first: 1 << 39, contacts: 1, level2: .max, level3: .max),
        CaseValues(first: 0, contacts: .max - 1, level2: Int64(UInt32.max), level3: Int64(UInt32.max) - 2),
        CaseValues(first: -(1 << 61), contacts: 2, level2: 1 << 61, level3: .max),
    ]

    @Test(arguments: edgeValues)
    func packedCaseRoundTripsExactly(values: CaseValues) {
        let highest: UInt8 = values.level3 != .max ? 3 : values.level2 != .max ? 2 : 1
        let state = CaseState(
            firstInstant: values.first, firstPosition: InputPosition(fileIndex: 3, byteOffset: 1 << 40),
            firstContactID: ByteArena().append(UnsafeRawBufferPointer(start: nil, count: 0)), contacts: values.contacts,
            earliestAtLevel2: values.level2, earliestAtLevel3: values.level3, firstQueue: .max,
            firstLevel: 1, firstResult: .noProgress, highestLevel: highest)
        let packed = PackedCase(state)
        let instantFits = values.first >= -(1 << 39) && values.first < 1 << 39
        let offsetsFit = [values.level2, values.level3].allSatisfy { level in
            level == .max || level.subtractingReportingOverflow(values.first).partialValue < Int64(UInt32.max)
        }
        let fits = values.contacts < Int64(UInt32.max) && instantFits && offsetsFit
        #expect(packed.isWide == !fits)
        let unpacked = packed.isWide ? packed.unpacked(wide: WideCaseFields(state)) : packed.unpacked()
        #expect(unpacked.firstInstant == state.firstInstant && unpacked.contacts == state.contacts)
        #expect(unpacked.earliestAtLevel2 == state.earliestAtLevel2 && unpacked.earliestAtLevel3 == state.earliestAtLevel3)
        #expect(unpacked.firstPosition == state.firstPosition && unpacked.firstQueue == state.firstQueue)
        #expect(unpacked.firstLevel == 1 && unpacked.highestLevel == highest && unpacked.firstResult == .noProgress)
        #expect(unpacked.escalationDelay == state.escalationDelay)
    }

    /// A case whose escalation comes 9 998 years after its first contact, and
    /// one whose first contact moves 200 years earlier: their fields no longer
    /// fit 32 bits, and the book keeps them exact on the side.
    @Test func caseBookKeepsWideCasesExact() {
        let year0001: Int64 = -62_135_596_800, year9999: Int64 = 253_370_764_800, twoHundredYears: Int64 = 200 * 31_556_952
        let book = CaseBook()
        func add(_ contactID: String, _ caseID: String, at instant: Int64, level: UInt8, row: Int64) {
            var contactID = contactID, caseID = caseID, queue = "q"
            contactID.withUTF8 { contact in caseID.withUTF8 { caseBytes in queue.withUTF8 { queueBytes in
                let record = ContactRecord(contactID: UnsafeRawBufferPointer(contact), caseID: UnsafeRawBufferPointer(caseBytes),
                                           queue: UnsafeRawBufferPointer(queueBytes), channel: .phone, startedAt: instant,
                                           level: level, result: .escalated, inputPosition: InputPosition(fileIndex: 0, byteOffset: row))
                book.add(record, queue: 0, caseHash: ByteHash.hash(UnsafeRawBufferPointer(caseBytes)))
            } } }
        }
        add("a", "long", at: year0001, level: 1, row: 0)
        add("b", "long", at: year9999, level: 3, row: 1)
        add("c", "moved", at: 1_000_000, level: 2, row: 2)
        add("d", "moved", at: 1_000_000 - twoHundredYears, level: 1, row: 3)
        add("e", "moved", at: 2_000_000, level: 1, row: 4)
        #expect(book.state(0).escalationDelay == year9999 - year0001)
        #expect(book.state(0).contacts == 2 && book.state(0).firstInstant == year0001)
        #expect(book.state(1).escalationDelay == twoHundredYears)
        #expect(book.state(1).contacts == 3 && book.state(1).firstLevel == 1 && book.state(1).highestLevel == 2)
        let merged = CaseBook()
        merged.merge(book, queueMap: [0])
        #expect(merged.state(0).escalationDelay == year9999 - year0001)
        #expect(merged.state(1).escalationDelay == twoHundredYears && merged.state(1).contacts == 3)
    }

    private func bytes(_ text: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        var text = text
        text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @Test func arenaStoresComparesAndLendsStrings() {
        let arena = ByteArena()
        var references: [(String, ByteArena.Reference)] = []
        for index in 0..<50_000 {
            let text = "contact-\(index)-" + String(repeating: "x", count: index % 40)
            bytes(text) { references.append((text, arena.append($0))) }
        }
        for (text, reference) in references where text.hasSuffix("-") || text.count % 97 == 0 {
            #expect(arena.withBytes(reference) { String(decoding: $0, as: UTF8.self) } == text)
            bytes(text) { #expect(arena.equals(reference, $0)) }
            bytes(text + "y") { #expect(!arena.equals(reference, $0)) }
        }
        #expect(references.count == 50_000)
    }

    @Test func arenaComparesInByteOrderWithPrefixesFirst() {
        let arena = ByteArena()
        var stored = ByteArena.Reference?.none
        bytes("z10") { stored = arena.append($0) }
        let reference = stored!
        bytes("z2") { #expect(arena.compare(reference, $0) < 0) }
        bytes("z10") { #expect(arena.compare(reference, $0) == 0) }
        bytes("z1") { #expect(arena.compare(reference, $0) > 0) }
        bytes("z100") { #expect(arena.compare(reference, $0) < 0) }
        bytes("Z9") { #expect(arena.compare(reference, $0) > 0) }
    }

    @Test func arenaReplacesInPlaceWhileTheNewStringFitsTheFirstRoom() {
        let arena = ByteArena()
        var reference = ByteArena.Reference?.none
        bytes("longer-id") { reference = arena.appendReplaceable($0) }
        let first = reference!
        bytes("short") { reference = arena.replace(reference!, with: $0) }
        #expect(arena.withBytes(reference!) { String(decoding: $0, as: UTF8.self) } == "short")
        // Back to the first length: still the first room, not a new one.
        bytes("other-id!") { reference = arena.replace(reference!, with: $0) }
        #expect(reference! == first)
        #expect(arena.withBytes(reference!) { String(decoding: $0, as: UTF8.self) } == "other-id!")
        bytes("a much longer identifier") { reference = arena.replace(reference!, with: $0) }
        #expect(reference! != first)
        #expect(arena.withBytes(reference!) { String(decoding: $0, as: UTF8.self) } == "a much longer identifier")
    }

    @Test func stringsLongerThanABlockGetTheirOwn() {
        let arena = ByteArena()
        let huge = [UInt8](repeating: 0x41, count: 3 << 20)
        var small = ByteArena.Reference?.none
        bytes("before") { small = arena.append($0) }
        let large = huge.withUnsafeBytes { arena.append($0) }
        #expect(large.length == huge.count)
        #expect(arena.withBytes(large) { Array($0) } == huge)
        #expect(arena.withBytes(small!) { String(decoding: $0, as: UTF8.self) } == "before")
        let empty = arena.append(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(arena.withBytes(empty) { $0.count } == 0)
    }
}
