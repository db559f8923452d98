import HotlineCore
import Testing
import HotlineTestSupport


@Suite("ZoneOffsets and LocalClock")
struct ZoneOffsetsTests {
    /// +01:00, then +02:00 from 1 000, back to +01:00 from 2 000, −00:30 from 3 000.
    let zone = ZoneOffsets(initialOffset: 3600, transitions: [(1000, 7200), (2000, 3600), (3000, -1800)])

    @Test("lookups before, at, just before and just after each transition")
    func handBuiltTable() {
        let expected: [(Int64, Int32)] = [
            (.min, 3600), (-1_000_000, 3600), (0, 3600), (999, 3600),
            (1000, 7200), (1001, 7200), (1999, 7200),
            (2000, 3600), (2001, 3600), (2999, 3600),
            (3000, -1800), (3001, -1800), (.max, -1800),
        ]
        for (instant, offset) in expected {
            #expect(zone.offset(at: instant) == offset, "at \(instant)")
        }
    }

    @Test("UTC is offset 0 everywhere, and transitions that change nothing are dropped")
    func utcAndCoalescing() {
        #expect(ZoneOffsets.utc.offset(at: .min) == 0)
        #expect(ZoneOffsets.utc.offset(at: 1_795_162_503) == 0)
        #expect(ZoneOffsets(initialOffset: 0, transitions: [(5, 0), (9, 0)]) == .utc)
        let redundant = ZoneOffsets(initialOffset: 3600, transitions: [(500, 3600), (1000, 7200), (1500, 7200), (2000, 3600), (3000, -1800)])
        #expect(redundant == zone)
        #expect(zone.transitions.map(\.at) == [1000, 2000, 3000])
        #expect(zone.transitions.map(\.offset) == [7200, 3600, -1800])
        #expect(zone.initialOffset == 3600)
    }

    @Test("local days use floor division around midnight and before 1970")
    func localDays() {
        var utc = LocalClock(zone: .utc)
        #expect(utc.day(of: 0) == 0)
        #expect(utc.day(of: 86_399) == 0)
        #expect(utc.day(of: 86_400) == 1)
        #expect(utc.day(of: -1) == -1)
        #expect(utc.day(of: -86_400) == -1)
        #expect(utc.day(of: -86_401) == -2)
        #expect(utc.day(of: 1_795_162_503) == 20_777)

        var east = LocalClock(zone: ZoneOffsets(initialOffset: 3600, transitions: []))
        #expect(east.day(of: 86_400 - 3601) == 0)
        #expect(east.day(of: 86_400 - 3600) == 1)
        #expect(east.localSeconds(of: 0) == 3600)

        var west = LocalClock(zone: ZoneOffsets(initialOffset: -3600, transitions: []))
        #expect(west.day(of: 3599) == -1)
        #expect(west.day(of: 3600) == 0)
        #expect(west.localSeconds(of: 0) == -3600)
    }

    @Test("the clock follows transitions in both directions")
    func clockAcrossTransitions() {
        var clock = LocalClock(zone: zone)
        for instant: Int64 in [999, 1000, 1999, 2000, 2999, 3000, 2999, 1999, 999, -5, 3000] {
            #expect(clock.localSeconds(of: instant) == instant + Int64(zone.offset(at: instant)), "at \(instant)")
        }
    }

    @Test("LocalClock agrees with offset(at:) for random instants in random and in time order")
    func clockMatchesBinarySearch() {
        var random = SeededRandom(seed: 42)
        // A zone with 400 transitions a few hours to days apart, offsets −12 h...+14 h.
        var at: Int64 = -1_000_000
        var transitions: [(at: Int64, offset: Int32)] = []
        for _ in 0..<400 {
            at += Int64.random(in: 1...300_000, using: &random)
            transitions.append((at, Int32.random(in: -43_200...50_400, using: &random)))
        }
        let zone = ZoneOffsets(initialOffset: 0, transitions: transitions)
        var instants = (0..<20_000).map { _ in Int64.random(in: -2_000_000...(at + 1_000_000), using: &random) }
        instants += transitions.flatMap { [$0.at - 1, $0.at, $0.at + 1] }
        var clock = LocalClock(zone: zone)
        for instant in instants.shuffled(using: &random) + instants.sorted() {
            let expected = instant + Int64(zone.offset(at: instant))
            let days = expected >= 0 ? expected / 86_400 : -((-expected + 86_399) / 86_400)
            #expect(clock.localSeconds(of: instant) == expected)
            #expect(clock.day(of: instant) == days)
        }
    }
}
