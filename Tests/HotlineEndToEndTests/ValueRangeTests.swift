import Foundation
import Testing

/// Every number `hotline` reads has a documented range, checked where it is
/// read (README "Ranges"): through the built binary, a value outside is a
/// counted reject with its line or a usage error, never a trap, and values at
/// the ends of the ranges give exact reports.
@Suite struct ValueRangeTests {
    private static let callHeader = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"

    private static func callLog(_ rows: [String]) throws -> String {
        let path = try Support.scratchDirectory() + "/calls.csv"
        try Support.write(Array(([callHeader] + rows).joined(separator: "\n").utf8) + [0x0A], to: path)
        return path
    }

    private static func reportJSON(_ arguments: [String]) throws -> (document: [String: Any], run: Support.ProcessResult) {
        let run = try Support.hotline(["report", "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        return (try #require(try Support.json(run.standardOutput) as? [String: Any]), run)
    }

    private static func callCounts(_ document: [String: Any]) throws -> (rows: Int, rejected: Int) {
        let input = try #require(document["input"] as? [String: Any])
        let calls = try #require(input["calls"] as? [String: Any])
        return (try #require(calls["rows"] as? Int), try #require(calls["rejected"] as? Int))
    }

    /// SPEC §2.1's largest durations (2⁶³ − 1) in every output, the wait
    /// chart of the nightly HTML report included, which trapped on them; one
    /// past 64 bits is a counted reject.
    @Test func theLargestDurationsGiveExactReportsAndOneBeyondIsRejected() throws {
        let top = "9223372036854775807"
        let calls = try Self.callLog([
            "a,c,q,2026-11-20T10:00:00Z,\(top),\(top),answered,x,1",
            "b,c,q,2026-11-20T11:00:00Z,\(top),\(top),answered,x,1",
            "c,d,q,2026-11-20T11:00:00Z,\(top),0,abandoned,,",
            "d,d,q,2026-11-20T12:00:00Z,9223372036854775808,0,abandoned,,",
        ])
        let directory = try Support.scratchDirectory()
        let run = try Support.hotline(["nightly", "-q", "--calls", calls, "--db", directory + "/h.sqlite",
                                       "--date", "2026-11-20", "--out", directory + "/out"])
        #expect(run.status == 0, "\(run.standardError)")
        let html = String(decoding: try Support.read(directory + "/out/report.html"), as: UTF8.self)
        #expect(html.contains("Service-level threshold 20 s"))
        let report = try #require(try Support.json(file: directory + "/out/report.json") as? [String: Any])
        #expect(try Self.callCounts(report) == (rows: 3, rejected: 1))
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(overall["asa_s"] as? Double == 9_223_372_036_854_775_807.0)
        #expect(overall["mean_talk_s"] as? Double == 9_223_372_036_854_775_807.0)
        #expect(overall["mean_time_to_abandon_s"] as? Double == 9_223_372_036_854_775_807.0)
        #expect(overall["wait_p99_s"] as? Int == Int.max)
        let rejects = String(decoding: try Support.read(directory + "/out/rejects.tsv"), as: UTF8.self)
        #expect(rejects.contains("\t5\tnot an integer wait_s (does not fit int64)\t"))
        for format in ["table", "csv"] {
            let other = try Support.hotline(["report", "-q", "--detailed", "--format", format, "--calls", calls])
            #expect(other.status == 0 && other.standardOutput.contains("q"))
        }
    }

    /// Rows at the ends of the instant range, read in zones with large
    /// offsets (Kiritimati is −10:29:20 before 1901 and +14:00 since 1995).
    @Test(arguments: [
        ("UTC", ["0001-01-01", "9999-12-30", "9999-12-31"], [2, 3]),
        ("Pacific/Kiritimati", ["9999-12-31"], [2, 3, 4, 5, 7]),
        ("Etc/GMT+12", ["9999-12-30", "9999-12-31"], [2, 3, 4, 7]),
        ("Etc/GMT-14", ["0001-01-01", "9999-12-31"], [2, 3, 5]),
    ])
    func aRowWhoseLocalDayLeavesTheCalendarIsRejected(zone: String, days: [String], rejectedLines: [Int]) throws {
        let calls = try Self.callLog([
            "a,c,q,0001-01-01T00:00:00+23:59,1,1,answered,x,1",
            "b,c,q,9999-12-31T23:59:59-23:59,1,1,answered,x,1",
            "c,c,q,0001-01-01T00:00:00Z,1,1,answered,x,1",
            "d,c,q,9999-12-31T23:59:59Z,1,1,answered,x,1",
            "e,c,q,9999-12-31T12:00:00+14:00,1,1,answered,x,1",
            "f,c,q,0001-01-01T12:00:00+11:00,1,1,answered,x,1",
        ])
        let (document, run) = try Self.reportJSON(["--tz", zone, "--calls", calls])
        let counts = try Self.callCounts(document)
        #expect(counts.rows + counts.rejected == 6)
        #expect(counts.rejected == rejectedLines.count)
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == days)
        let reported = run.standardError.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("calls.csv:") }
        #expect(reported == rejectedLines.map {
            "  \(calls):\($0): arrived_at out of range (its local day must be 0001-01-01 to 9999-12-31)"
        })
    }

    @Test func aContactWhoseLocalDayLeavesTheCalendarIsRejected() throws {
        let path = try Support.scratchDirectory() + "/contacts.csv"
        try Support.write(Array("""
            contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result
            k1,K1,c,,q,phone,9999-12-31T23:59:59-00:01,a,1,resolved
            k2,K2,c,,q,phone,9999-12-31T23:59:59Z,a,1,resolved

            """.utf8), to: path)
        let run = try Support.hotline(["report", "--format", "json", "--contacts", path])
        #expect(run.status == 0)
        #expect(run.standardError.contains(
            "contacts.csv:2: started_at out of range (its local day must be 0001-01-01 to 9999-12-31)"))
        let document = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == ["9999-12-31"])
    }

    /// The switch logs' times go through the same check, with their line:
    /// an epoch near 2⁶³ (which trapped in the accumulator) in any zone, the
    /// last instant of 9999 in a zone where it is already 10000-01-01.
    @Test(arguments: [("UTC", ["2010-02-22", "9999-12-31"], [7, 8]),
                      ("Pacific/Kiritimati", ["2010-02-23"], [4, 5, 6, 7, 8])])
    func aQueueLogTimeWhoseLocalDayLeavesTheCalendarIsRejected(zone: String, days: [String], rejectedLines: [Int]) throws {
        let path = try Support.scratchDirectory() + "/queue_log"
        try Support.write(Array("""
            1266833911|1266833905.2|9000|NONE|ENTERQUEUE||03522960391
            1266833912|1266833905.2|9000|Local/2004@from-internal/n|CONNECT|1|1266833911.7
            1266833915|1266833905.2|9000|Local/2004@from-internal/n|COMPLETEAGENT|1|3|1
            253402300000|253402299000.1|9000|NONE|ENTERQUEUE||0352
            253402300001|253402299000.1|9000|Local/2004@from-internal/n|CONNECT|1|1266833911.7
            253402300005|253402299000.1|9000|Local/2004@from-internal/n|COMPLETEAGENT|1|4|1
            9223372036854775000|999.1|9000|NONE|ENTERQUEUE||0353
            9223372036854775001|999.1|9000|Local/2004@from-internal/n|CONNECT|1|1266833911.7

            """.utf8), to: path)
        let (document, run) = try Self.reportJSON(["--tz", zone, path])
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == days)
        let reported = run.standardError.split(separator: "\n").filter { $0.hasPrefix("  \(path):") }
        // Lines 7 and 8 are past 9999 in every zone: the line reader refuses
        // them before any zone applies; lines 4 to 6 leave the calendar only
        // in a zone ahead of UTC.
        #expect(reported == rejectedLines.map { line in
            let reason = line >= 7 ? "outside 0001-01-01T00:00:00Z…9999-12-31T23:59:59Z"
                : "out of range: its local day must be 0001-01-01 to 9999-12-31"
            return "  \(path):\(line): bad time (\(reason))"
        })
    }

    @Test func aCDRStartWhoseLocalDayLeavesTheCalendarIsRejected() throws {
        let path = try Support.scratchDirectory() + "/Master.csv"
        let leg = { (caller: String, start: String) in
            "\"\",\"\(caller)\",\"200\",\"from-pstn\",\"\"\"device\"\" <\(caller)>\",\"SIP/\(caller)-1\",\"SIP/200-1\",\"Dial\","
                + "\"SIP/200\",\"\(start):00\",\"\(start):05\",\"\(start):56\",56,51,\"ANSWERED\",\"DOCUMENTATION\",\"\(caller).0\",\"\""
        }
        try Support.write(Array([leg("1500", "2016-09-06 16:38"), leg("1501", "9999-12-31 23:00")].joined(separator: "\n").utf8),
                          to: path)
        // At −12:00 on the switch's clock, 9999-12-31 23:00 is 10000-01-01 11:00 UTC.
        let (document, run) = try Self.reportJSON(["--switch-tz", "Etc/GMT+12", path])
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == ["2016-09-07"])
        #expect(run.standardError.contains("\(path):2: bad start (outside 0001-01-01T00:00:00Z…9999-12-31T23:59:59Z)"))
        let (utc, _) = try Self.reportJSON([path])
        #expect((utc["by_day"] as? [String: Any])?.keys.sorted() == ["2016-09-06", "9999-12-31"])
        // A start inside 9999 in UTC whose local day in --tz is 10000-01-01.
        let (kiritimati, ahead) = try Self.reportJSON(["--tz", "Pacific/Kiritimati", "--switch-tz", "UTC", path])
        #expect((kiritimati["by_day"] as? [String: Any])?.keys.sorted() == ["2016-09-07"])
        #expect(ahead.standardError.contains(
            "\(path):2: bad start (out of range: its local day must be 0001-01-01 to 9999-12-31)"))
    }

    /// Asia/Dubai's first transition skipped 00:00:00–00:18:47 of 1920-01-01
    /// (LMT +3:41:12 to +4:00): a CDR time in that gap trapped stepping before
    /// the zone's first interval. It is read with the offset before the change.
    @Test func aSwitchTimeSkippedByAZonesFirstTransitionIsRead() throws {
        let path = try Support.scratchDirectory() + "/Master.csv"
        try Support.write(Array(("\"\",\"1500\",\"200\",\"from-pstn\",\"\"\"device\"\" <1500>\",\"SIP/1500-1\",\"SIP/200-1\","
            + "\"Dial\",\"SIP/200\",\"1920-01-01 00:10:00\",\"1920-01-01 00:10:05\",\"1920-01-01 00:10:56\",56,51,"
            + "\"ANSWERED\",\"DOCUMENTATION\",\"1500.0\",\"\"\n").utf8), to: path)
        // 00:10:00 at +3:41:12 is 1919-12-31T20:28:48Z.
        let (document, _) = try Self.reportJSON(["--switch-tz", "Asia/Dubai", path])
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == ["1919-12-31"])
        let (dubai, _) = try Self.reportJSON(["--tz", "Asia/Dubai", path])
        #expect((dubai["by_day"] as? [String: Any])?.keys.sorted() == ["1920-01-01"])
    }

    @Test(arguments: [
        (["nightly", "--calls", "x.csv", "--db", "h.sqlite", "--sl-threshold", "9223372036854775807"],
         "--sl-threshold must be between 0 and 100000000 (got 9223372036854775807)"),
        (["report", "--sl-threshold=-1", "x.csv"], "--sl-threshold must be between 0 and 100000000 (got -1)"),
        (["report", "--short-abandon", "100000001", "x.csv"], "--short-abandon must be between 0 and 100000000 (got 100000001)"),
        (["report", "--threads", "0", "x.csv"], "--threads must be between 1 and 256 (got 0)"),
        (["convert", "--threads", "257", "--out", "y.csv", "x.csv"], "--threads must be between 1 and 256 (got 257)"),
        (["nightly", "--calls", "x.csv", "--db", "h.sqlite", "--lock-timeout", "86401"],
         "--lock-timeout must be between 0 and 86400 (got 86401)"),
        (["generate", "--calls", "1000000001", "--out", "g"],
         "the number of calls must be at most 1000000000 (got 1000000001)"),
    ])
    func aNumericOptionOutsideItsRangeIsAUsageErrorThatStatesTheRange(arguments: [String], message: String) throws {
        let run = try Support.hotline(arguments)
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test(arguments: [
        (["report", "--help"], ["0 to 100000000 s", "1 to 256"]),
        (["nightly", "--help"], ["0 to 100000000 s", "1 to 256", "0 to 86400"]),
        (["convert", "--help"], ["1 to 256"]),
        (["generate", "--help"], ["0 to 1000000000", "0 to 18446744073709551615", "ending before the", "year 10000"]),
    ])
    func helpShowsEveryRange(arguments: [String], ranges: [String]) throws {
        let run = try Support.hotline(arguments)
        #expect(run.status == 0)
        for range in ranges { #expect(run.standardOutput.contains(range), "\(range)") }
    }

    /// The nightly job at the top of every range: the day is stored and the
    /// HTML report, whose wait chart trapped on such values, is written.
    @Test func nightlyAtTheTopOfTheRangesWritesEveryFile() throws {
        let calls = try Self.callLog([
            "a,c,q,2026-11-20T10:00:00Z,100000000,100000000,answered,x,1",
            "b,c,q,2026-11-20T11:00:00Z,3,60,answered,x,1",
            "c,d,q,2026-11-20T11:00:00Z,100000000,0,abandoned,,",
        ])
        let directory = try Support.scratchDirectory()
        let run = try Support.hotline(["nightly", "-q", "--calls", calls, "--db", directory + "/h.sqlite", "--date", "2026-11-20",
                                       "--sl-threshold", "100000000", "--short-abandon", "100000000",
                                       "--lock-timeout", "86400", "--out", directory + "/out"])
        #expect(run.status == 0, "\(run.standardError)")
        let html = String(decoding: try Support.read(directory + "/out/report.html"), as: UTF8.self)
        #expect(html.contains("Service-level threshold 100000000 s"))
        let report = try #require(try Support.json(file: directory + "/out/report.json") as? [String: Any])
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(overall["service_level"] as? Double == 2.0 / 3.0)
        #expect(overall["short_abandoned"] as? Int == 0)
        #expect(overall["wait_p99_s"] as? Int == 100_000_000)
    }

    /// Two rows 9 998 years apart with daily, weekly and monthly commitments:
    /// the evaluation lists the periods with data, not every day between.
    @Test func slaPeriodsAreOnlyThoseWithData() throws {
        let calls = try Self.callLog([
            "a,c,q,0001-01-01T10:00:00Z,5,60,answered,x,1",
            "b,c,q,9999-12-31T10:00:00Z,50,60,answered,x,1",
        ])
        let directory = try Support.scratchDirectory()
        try Support.write(Array("""
            currency: EUR
            services:
              - name: Care
                queues: [q]
                commitments:
                  - {metric: service_level, comparison: ">=", target: 0.8, period: day, penalty: 10}
                  - {metric: answered, comparison: ">=", target: 1, period: week}
                  - {metric: asa_s, comparison: "<=", target: 20, period: month}

            """.utf8), to: directory + "/sla.yaml")
        let (document, run) = try Self.reportJSON(["--sla", directory + "/sla.yaml", "--sla-out", directory + "/sla.csv",
                                                   "--calls", calls])
        #expect(run.standardOutput.utf8.count < 20_000)
        let byDay = try #require(document["by_day"] as? [String: Any])
        #expect(byDay.keys.sorted() == ["0001-01-01", "9999-12-31"])
        let sla = try #require(document["sla"] as? [String: Any])
        let services = try #require(sla["services"] as? [String: Any])
        let care = try #require(services["Care"] as? [String: Any])
        let commitments = try #require(care["commitments"] as? [[String: Any]])
        let labels = try commitments.map { commitment in
            try #require(commitment["periods"] as? [[String: Any]]).map { $0["period"] as? String }
        }
        #expect(labels == [["0001-01-01", "9999-12-31"], ["0001-W01", "9999-W52"], ["0001-01", "9999-12"]])
        let totals = try #require(sla["totals"] as? [String: Any])
        #expect(totals["met"] as? Int == 4 && totals["missed"] as? Int == 2 && totals["not_measurable"] as? Int == 0)
        let rows = String(decoding: try Support.read(directory + "/sla.csv"), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1 + 6)
    }
}
