import Testing
@testable import HotlineCore

@Suite struct ByteKeyTableTests {
    private func id(_ table: ByteKeyTable, _ key: String) -> UInt32 {
        var key = key
        return key.withUTF8 { table.id(of: UnsafeRawBufferPointer($0)) }
    }

    @Test func equalBytesShareAnIdAndDistinctBytesDoNot() {
        let table = ByteKeyTable()
        let first = id(table, "cu1")
        #expect(id(table, "cu2") != first)
        #expect(id(table, "cu1") == first)
        #expect(id(table, "") != first)
        #expect(id(table, "cu1 ") != first)
        #expect(table.count == 4)
        #expect(table.string(first) == "cu1")
    }

    @Test func keysSurviveGrowthAndKeepTheirIds() {
        let table = ByteKeyTable(expectedCount: 4)
        let keys = (0..<50_000).map { "customer-\($0 * 7919)" }
        let ids = keys.map { id(table, $0) }
        #expect(ids == (0..<50_000).map { UInt32($0) })
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() where index % 997 == 0 {
            #expect(id(table, key) == UInt32(index))
            #expect(table.string(UInt32(index)) == key)
        }
        #expect(table.count == keys.count)
    }

    @Test func keysStayLentAfterTheIndexIsReleased() {
        let table = ByteKeyTable(expectedCount: 4)
        let keys = (0..<5_000).map { "case-\($0)" }
        for key in keys { _ = id(table, key) }
        table.releaseIndex()
        #expect(table.count == keys.count)
        #expect((0..<keys.count).allSatisfy { table.string(UInt32($0)) == keys[$0] })
    }

    @Test func nonASCIIAndLongKeysAreExact() {
        let table = ByteKeyTable()
        let long = String(repeating: "x", count: 10_000)
        let keys = ["réclamations", "support, EU", long, long + "y", "\"quoted\""]
        let ids = keys.map { id(table, $0) }
        #expect(Set(ids).count == keys.count)
        for (key, keyID) in zip(keys, ids) { #expect(table.string(keyID) == key) }
    }

    @Test func hashIsDeterministicAndSpreadsShortKeys() {
        var key = "abc"
        let first = key.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) }
        let second = key.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) }
        #expect(first == second)
        let buckets = Set((0..<4_096).map { number -> UInt64 in
            var text = "k\(number)"
            return text.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) } & 4_095
        })
        // A good hash fills about 63 % of 4096 buckets with 4096 keys; a bad one far fewer.
        #expect(buckets.count > 2_400)
    }
}

@Suite struct ByteKeyTablePrefetchTests {
    private func withBytes<Result>(_ key: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var key = key
        return key.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @Test func stagedHintsLeadToTheIdTheLookupFinds() {
        let table = ByteKeyTable(expectedCount: 4)
        let keys = (0..<5_000).map { "case-\($0 * 31)" }
        for key in keys { _ = withBytes(key) { table.id(of: $0) } }
        var foundByHint = 0
        for (index, key) in keys.enumerated() {
            let hash = withBytes(key) { table.prefetchSlot(of: $0) }
            #expect(hash == withBytes(key) { ByteHash.hash($0) })
            // The hint reads only the first slot: a key pushed further by a collision has no candidate.
            if let candidate = table.prefetchReference(hash: hash) {
                table.prefetchBytes(of: candidate)
                #expect(candidate == UInt32(index))
                foundByHint += 1
            }
            #expect(withBytes(key) { table.id(of: $0, hash: hash) } == UInt32(index))
        }
        #expect(foundByHint > keys.count / 2)
        #expect(table.count == keys.count)
    }

    @Test func hintsForAbsentKeysFindNothingAndChangeNothing() {
        let table = ByteKeyTable()
        _ = withBytes("present") { table.id(of: $0) }
        let hash = withBytes("absent") { table.prefetchSlot(of: $0) }
        #expect(table.prefetchReference(hash: hash) == nil)
        #expect(table.count == 1)
        #expect(withBytes("absent") { table.idInsertingIfNeeded($0, hash: hash) } == (1, true))
    }
}
