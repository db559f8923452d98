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
