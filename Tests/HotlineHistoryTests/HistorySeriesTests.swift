import HotlineCore
import HotlineHistory
import Testing

/// The trend queries: one day per stored night in range, values per scope and metric.
@Suite struct HistorySeriesTests {
    /// Nights of 2026-11-18, -19 (no `orders` traffic), -20 and -22, offered 10, 20, 30, 40.
    private func store() throws -> HistoryStore {
        let store = try HistoryStore(path: try HistoryFixtures.scratchDatabase())
        try store.record(HistoryFixtures.night("2026-11-18", offered: 10))
        try store.record(HistoryFixtures.night("2026-11-19", offered: 20, queues: [("billing", 20)]))
        try store.record(HistoryFixtures.night("2026-11-20", offered: 30))
        try store.record(HistoryFixtures.night("2026-11-22", offered: 40))
        return store
    }

    @Test func everyStoredNightOldestFirst() throws {
        let days = try store().series(metrics: [.offered, .reachability, .caseEscalationRate])
        #expect(days == [
            HistoryDay(day: "2026-11-18", values: [.offered: .integer(10), .reachability: .real(8.0 / 13), .caseEscalationRate: .null]),
            HistoryDay(day: "2026-11-19", values: [.offered: .integer(20), .reachability: .real(18.0 / 23), .caseEscalationRate: .null]),
            HistoryDay(day: "2026-11-20", values: [.offered: .integer(30), .reachability: .real(28.0 / 33), .caseEscalationRate: .null]),
            HistoryDay(day: "2026-11-22", values: [.offered: .integer(40), .reachability: .real(38.0 / 43), .caseEscalationRate: .null]),
        ])
    }

    @Test func boundsAreInclusiveAndEitherCanBeOpen() throws {
        let store = try store()
        #expect(try store.series(from: "2026-11-19", to: "2026-11-20", metrics: [.offered]).map(\.day) == ["2026-11-19", "2026-11-20"])
        #expect(try store.series(from: "2026-11-20", metrics: [.offered]).map(\.day) == ["2026-11-20", "2026-11-22"])
        #expect(try store.series(to: "2026-11-18", metrics: [.offered]).map(\.day) == ["2026-11-18"])
        #expect(try store.series(from: "2026-11-23", metrics: [.offered]).isEmpty)
        #expect(try store.nights(from: "2026-11-19", to: "2026-11-21").map(\.day) == ["2026-11-19", "2026-11-20"])
    }

    @Test func aQueueWithoutTrafficOnANightIsNull() throws {
        let days = try store().series(scope: .queue("orders"), metrics: [.offered, .asaSeconds])
        #expect(days.map(\.day) == ["2026-11-18", "2026-11-19", "2026-11-20", "2026-11-22"])
        #expect(days.map { $0[.offered] } == [.integer(3), .null, .integer(3), .integer(3)])
        #expect(days.map { $0[.asaSeconds] } == [.real(13.0), .null, .real(13.0), .real(13.0)])
        #expect(try store().series(scope: .queue("unknown"), metrics: [.offered]).allSatisfy { $0[.offered] == .null })
    }

    @Test func onlyTheRequestedMetricsAreRead() throws {
        let day = try #require(try store().series(to: "2026-11-18", scope: .queue("billing"), metrics: [.answered]).first)
        #expect(day.values == [.answered: .integer(6)])
        #expect(day[.offered] == .null)
    }

    @Test func theLastDaysEndingOnADay() throws {
        let store = try store()
        #expect(try store.series(lastDays: 3, endingOn: "2026-11-20", metrics: [.offered]).map(\.day)
            == ["2026-11-18", "2026-11-19", "2026-11-20"])
        #expect(try store.series(lastDays: 2, endingOn: "2026-11-22", metrics: [.offered]).map(\.day) == ["2026-11-22"])
        #expect(try store.series(lastDays: 30, endingOn: "2026-12-01", metrics: [.offered]).count == 4)
        #expect(try store.series(lastDays: 0, endingOn: "2026-11-22", metrics: [.offered]).isEmpty)
    }
}
