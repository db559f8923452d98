import Foundation
import Testing

/// Queue and service names that a spreadsheet would run as formulas
/// (OWASP "CSV injection") reach every file meant for spreadsheets with a
/// leading `'`: `--format csv`, `--sla-out`, nightly's `sla.csv` and
/// `rejects.tsv`. Numbers keep their sign, and `convert`'s call log, which
/// hotline reads back, keeps every name exact.
@Suite struct FormulaInjectionTests {
    private let calls = Support.fixture("sla/calls.csv")
    private let contacts = Support.fixture("sla/contacts.csv")
    private let catalogue = Support.fixture("sla/catalogue.yaml")

    /// The SLA fixture's calls with the `billing` queue renamed `name` (a CSV field, quoted as needed).
    private func callsWithBillingNamed(_ field: String, in directory: String) throws -> String {
        let text = String(decoding: try Support.read(calls), as: UTF8.self)
        let path = directory + "/calls.csv"
        try Support.write(Array(text.replacingOccurrences(of: ",billing,", with: ",\(field),").utf8), to: path)
        return path
    }

    /// The SLA fixture's catalogue with the service `Care` renamed `=Care` and `billing` renamed `queue`.
    private func catalogueWithFormulaService(queue: String, in directory: String) throws -> String {
        let text = String(decoding: try Support.read(catalogue), as: UTF8.self)
            .replacingOccurrences(of: "name: Care", with: "name: \"=Care\"")
            .replacingOccurrences(of: "queues: [billing, orders]", with: "queues: ['\(queue)', orders]")
        let path = directory + "/catalogue.yaml"
        try Support.write(Array(text.utf8), to: path)
        return path
    }

    @Test(arguments: [
        ("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
    ])
    func reportCsvNeutralisesQueueNames(field: String, written: String) throws {
        let directory = try Support.scratchDirectory()
        let run = try Support.hotline(["report", "-q", "--format", "csv", try callsWithBillingNamed(field, in: directory)])
        #expect(run.status == 0)
        let queueRows = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("queue,") }
        #expect(queueRows.contains { $0.hasPrefix("queue,\(written),") }, "\(queueRows)")
    }

    @Test func slaOutNeutralisesServiceNamesButNotNegativeMargins() throws {
        let directory = try Support.scratchDirectory()
        let renamedCalls = try callsWithBillingNamed("@SUM(A1)", in: directory)
        let renamedCatalogue = try catalogueWithFormulaService(queue: "@SUM(A1)", in: directory)
        let out = directory + "/sla.csv"
        let run = try Support.hotline(["report", "-q", "--sla", renamedCatalogue, "--sla-out", out, renamedCalls, contacts])
        #expect(run.status == 0)
        let lines = String(decoding: try Support.read(out), as: UTF8.self).split(separator: "\n")
        #expect(lines.contains("'=Care,service_level,>=,30,,day,2026-11-17,false,true,0.75,0.0,missed,-0.75,50"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("'=Care,") || $0.hasPrefix("Tech,") })
    }

    @Test func nightlySlaCsvNeutralisesServiceNames() throws {
        let directory = try Support.scratchDirectory()
        let renamedCatalogue = try catalogueWithFormulaService(queue: "billing", in: directory)
        let run = try Support.hotline(["nightly", "-q", "--date", "2026-11-17", "--calls", calls, "--contacts", contacts,
                                       "--sla", renamedCatalogue, "--db", directory + "/history.sqlite",
                                       "--out", directory + "/out"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = String(decoding: try Support.read(directory + "/out/sla.csv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.contains("'=Care,service_level,>=,30,,day,2026-11-17,false,true,0.75,0.0,missed,-0.75,50"))
    }

    @Test func rejectsTsvNeutralisesTheRejectedLine() throws {
        let directory = try Support.scratchDirectory()
        let path = directory + "/calls.csv"
        try Support.write(Array("""
            call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level
            c1,cu1,billing,2026-11-16T09:00:00Z,10,100,answered,a1,1
            =cmd|' /C calc'!A0,cu1,billing,2026-11-16T09:00:00Z,10,100,hacked,a1,1
            @SUM(A1),cu1,billing,not a time,10,100,answered,a1,1

            """.utf8), to: path)
        let rejects = directory + "/rejects.tsv"
        let run = try Support.hotline(["report", "-q", "--rejects", rejects, path])
        #expect(run.status == 0)
        let lines = String(decoding: try Support.read(rejects), as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(lines.count == 3)
        #expect(lines.dropFirst().map { $0[1] } == ["3", "4"])
        #expect(lines.dropFirst().map { $0.last.map(String.init) } == [
            "'=cmd|' /C calc'!A0,cu1,billing,2026-11-16T09:00:00Z,10,100,hacked,a1,1",
            "'@SUM(A1),cu1,billing,not a time,10,100,answered,a1,1",
        ])
    }

    @Test func convertKeepsNamesExactForHotlineToReadBack() throws {
        let directory = try Support.scratchDirectory()
        let queueLog = directory + "/queue_log"
        try Support.write(Array("""
            1763283600|c1|=SUM(A1)|NONE|ENTERQUEUE||cu1|1
            1763283610|c1|=SUM(A1)|Agent/1|CONNECT|10|1|3
            1763283710|c1|=SUM(A1)|Agent/1|COMPLETECALLER|10|100|1

            """.utf8), to: queueLog)
        let out = directory + "/calls.csv"
        let run = try Support.hotline(["convert", "-q", "--out", out, queueLog])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = String(decoding: try Support.read(out), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows.last?.split(separator: ",")[2] == "=SUM(A1)")
    }
}
