import Foundation
import Testing

/// Switch logs that carry numbers no call has, through the built binary:
/// each is a counted, listed rejection (exit 0), never a trap, and what the
/// log yields is exactly what a canonical call log accepts (issue 13, points
/// 2 and 9). The fixtures' full expectations are in `QueueLogFixtureTests`.
@Suite struct SwitchLogHostileInputTests {
    static let hostileFixtures = ["hostile-values.queue_log", "horizon.queue_log"]
        .map { Support.fixture("asterisk/synthetic/" + $0) }

    /// `convert`'s rows are all read back by `report --calls`, and give the
    /// report the queue_log gives: one validation for both paths.
    @Test(arguments: hostileFixtures)
    func convertedRowsAreReadBackWithTheSameReport(log: String) throws {
        let out = try Support.scratchDirectory() + "/calls.csv"
        let converted = try Support.hotline(["convert", "--quiet", "--out", out, log])
        #expect(converted.status == 0, "\(converted.standardError)")
        let fromLog = try Support.hotline(["report", "--quiet", "--format", "json", log])
        let fromCSV = try Support.hotline(["report", "--quiet", "--format", "json", "--calls", out])
        #expect(fromLog.status == 0 && fromCSV.status == 0, "\(fromLog.standardError)\(fromCSV.standardError)")
        var logReport = try #require(try Support.json(fromLog.standardOutput) as? [String: Any])
        var csvReport = try #require(try Support.json(fromCSV.standardOutput) as? [String: Any])
        let logCalls = try #require((logReport["input"] as? [String: Any])?["calls"] as? [String: Int])
        let csvCalls = try #require((csvReport["input"] as? [String: Any])?["calls"] as? [String: Int])
        #expect(csvCalls["rejected"] == 0)
        #expect(csvCalls["rows"] == logCalls["rows"])
        #expect((logCalls["rows"] ?? 0) > 0)
        // What a queue_log does not record (busy, closed) it reports as null, a call log as measured.
        let notRecorded = try #require((logReport["input"] as? [String: Any])?["not_recorded"] as? [String])
        let unmeasured = Set(notRecorded + (notRecorded.contains("closed") ? ["reachability_open_hours"] : []))
        logReport["input"] = nil
        csvReport["input"] = nil
        let differences = Support.differences(Self.removing(unmeasured, from: csvReport),
                                             Self.removing(unmeasured, from: logReport))
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// An epoch near 2⁶³ once trapped in every output format and in `convert`.
    @Test(arguments: [["report", "--format", "table"], ["report", "--format", "json"], ["report", "--format", "csv"],
                      ["convert", "--out"]])
    func epochNearTwoToTheSixtyThreeIsOneRejectedLine(command: [String]) throws {
        let directory = try Support.scratchDirectory()
        let log = directory + "/queue_log"
        try Support.write(Array("""
            1700500100|1700500095.1|support|NONE|ENTERQUEUE||5551001|1
            9223372036854775000|1700500095.2|support|NONE|ENTERQUEUE||5551002|1
            1700500110|1700500095.1|support|SIP/701|CONNECT|10|1700500103.2|2
            1700500170|1700500095.1|support|SIP/701|COMPLETECALLER|10|60|1

            """.utf8), to: log)
        let run = try Support.hotline(command + (command.last == "--out" ? [directory + "/calls.csv"] : []) + [log])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("1 row rejected (calls: 1, contacts: 0)"), "\(run.standardError)")
        #expect(run.standardError.contains(
            "queue_log:2: bad time (outside 0001-01-01T00:00:00Z…9999-12-31T23:59:59Z)"), "\(run.standardError)")
    }

    /// A queue_log table's text time is read in the switch's zone: a year
    /// 9999 time east of UTC is still in range, west of it past the range.
    @Test func tableTimeIsCheckedAfterTheSwitchZone() throws {
        let table = try Support.scratchDirectory() + "/queue_log.csv"
        try Support.write(Array("""
            time,callid,queuename,agent,event,data1,data2,data3,data4,data5
            9999-12-31 23:00:00,c1,support,NONE,ENTERQUEUE,,5551001,1,,
            9999-12-31 23:00:10,c1,support,NONE,ABANDON,1,1,10,,

            """.utf8), to: table)
        let east = try Support.hotline(["report", "--quiet", "--format", "json", "--switch-tz", "Asia/Tokyo", table])
        let west = try Support.hotline(["report", "--quiet", "--format", "json", "--switch-tz", "America/New_York",
                                        table])
        #expect(east.status == 0 && west.status == 0, "\(east.standardError)\(west.standardError)")
        let eastCalls = try Self.calls(of: east.standardOutput), westCalls = try Self.calls(of: west.standardOutput)
        #expect(eastCalls == ["rows": 1, "rejected": 0])
        #expect(westCalls == ["rows": 0, "rejected": 2])
    }

    /// A CDR `billsec` past the duration range is the row's rejection.
    @Test func cdrBillsecOutOfRangeIsARejectedRow() throws {
        let cdr = try Support.scratchDirectory() + "/Master.csv"
        let row = { (billsec: String, id: String) in
            "\"\",\"5551001\",\"100\",\"from-pstn\",\"\",\"SIP/trunk-1\",\"SIP/100-2\",\"Dial\",\"SIP/100\","
                + "\"2026-11-20 09:00:00\",\"2026-11-20 09:00:05\",\"2026-11-20 09:01:05\",65,\(billsec),\"ANSWERED\","
                + "\"DOCUMENTATION\",\"\(id)\",\"\"\n"
        }
        try Support.write(Array((row("60", "1.1") + row("9223372036854775807", "1.2") + row("100000001", "1.3")).utf8),
                          to: cdr)
        let run = try Support.hotline(["report", "--format", "json", cdr])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try Self.calls(of: run.standardOutput) == ["rows": 1, "rejected": 2])
        #expect(run.standardError.contains("Master.csv:2: bad billsec (outside 0…100000000 s)"), "\(run.standardError)")
    }

    /// `value` without the keys `names` at any depth.
    private static func removing(_ names: Set<String>, from value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !names.contains($0.key) }.mapValues { removing(names, from: $0) }
        }
        if let array = value as? [Any] { return array.map { removing(names, from: $0) } }
        return value
    }

    private static func calls(of report: String) throws -> [String: Int] {
        let json = try #require(try Support.json(report) as? [String: Any])
        return try #require((json["input"] as? [String: Any])?["calls"] as? [String: Int])
    }
}
