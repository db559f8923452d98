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

    @Test func caseStateStaysAtFiftySixBytes() {
        #expect(MemoryLayout<CaseState>.stride == 56)
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
