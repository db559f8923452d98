import Testing
@testable import HotlineCore
import HotlineTestSupport

@Suite struct VisitLogTests {
    @Test func radixSortOrdersKeysAndCarriesValues() {
        var random = SeededRandom(seed: 11)
        var keys = (0..<5_000).map { _ in random.next() >> (random.next() % 40) }
        var values = keys.map { UInt32(truncatingIfNeeded: $0 &* 31) }
        let expected = keys.sorted()
        RadixSort.sort(keys: &keys, values: &values)
        #expect(keys == expected)
        #expect(zip(keys, values).allSatisfy { UInt32(truncatingIfNeeded: $0 &* 31) == $1 })
    }

    @Test func radixSortIsStable() {
        var keys: [UInt64] = [3, 1, 3, 1, 2]
        var values: [UInt32] = [0, 1, 2, 3, 4]
        RadixSort.sort(keys: &keys, values: &values)
        #expect(keys == [1, 1, 2, 3, 3])
        #expect(values == [1, 3, 4, 0, 2])
    }

    /// Visits recorded in any order, across many compactions, fold into one
    /// entry per (customer, pair) with exact attempt counts and answered flags.
    @Test func compactionFoldsVisitsExactly() {
        var random = SeededRandom(seed: 5)
        var log = VisitLog()
        var expected: [UInt64: (attempts: UInt32, answered: Bool)] = [:]
        for _ in 0..<300_000 {
            let customer = UInt32(random.next() % 20_000), pair = UInt32(random.next() % 7)
            let answered = random.next() % 3 == 0
            log.record(customer: customer, pair: pair, answered: answered)
            let id = UInt64(customer) << 32 | UInt64(pair)
            expected[id, default: (0, false)].attempts += 1
            expected[id]!.answered = expected[id]!.answered || answered
        }
        log.compact()
        #expect(log.keys.count == expected.count)
        #expect(log.keys == log.keys.sorted())
        for (key, attempts) in zip(log.keys, log.attempts) {
            let id = UInt64(VisitLog.customer(of: key)) << 32 | UInt64(VisitLog.pair(of: key))
            #expect(expected[id]?.attempts == attempts)
            #expect(expected[id]?.answered == VisitLog.answered(key))
        }
    }

    /// What a merge reads: every entry, sorted or still pending, each once.
    @Test func everyEntryIsVisitedWithoutCompacting() {
        var log = VisitLog()
        var expected: [UInt64: UInt32] = [:]
        for index in 0..<200_000 {
            let customer = UInt32(index % 50_000), pair = UInt32(index % 3)
            log.record(customer: customer, pair: pair, answered: false)
            expected[UInt64(customer) << 32 | UInt64(pair), default: 0] += 1
        }
        var seen: [UInt64: UInt32] = [:]
        log.forEachEntry { key, attempts in
            seen[UInt64(VisitLog.customer(of: key)) << 32 | UInt64(VisitLog.pair(of: key)), default: 0] += attempts
        }
        #expect(seen == expected)
    }

    @Test func customersAreVisitedInOrderWithAllTheirVisits() {
        var log = VisitLog()
        for (customer, pair) in [(7, 1), (2, 3), (7, 0), (2, 3), (9, 4)] {
            log.record(customer: UInt32(customer), pair: UInt32(pair), answered: customer == 9)
        }
        log.compact()
        var seen: [(UInt32, [UInt32], [UInt32])] = []
        log.forEachCustomer { keys, attempts in
            seen.append((VisitLog.customer(of: keys.first!), keys.map(VisitLog.pair(of:)), Array(attempts)))
        }
        #expect(seen.map(\.0) == [2, 7, 9])
        #expect(seen.map(\.1) == [[3], [0, 1], [4]])
        #expect(seen.map(\.2) == [[2], [1, 1], [1]])
    }

    @Test func countsNearTheLimitSplitInsteadOfWrapping() {
        var log = VisitLog()
        log.record(customer: 1, pair: 1, answered: false, attempts: UInt32.max - 1)
        log.record(customer: 1, pair: 1, answered: true, attempts: 5)
        log.compact()
        #expect(log.attempts.map(UInt64.init).reduce(0, +) == UInt64(UInt32.max) + 4)
        #expect(log.keys.allSatisfy { VisitLog.customer(of: $0) == 1 && VisitLog.pair(of: $0) == 1 })
    }
}
